-- The criteria of the note's round as one row each, with the mean share of the maximum per document type
-- (columns for the three types of DOMAIN §3.6; a type not reviewed stays empty).
WITH rows AS (
  SELECT s.*, CASE s.round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END AS round_order
  FROM expert_review_scores s
  WHERE s.year = run_year() AND s.as_of = as_of_date() AND s.scope = 'region' AND NOT s.is_total
)
SELECT
  criterion,
  max(mean_score_share) FILTER (WHERE doc_type = 'концепция развития') AS concept,
  max(mean_score_share) FILTER (WHERE doc_type = 'среднесрочная программа развития') AS programme,
  max(mean_score_share) FILTER (WHERE doc_type = 'антирисковая программа') AS antirisk
FROM rows
WHERE round_order = (SELECT max(round_order) FROM rows)
GROUP BY criterion
ORDER BY criterion
