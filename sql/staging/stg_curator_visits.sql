-- Curators' visits to schools, per calendar year of the visit, as of the run date.
SELECT
  r.year,
  r.school_login,
  trim(r.curator_name) AS curator_name,
  r.visit_date,
  r.visit_kind,
  r._batch_id AS batch_id
FROM raw_curator_visits r
JOIN partition_as_of('curator_visits', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY r.school_login, r.visit_date, trim(r.curator_name)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
