-- The columns of a model's table ($name), in order, to tell whether its shape changed.
SELECT column_name, data_type FROM duckdb_columns()
WHERE table_name = $name AND schema_name = 'main'
ORDER BY column_index
