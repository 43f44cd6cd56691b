-- Records the key's fingerprint when the warehouse is created.
INSERT INTO warehouse_meta VALUES ('secret_fingerprint', $fingerprint)
