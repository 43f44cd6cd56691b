-- The version shnor unload is asked to remove.
SELECT batch_id, file_name, source, status, snapshot_date, unloaded_at, rows_loaded, rows_rejected
FROM load_batch
WHERE batch_id = $batch;
