-- Protocols of the region's own assessments, per year, subject, grade and school, as of the run
-- date: one row per participant and work. Not deduplicated, and absent participants (is_absent)
-- are kept: marts decide. class_name is written as «7А»: upper case, without spaces, dashes or quotes.
SELECT
  trim(r.assessment_name) AS assessment_name,
  r.year,
  r.session,
  r.school_login,
  r.subject,
  r.grade,
  upper(regexp_replace(trim(r.class_name), '[\s«»"''-]+', '', 'g')) AS class_name,
  trim(r.student_code) AS student_code,
  trim(r.variant) AS variant,
  r.total_score,
  r.mark,
  r.journal_mark,
  trim(r.note) AS note,
  r.is_absent,
  r.task_scores,
  r._batch_id AS batch_id
FROM raw_regional_assessment r
JOIN partition_as_of('regional_assessment', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
