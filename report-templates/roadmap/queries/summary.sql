-- Each regional roadmap of the run year as of the date (DOMAIN §4.9): items, due, done, on time, late,
-- overdue, not due, period not read; the executors of the overdue items, for the sentence.
SELECT
  r.roadmap_code,
  r.items,
  r.items_period_unknown,
  r.not_due,
  r.due,
  r.done,
  r.done_of_due,
  r.done_on_time,
  r.done_late,
  r.done_date_unknown,
  r.overdue,
  r.done_before_due,
  r.not_due - r.done_before_due AS upcoming,
  r.share_done,
  r.share_on_time,
  (SELECT count(*) FROM roadmap_items i
   WHERE i.year = r.year AND i.as_of = r.as_of AND i.roadmap_code = r.roadmap_code
     AND i.overdue AND i.status = 'нет сведений') AS overdue_no_info,
  (SELECT count(*) FROM roadmap_items i
   WHERE i.year = r.year AND i.as_of = r.as_of AND i.roadmap_code = r.roadmap_code
     AND i.overdue AND i.executor IS NULL) AS overdue_no_executor
FROM roadmap r
WHERE r.year = run_year() AND r.as_of = as_of_date()
ORDER BY r.roadmap_code
