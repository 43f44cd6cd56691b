-- The version of the reference tables a report was computed with (DOMAIN §3.8: reports name it).
SELECT max(loaded_at) AS loaded_at,
       left(sha256(string_agg(name || ':' || sha256, ',' ORDER BY name)), 12) AS version
FROM reference_version
