-- Removes a version's bookkeeping (its raw rows are deleted by the caller, whose table name is the
-- source's) and marks it unloaded; run inside one transaction with that delete.
DELETE FROM batch_partition WHERE batch_id = $batch;
DELETE FROM rejects WHERE batch_id = $batch;
UPDATE load_batch SET status = 'unloaded', unloaded_at = current_localtimestamp() WHERE batch_id = $batch;
