-- Professional development courses taken by teachers, per year, as of the run date.
-- block is free text: spelled as the blocks of teacher_diagnostics where it is one of them, so
-- training can be set against the deficits found (§4.7).
SELECT
  r.year,
  trim(r.teacher_id) AS teacher_id,
  r.school_login,
  trim(r.course) AS course,
  r.hours,
  CASE
    WHEN lower(regexp_replace(trim(r.block), '\s+', ' ', 'g')) IN ('нормативно-правовой', 'нормативно правовой', 'нормативный', 'правовой')
      THEN 'нормативно-правовой'
    WHEN lower(regexp_replace(trim(r.block), '\s+', ' ', 'g')) IN ('психолого-педагогический', 'психолого педагогический', 'психологический')
      THEN 'психолого-педагогический'
    ELSE lower(regexp_replace(trim(r.block), '\s+', ' ', 'g'))
  END AS block,
  r.completed_at,
  r._batch_id AS batch_id
FROM raw_pd_courses r
JOIN partition_as_of('pd_courses', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY r.year, trim(r.teacher_id), trim(r.course)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
