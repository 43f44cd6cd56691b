-- For each part (partition) of a new load ($batch): the version it replaces from its snapshot date on —
-- the latest loaded version of that part with a snapshot on or before the new one (ties: the later load),
-- with its file, so that the load can say what it replaced and which rows are gone.
SELECT n.partition_key,
       n.rows,
       strftime(n.snapshot_date, '%d.%m.%Y') AS date,
       p.batch_id AS before_batch,
       p.rows AS before_rows,
       p.file_name AS before_file,
       strftime(p.snapshot_date, '%d.%m.%Y') AS before_date,
       p.snapshot_date = n.snapshot_date AS same_date
FROM batch_partition n
JOIN LATERAL (
  SELECT bp.batch_id, bp.rows, bp.snapshot_date, b.file_name
  FROM batch_partition bp
  JOIN load_batch b USING (batch_id)
  WHERE bp.source = n.source AND bp.partition_key = n.partition_key AND b.status = 'loaded'
    AND bp.snapshot_date <= n.snapshot_date AND bp.batch_id <> n.batch_id
  ORDER BY bp.snapshot_date DESC, bp.batch_id DESC
  LIMIT 1
) p ON true
WHERE n.batch_id = $batch
ORDER BY n.partition_key
