-- The fingerprint of the pseudonymisation key the warehouse was created with.
SELECT value FROM warehouse_meta WHERE key = 'secret_fingerprint'
