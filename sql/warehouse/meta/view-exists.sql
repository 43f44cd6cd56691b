-- Whether a (persistent) view exists: $name.
SELECT count(*) AS n FROM duckdb_views() WHERE view_name = $name AND NOT temporary
