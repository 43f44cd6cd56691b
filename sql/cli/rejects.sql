-- Rejected values of the versions in force (batch_state 'current'), or of one version ($batch),
-- with the municipality of the school when the row named a known one.
-- $batch, $source, $file (part of the file name, any case): filters, NULL for none.
SELECT r.batch_id, r.source, r.file_name, r.sheet, r.line, r.column_name, r.value, r.reason,
       r.school_login, h.school_name, h.municipality
FROM rejects r
JOIN load_batch b USING (batch_id)
JOIN batch_state s USING (batch_id)
LEFT JOIN school_registry_history h ON h.school_login = r.school_login
WHERE b.status = 'loaded'
  AND (s.state = 'current' OR r.batch_id = $batch)
  AND ($batch IS NULL OR r.batch_id = $batch)
  AND ($source IS NULL OR r.source = $source)
  AND ($file IS NULL OR strpos(lower(r.file_name), lower($file)) > 0)
ORDER BY h.municipality NULLS LAST, r.file_name, r.batch_id, r.sheet NULLS FIRST, r.line, r.column_name;
