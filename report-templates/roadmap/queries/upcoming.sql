-- Items whose period has not ended by the date and that are not done yet: what is still ahead.
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
WHERE year = run_year() AND as_of = as_of_date() AND due_state = 'срок не наступил' AND NOT done
ORDER BY roadmap_code, item_order NULLS LAST, item_no
