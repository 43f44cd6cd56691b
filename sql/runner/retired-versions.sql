-- How many retired versions (<name>__v<n>) of a model's table ($prefix = '<name>__v') are kept.
SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND starts_with(table_name, $prefix)
