-- School risk profiles (РПШ): one row per school and risk factor, per year, as of the run date.
-- risk_level: 3 высокий, 2 средний, 1 низкий, 0 отсутствует.
SELECT
  r.year,
  r.school_login,
  r.factor_code,
  r.risk_level,
  r._batch_id AS batch_id
FROM raw_risk_profiles r
JOIN partition_as_of('risk_profiles', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY r.year, r.school_login, r.factor_code ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
