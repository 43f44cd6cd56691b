-- Diagnostics of teachers' professional deficits (ДИРО), per year, wave and subject, as of the run
-- date: one row per teacher and item.
SELECT
  r.year,
  trim(r.wave) AS wave,
  trim(r.teacher_id) AS teacher_id,
  r.school_login,
  r.subject,
  r.block,
  trim(r.item_no) AS item_no,
  trim(r.topic) AS topic,
  r.score,
  r.max_score,
  r._batch_id AS batch_id
FROM raw_teacher_diagnostics r
JOIN partition_as_of('teacher_diagnostics', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY r.year, trim(r.wave), trim(r.teacher_id), r.subject, trim(r.item_no)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
