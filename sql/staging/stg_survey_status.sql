-- Progress of the ФИОКО questionnaires per school and respondent group, per year, as of the run date.
SELECT
  r.year,
  r.school_login,
  r.respondent_group,
  r.expected,
  r.completed,
  r._batch_id AS batch_id
FROM raw_survey_status r
JOIN partition_as_of('survey_status', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY r.year, r.school_login, r.respondent_group ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
