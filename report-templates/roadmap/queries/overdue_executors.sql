-- The executors of the overdue items, each once, in the order of the items (for the sentence).
SELECT coalesce(executor, 'исполнитель не указан') AS executor, min(item_order) AS first_item
FROM roadmap_items
WHERE year = run_year() AND as_of = as_of_date() AND overdue
GROUP BY ALL
ORDER BY first_item NULLS LAST, executor
