-- The dictionary of questionnaire questions as of the run date (one partition, one version).
SELECT
  trim(r.question_code) AS question_code,
  r.factor_code,
  trim(r.text) AS text,
  trim(r.scale) AS scale,
  r._batch_id AS batch_id
FROM raw_survey_questions r
JOIN partition_as_of('survey_questions', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY trim(r.question_code) ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
