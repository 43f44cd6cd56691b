-- The clustering parameters (k range, minimum sizes, restarts, naming) from the risk_settings reference.
SELECT parameter, CAST(value AS DOUBLE) AS value FROM ref_risk_settings
