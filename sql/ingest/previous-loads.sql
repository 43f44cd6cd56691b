-- The latest load of each file loaded so far, by checksum ($sha: one file; NULL: every file), so an
-- unchanged file of an inbox is known without reading it.
SELECT sha256, batch_id, source, contract_fingerprint, rows_rejected, registry_batch,
       strftime(snapshot_date, '%Y-%m-%d') AS snapshot_date
FROM load_batch
WHERE status = 'loaded' AND ($sha IS NULL OR sha256 = $sha)
QUALIFY row_number() OVER (PARTITION BY sha256 ORDER BY batch_id DESC) = 1
