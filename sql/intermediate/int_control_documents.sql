-- The concept documents each participant must have approved (DOMAIN §4.1): Концепция развития,
-- Среднесрочная программа развития and one антирисковая программа per direction activated as of
-- the run date; each joined to its row in ИС МЭДК (if any). A document counts as approved when the
-- curator's status is «согласовано» dated on or before the run date; a «согласовано» without a date
-- counts too, since the snapshot read is itself as of the run date (stg_medk_documents warns about
-- such rows). Programmes for directions that are not activated are not required and not listed.
WITH required AS (
  SELECT p.school_login, d.doc_type, CAST(NULL AS INTEGER) AS factor_code, d.doc_order
  FROM int_control_participants p
  CROSS JOIN (VALUES ('концепция развития', 1), ('среднесрочная программа развития', 2)) AS d(doc_type, doc_order)
  UNION ALL
  SELECT a.school_login, 'антирисковая программа', a.factor_code, 3
  FROM int_control_directions a
  JOIN int_control_participants p USING (school_login)
),
documents AS (
  SELECT school_login, doc_type, factor_code, uploaded_at, curator_status, curator_status_at
  FROM stg_medk_documents
  WHERE year = run_year()
)
SELECT
  run_year() AS year,
  r.school_login,
  r.doc_type,
  r.factor_code,
  r.doc_order,
  d.uploaded_at,
  d.curator_status,
  d.curator_status_at,
  coalesce(
    d.curator_status = 'согласовано' AND (d.curator_status_at IS NULL OR d.curator_status_at <= as_of_date()),
    false
  ) AS approved
FROM required r
LEFT JOIN documents d
  ON d.school_login = r.school_login
 AND d.doc_type = r.doc_type
 AND d.factor_code IS NOT DISTINCT FROM r.factor_code
