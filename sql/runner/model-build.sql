-- What the model runner recorded for one model and run: the fingerprint it was built from and its rows.
SELECT fingerprint, rows FROM model_build
WHERE model = $model AND year = $year AND as_of = CAST($as_of AS DATE)
