-- The ФИОКО list of schools with low results (ШНОР), per year, as of the run date.
SELECT
  r.year,
  r.school_login,
  r._batch_id AS batch_id
FROM raw_shnor_list r
JOIN partition_as_of('shnor_list', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY r.year, r.school_login ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
