-- Every loaded version of a source's partitions dated up to the run's date, as one hash: a model's
-- fingerprint changes when any of them is loaded or unloaded.
SELECT md5(string_agg(bp.partition_key || '@' || bp.batch_id, ',' ORDER BY bp.partition_key, bp.batch_id))
FROM batch_partition bp JOIN load_batch b USING (batch_id)
WHERE bp.source = $source AND b.status = 'loaded' AND bp.snapshot_date <= CAST($as_of AS DATE)
