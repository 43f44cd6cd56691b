-- Per document type and criterion in the note's round: the mean score as a share of the criterion's
-- maximum and the documents below the threshold on that criterion; `threshold` is the rule's share
-- (min_pct / 100) for the chart's reference line.
WITH rows AS (
  SELECT s.*, CASE s.round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END AS round_order
  FROM expert_review_scores s
  WHERE s.year = run_year() AND s.as_of = as_of_date() AND s.scope = 'region' AND NOT s.is_total
)
SELECT
  r.doc_type,
  upper(left(r.doc_type, 1)) || substr(r.doc_type, 2) AS doc_type_title,
  CASE r.doc_type WHEN 'концепция развития' THEN 1 WHEN 'среднесрочная программа развития' THEN 2
                  WHEN 'антирисковая программа' THEN 3 ELSE 4 END AS doc_order,
  r.criterion,
  r.documents,
  r.mean_score_share,
  r.documents_below,
  r.share_below,
  rule.min_pct / 100.0 AS threshold
FROM rows r
LEFT JOIN ref_expert_review_rule rule ON rule.doc_type = r.doc_type
WHERE r.round_order = (SELECT max(round_order) FROM rows)
ORDER BY doc_order, r.doc_type, r.criterion
