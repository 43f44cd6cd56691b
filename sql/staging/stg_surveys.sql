-- Answers to the region's own questionnaires, per year and respondent group, as of the run date.
-- Not deduplicated: no key is guaranteed by the export, every answer row is kept.
SELECT
  r.year,
  r.school_login,
  r.respondent_group,
  trim(r.respondent_id) AS respondent_id,
  trim(r.question_code) AS question_code,
  trim(r.answer) AS answer,
  r._batch_id AS batch_id
FROM raw_surveys r
JOIN partition_as_of('surveys', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
