-- Scores of the ФИОКО expert review of the run year by round, document type and criterion, for the
-- region and each municipality (DOMAIN §4.10). Each document counts once: a criterion row reads its
-- score on that criterion, the «Итого по документу» row its total; the mean score % is the mean of
-- the documents' percentages (each document weighted equally). Below the threshold = a score under
-- min_pct % of the maximum (ref_expert_review_rule), on that criterion or on the whole document.
WITH criterion_scores AS (
  SELECT
    e.round,
    e.doc_type,
    coalesce(e.criterion, 'без критерия') AS criterion,
    false AS is_total,
    d.school_login,
    d.municipality_code,
    d.municipality,
    e.score,
    e.max_score,
    CASE
      WHEN d.min_pct IS NULL OR e.max_score IS NULL OR e.max_score = 0 THEN NULL
      ELSE CAST(e.score AS DECIMAL(38, 10)) * 100
           >= CAST(d.min_pct AS DECIMAL(38, 10)) * CAST(e.max_score AS DECIMAL(38, 10))
    END AS met
  FROM stg_expert_review e
  JOIN int_review_documents d
    ON d.round = e.round AND d.school_login = e.school_login AND d.doc_type = e.doc_type
   AND d.factor_code IS NOT DISTINCT FROM e.factor_code
  WHERE e.year = run_year()
),
document_scores AS (
  SELECT round, doc_type, 'Итого по документу' AS criterion, true AS is_total, school_login,
         municipality_code, municipality, score, max_score, met
  FROM int_review_documents
),
scores AS (
  SELECT * FROM criterion_scores
  UNION ALL
  SELECT * FROM document_scores
)
SELECT
  round,
  doc_type,
  criterion,
  is_total,
  CASE WHEN grouping(municipality) = 1 THEN 'region' ELSE 'municipality' END AS scope,
  municipality_code,
  municipality,
  count(DISTINCT school_login) AS schools,
  count(*) AS documents,
  sum(score) AS score_sum,
  sum(max_score) AS max_score_sum,
  avg(share(score, max_score)) AS mean_score_share,
  pct(sum(share(score, max_score)), count(share(score, max_score)), 1) AS mean_score_pct,
  count(*) FILTER (WHERE met) AS documents_met,
  count(*) FILTER (WHERE NOT met) AS documents_below,
  count(DISTINCT school_login) FILTER (WHERE NOT met) AS schools_below,
  share(count(*) FILTER (WHERE NOT met), count(*)) AS share_below,
  pct(count(*) FILTER (WHERE NOT met), count(*), 1) AS pct_below,
  pct(count(*) FILTER (WHERE NOT met), count(*), 0) AS pct_below_whole
FROM scores
GROUP BY GROUPING SETS ((round, doc_type, criterion, is_total),
                        (round, doc_type, criterion, is_total, municipality_code, municipality))
