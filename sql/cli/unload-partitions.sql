-- For each partition of version $batch, read before it is removed: the version in force now
-- (before_batch) and the one in force once it is gone (after_*: the latest loaded snapshot of the
-- other versions, then the later load; NULL when none is left). Same ordering as partition_as_of.
WITH mine AS (
  SELECT source, partition_key FROM batch_partition WHERE batch_id = $batch
),
candidates AS (
  SELECT bp.partition_key, bp.batch_id, bp.snapshot_date, b.file_name
  FROM batch_partition bp
  JOIN load_batch b USING (batch_id)
  JOIN mine m ON m.source = bp.source AND m.partition_key = bp.partition_key
  WHERE b.status = 'loaded'
),
before AS (
  SELECT * FROM candidates
  QUALIFY row_number() OVER (PARTITION BY partition_key ORDER BY snapshot_date DESC, batch_id DESC) = 1
),
after AS (
  SELECT * FROM candidates WHERE batch_id <> $batch
  QUALIFY row_number() OVER (PARTITION BY partition_key ORDER BY snapshot_date DESC, batch_id DESC) = 1
)
SELECT m.partition_key, bf.batch_id AS before_batch, af.batch_id AS after_batch,
       af.snapshot_date AS after_snapshot, af.file_name AS after_file
FROM mine m
LEFT JOIN before bf ON bf.partition_key = m.partition_key
LEFT JOIN after af ON af.partition_key = m.partition_key
ORDER BY m.partition_key;
