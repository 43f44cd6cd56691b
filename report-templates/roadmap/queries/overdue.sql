-- Overdue items (due by the date, not done) with their executor: the list the ministry asks about.
-- The roadmap is named in the number only when the year has more than one roadmap.
SELECT
  roadmap_code,
  CASE WHEN count(DISTINCT roadmap_code) OVER () > 1 THEN roadmap_code || ', ' || item_no ELSE item_no END
    AS item_label,
  item_no,
  item_order,
  task,
  period,
  executor,
  status,
  days_overdue
FROM roadmap_items
WHERE year = run_year() AND as_of = as_of_date() AND overdue
ORDER BY roadmap_code, item_order NULLS LAST, item_no
