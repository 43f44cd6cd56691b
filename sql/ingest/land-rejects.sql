-- A file's rejected values (TEMP file_rejects_all), landed with its load $batch.
INSERT INTO rejects
SELECT $batch, $source, $file, _sheet, _line, column_name, value, reason, school_login
FROM file_rejects_all
