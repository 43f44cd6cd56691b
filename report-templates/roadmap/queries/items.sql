-- Every item of the year's roadmaps with its state on the date (a sheet of the XLSX).
SELECT roadmap_code, item_no, item_order, task, period, executor, indicator, due_state, status, done_at,
       done_on_time, overdue, days_overdue, evidence
FROM roadmap_items
WHERE year = run_year() AND as_of = as_of_date()
ORDER BY roadmap_code, item_order NULLS LAST, item_no
