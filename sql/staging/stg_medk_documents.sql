-- Concept documents of each school in ИС МЭДК and their curator status, per year, as of the run date.
-- factor_code is set for an антирисковая программа only (empty for the other two documents).
SELECT
  r.year,
  r.school_login,
  r.doc_type,
  r.factor_code,
  r.uploaded_at,
  r.curator_status,
  r.curator_status_at,
  r._batch_id AS batch_id
FROM raw_medk_documents r
JOIN partition_as_of('medk_documents', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY r.year, r.school_login, r.doc_type, r.factor_code
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
