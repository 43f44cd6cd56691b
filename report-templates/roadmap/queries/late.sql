-- Items done after the end of their period (due by the date), with the date they were done.
SELECT
  roadmap_code,
  CASE WHEN count(DISTINCT roadmap_code) OVER () > 1 THEN roadmap_code || ', ' || item_no ELSE item_no END
    AS item_label,
  item_no,
  item_order,
  task,
  period,
  period_end,
  done_at,
  CAST(done_at - period_end AS INTEGER) AS days_late,
  executor
FROM roadmap_items
WHERE year = run_year() AND as_of = as_of_date() AND due AND done AND NOT done_on_time
ORDER BY roadmap_code, item_order NULLS LAST, item_no
