-- ЕГЭ results from the РЦОИ, per year, exam date and subject, as of the run date: one row per
-- participant and sitting. Not deduplicated: every attempt is kept (retakes: marts take the last
-- of the year), and absent participants (is_absent) are kept. mark is given for базовая
-- математика, test_score for the other subjects. class_name is written as «11А».
SELECT
  r.year,
  r.exam_date,
  r.subject,
  r.rcoi_code,
  r.school_login,
  trim(r.municipality_code) AS municipality_code,
  upper(regexp_replace(trim(r.class_name), '[\s«»"''-]+', '', 'g')) AS class_name,
  r.student,
  r.attempt,
  r.primary_score,
  r.mark,
  r.test_score,
  trim(r.note) AS note,
  r.is_absent,
  r._batch_id AS batch_id
FROM raw_ege_results r
JOIN partition_as_of('ege_results', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
