-- The commonest reasons a file's rows were rejected (TEMP file_rejects_all), for the file's summary.
SELECT reason, CAST(count(DISTINCT (_sheet, _line)) AS INTEGER) AS count
FROM file_rejects_all
GROUP BY reason
ORDER BY count DESC, reason
LIMIT 5
