-- The fingerprint a table-materialised model (one run only) was last built with.
SELECT fingerprint FROM model_build WHERE model = $model ORDER BY built_at DESC LIMIT 1
