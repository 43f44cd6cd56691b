-- Whether a (persistent) table exists: $name in $schema.
SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $name AND schema_name = $schema AND NOT temporary
