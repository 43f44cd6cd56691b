-- Risk directions of each school in ИС МЭДК (activated or not), per year, as of the run date.
SELECT
  r.year,
  r.school_login,
  r.factor_code,
  r.activated,
  r.activated_at,
  r.verified_by_curator,
  r._batch_id AS batch_id
FROM raw_medk_directions r
JOIN partition_as_of('medk_directions', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY r.year, r.school_login, r.factor_code ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
