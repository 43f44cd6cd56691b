-- Diagnostics of managers' competences, per year and wave, as of the run date: one row per person
-- and competence. level is free text: lower case with single spaces (the names of level_bands).
SELECT
  r.year,
  trim(r.wave) AS wave,
  trim(r.person_id) AS person_id,
  r.position,
  r.school_login,
  trim(r.competence) AS competence,
  r.score,
  r.max_score,
  lower(regexp_replace(trim(r.level), '\s+', ' ', 'g')) AS level,
  r._batch_id AS batch_id
FROM raw_manager_diagnostics r
JOIN partition_as_of('manager_diagnostics', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY r.year, trim(r.wave), trim(r.person_id), trim(r.competence)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
