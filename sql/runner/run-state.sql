-- What the outcome of a run depends on in the warehouse: every version loaded (or unloaded) up to the
-- date and the reference tables. Two runs with the same state (and the same project files) have the
-- same models, tests and reports.
SELECT md5(
  coalesce((SELECT string_agg(batch_id || ':' || status || ':' || coalesce(CAST(unloaded_at AS VARCHAR), ''),
                              ',' ORDER BY batch_id)
            FROM load_batch
            WHERE snapshot_date <= CAST(getvariable('as_of') AS DATE)), '')
  || '|' ||
  coalesce((SELECT string_agg(name || ':' || sha256, ',' ORDER BY name) FROM reference_version), '')
) AS state
