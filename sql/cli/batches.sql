-- The load log for shnor batches: one row per version, oldest first.
-- $source: only this source (NULL: all); $all: include unloaded versions.
SELECT b.batch_id, b.file_name, b.sheets, b.source, b.snapshot_date, b.snapshot_origin,
       b.rows_read, b.rows_loaded, b.rows_rejected, b.rows_skipped,
       b.status, s.state, b.ended_at AS loaded_at, b.unloaded_at, b.warnings
FROM load_batch b
JOIN batch_state s USING (batch_id)
WHERE ($source IS NULL OR b.source = $source)
  AND ($all OR b.status = 'loaded')
ORDER BY b.batch_id;
