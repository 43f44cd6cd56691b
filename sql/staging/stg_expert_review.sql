-- Scores of the ФИОКО expert review of concept documents, per year, as of the run date.
SELECT
  r.year,
  r.round,
  r.school_login,
  r.doc_type,
  r.factor_code,
  trim(r.criterion) AS criterion,
  r.score,
  r.max_score,
  r._batch_id AS batch_id
FROM raw_expert_review r
JOIN partition_as_of('expert_review', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY r.year, r.round, r.school_login, r.doc_type, r.factor_code, trim(r.criterion)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
