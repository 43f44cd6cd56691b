-- Schools of the regional support programme (ШНОР / ШНСУ), per year, as of the run date.
SELECT
  r.year,
  r.school_login,
  r.category,
  r._batch_id AS batch_id
FROM raw_regional_programme r
JOIN partition_as_of('regional_programme', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY r.year, r.school_login, r.category ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
