-- Schools the ФИОКО lists with signs of biased results, per year, as of the run date.
-- Subject, grade and marker may be empty: they are part of the key as they are.
SELECT
  r.year,
  r.school_login,
  r.subject,
  r.grade,
  trim(r.marker) AS marker,
  r._batch_id AS batch_id
FROM raw_objectivity_list r
JOIN partition_as_of('objectivity_list', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY r.year, r.school_login, r.subject, r.grade, trim(r.marker)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
