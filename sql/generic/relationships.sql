-- Rows whose value has no match in the referenced model or table.
SELECT * FROM this c
WHERE c.:column IS NOT NULL AND NOT EXISTS (SELECT 1 FROM :to p WHERE p.:field = c.:column)
