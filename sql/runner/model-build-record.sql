-- What a model was built from for one run (year, as of): its fingerprint and rows.
INSERT OR REPLACE INTO model_build VALUES ($model, $year, CAST($as_of AS DATE), $fp, $rows, 0, current_timestamp)
