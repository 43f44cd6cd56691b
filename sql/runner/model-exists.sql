-- Whether a model's table or view exists in the warehouse (1 or 0).
SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = $model AND NOT temporary)
     + (SELECT count(*) FROM duckdb_views() WHERE view_name = $model AND NOT temporary) AS n
