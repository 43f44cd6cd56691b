-- The expert review of the run year school by school (DOMAIN §4.10): one row per round, school and
-- document (антирисковая: per risk direction). Rows with NOT met are the documents below the
-- threshold (half of the maximum by default) — the list sent to each municipality.
SELECT
  d.round,
  d.municipality_code,
  d.municipality,
  d.school_login,
  d.school_name,
  d.doc_type,
  d.factor_code,
  f.short_name AS factor_short_name,
  d.criteria,
  d.score,
  d.max_score,
  d.score_share,
  d.score_pct,
  d.min_pct,
  d.met
FROM int_review_documents d
LEFT JOIN ref_risk_factor f ON f.factor_code = d.factor_code
