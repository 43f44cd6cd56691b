-- The newest registry version loaded (files with rejects are re-checked when it changes).
SELECT max(batch_id) FROM load_batch WHERE source = 'schools' AND status = 'loaded'
