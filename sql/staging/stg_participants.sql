-- Schools taking part in «500+», per year: each year's latest list as of the run date.
SELECT
  r.year,
  r.school_login,
  r.cohort,
  trim(r.curator_name) AS curator_name,
  r.curator_assigned_at,
  trim(r.municipal_coordinator) AS municipal_coordinator,
  r.included_at,
  r._batch_id AS batch_id
FROM raw_participants r
JOIN partition_as_of('participants', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY r.year, r.school_login ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
