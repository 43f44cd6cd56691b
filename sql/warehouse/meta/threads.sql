-- DuckDB's worker threads (a setting of the whole open warehouse).
SELECT CAST(current_setting('threads') AS INTEGER)
