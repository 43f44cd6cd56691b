-- The school registry as of the run date: the latest registry version on or before it (the
-- registry has one partition, so one version). One row per school; the region code, when the
-- export has none, is the two digits after «sch» in the login (DOMAIN §3.5).
SELECT
  r.school_login,
  trim(r.school_name) AS school_name,
  trim(r.municipality) AS municipality,
  trim(r.municipality_code) AS municipality_code,
  coalesce(trim(r.region_code), substr(r.school_login, 4, 2)) AS region_code,
  trim(r.rcoi_code) AS rcoi_code,
  r.settlement_type,
  r.students_total,
  r.is_small_school,
  r._batch_id AS batch_id
FROM raw_schools r
JOIN partition_as_of('schools', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY r.school_login ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
