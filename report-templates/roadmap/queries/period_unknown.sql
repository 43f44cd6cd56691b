-- Items whose period could not be read: counted neither as due nor as not due.
SELECT
  roadmap_code,
  CASE WHEN count(DISTINCT roadmap_code) OVER () > 1 THEN roadmap_code || ', ' || item_no ELSE item_no END
    AS item_label,
  item_no,
  item_order,
  task,
  period,
  executor,
  status
FROM roadmap_items
WHERE year = run_year() AND as_of = as_of_date() AND due_state = 'срок не распознан'
ORDER BY roadmap_code, item_order NULLS LAST, item_no
