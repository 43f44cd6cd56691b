-- Documents of the ФИОКО expert review of the run year (DOMAIN §4.10), one row per round and
-- document: a school's Концепция, its Программа, and each антирисковая программа (one per risk
-- direction, told apart by factor_code). The document's score is the sum over its criteria; it
-- meets the requirement when the score is at least min_pct % of its maximum (ref_expert_review_rule,
-- per document type, default 50 %). Compared in exact decimals, so 4 of 8 is exactly half.
WITH documents AS (
  SELECT
    round,
    school_login,
    doc_type,
    factor_code,
    count(*) AS criteria,
    sum(score) AS score,
    sum(max_score) AS max_score
  FROM stg_expert_review
  WHERE year = run_year()
  GROUP BY round, school_login, doc_type, factor_code
)
SELECT
  d.round,
  d.school_login,
  coalesce(s.school_name, d.school_login) AS school_name,
  s.municipality_code,
  -- a school the registry does not know keeps a placeholder, so the region row still equals the
  -- sum of the municipality rows
  coalesce(s.municipality, 'нет в реестре ОО') AS municipality,
  d.doc_type,
  d.factor_code,
  d.criteria,
  d.score,
  d.max_score,
  share(d.score, d.max_score) AS score_share,
  pct(d.score, d.max_score, 1) AS score_pct,
  r.min_pct,
  CASE
    WHEN r.min_pct IS NULL OR d.max_score IS NULL OR d.max_score = 0 THEN NULL
    ELSE CAST(d.score AS DECIMAL(38, 10)) * 100
         >= CAST(r.min_pct AS DECIMAL(38, 10)) * CAST(d.max_score AS DECIMAL(38, 10))
  END AS met
FROM documents d
LEFT JOIN int_schools s USING (school_login)
LEFT JOIN ref_expert_review_rule r ON r.doc_type = d.doc_type
