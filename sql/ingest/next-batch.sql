-- The number of a new load (version), taken when its transaction opens.
SELECT CAST(nextval('load_batch_seq') AS INTEGER)
