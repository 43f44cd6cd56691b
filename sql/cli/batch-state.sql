-- The state of every version (load_batch): «current» when it is the latest loaded version of at
-- least one of its partitions (the ordering of partition_as_of: snapshot date, then the later load),
-- or, having no loaded rows and so no partitions, when no later load of the same file replaced it;
-- «replaced» when newer versions took all its partitions; «unloaded» after shnor unload.
CREATE OR REPLACE TEMP VIEW batch_state AS
WITH latest AS (
  SELECT bp.batch_id,
         row_number() OVER (
           PARTITION BY bp.source, bp.partition_key ORDER BY bp.snapshot_date DESC, bp.batch_id DESC
         ) AS rn
  FROM batch_partition bp
  JOIN load_batch b USING (batch_id)
  WHERE b.status = 'loaded'
)
SELECT b.batch_id,
       CASE
         WHEN b.status <> 'loaded' THEN 'unloaded'
         WHEN b.batch_id IN (SELECT batch_id FROM latest WHERE rn = 1) THEN 'current'
         WHEN b.batch_id NOT IN (SELECT batch_id FROM batch_partition)
          AND NOT EXISTS (
            SELECT 1 FROM load_batch n
            WHERE n.status = 'loaded' AND n.source = b.source AND n.batch_id > b.batch_id
              AND (n.sha256 = b.sha256 OR n.file_name = b.file_name)
          ) THEN 'current'
         ELSE 'replaced'
       END AS state
FROM load_batch b;
