-- The round the note is about — the latest of the year reviewed by the date (ноябрь after июнь) — with
-- the earlier round of the year beside it (NULL when there is none), the threshold of the rule
-- (ref_expert_review_rule: `half` when every document type's is half of the maximum) and the smallest
-- group a comparison may be drawn from (ref_project_effect_settings.min_group_schools).
WITH documents AS (
  SELECT *, CASE round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END AS round_order
  FROM expert_review_schools
  WHERE year = run_year() AND as_of = as_of_date()
),
rounds AS (
  SELECT
    round,
    round_order,
    count(DISTINCT school_login) AS schools,
    count(DISTINCT municipality) AS municipalities,
    count(*) AS documents,
    count_if(NOT met) AS documents_below,
    count(DISTINCT school_login) FILTER (WHERE NOT met) AS schools_below,
    count(DISTINCT municipality) FILTER (WHERE NOT met) AS municipalities_below,
    avg(score_share) AS mean_score_share
  FROM documents
  GROUP BY round, round_order
),
current_round AS (SELECT * FROM rounds ORDER BY round_order DESC LIMIT 1),
previous_round AS (
  SELECT * FROM rounds WHERE round_order < (SELECT round_order FROM current_round)
  ORDER BY round_order DESC LIMIT 1
)
SELECT
  c.round,
  c.schools,
  c.municipalities,
  c.documents,
  c.documents_below,
  c.documents - c.documents_below AS documents_met,
  c.schools_below,
  c.municipalities_below,
  c.mean_score_share,
  p.round AS prev_round,
  p.schools AS prev_schools,
  p.documents AS prev_documents,
  p.documents_below AS prev_documents_below,
  p.mean_score_share AS prev_mean_score_share,
  (SELECT bool_and(min_pct = 50) FROM ref_expert_review_rule) AS half,
  (SELECT CAST(max(value) AS INTEGER) FROM ref_project_effect_settings WHERE key = 'min_group_schools')
    AS min_group
FROM current_round c
LEFT JOIN previous_round p ON true
ORDER BY c.round
