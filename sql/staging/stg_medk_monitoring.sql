-- Monitoring of positive changes in ИС МЭДК, per year and stage, as of the run date: one row per
-- school, risk direction and indicator.
SELECT
  r.year,
  r.stage,
  r.school_login,
  r.factor_code,
  trim(r.indicator) AS indicator,
  r.baseline_value,
  r.target_value,
  r.actual_value,
  r.positive_change,
  r.confirmed_by_curator,
  r.submitted_at,
  r._batch_id AS batch_id
FROM raw_medk_monitoring r
JOIN partition_as_of('medk_monitoring', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY r.year, r.stage, r.school_login, r.factor_code, trim(r.indicator)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
