-- For each document type of the note's round reviewed in enough documents for a sentence
-- (min_group_schools), its criterion with the lowest mean share of the maximum (ties: by name).
WITH rows AS (
  SELECT s.*, CASE s.round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END AS round_order
  FROM expert_review_scores s
  WHERE s.year = run_year() AND s.as_of = as_of_date() AND s.scope = 'region' AND NOT s.is_total
)
SELECT
  doc_type,
  CASE doc_type WHEN 'концепция развития' THEN 1 WHEN 'среднесрочная программа развития' THEN 2
                WHEN 'антирисковая программа' THEN 3 ELSE 4 END AS doc_order,
  criterion,
  documents,
  mean_score_share
FROM rows
WHERE round_order = (SELECT max(round_order) FROM rows)
  AND documents >= (SELECT max(value) FROM ref_project_effect_settings WHERE key = 'min_group_schools')
QUALIFY row_number() OVER (PARTITION BY doc_type ORDER BY mean_score_share, criterion) = 1
ORDER BY doc_order, doc_type
