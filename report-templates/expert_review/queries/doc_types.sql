-- Per document type in the note's round (the latest of the year): documents reviewed, the mean score
-- as a share of the maximum (each document weighted equally), documents below the threshold; the
-- earlier round's figures beside them. `enough`: as many documents as a comparison needs.
WITH totals AS (
  SELECT round, doc_type, schools, documents, mean_score_share, documents_below, share_below,
         CASE round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END AS round_order
  FROM expert_review_scores
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND is_total
),
latest AS (SELECT max(round_order) AS round_order FROM totals)
SELECT
  t.doc_type,
  upper(left(t.doc_type, 1)) || substr(t.doc_type, 2) AS doc_type_title,
  CASE t.doc_type WHEN 'концепция развития' THEN 1 WHEN 'среднесрочная программа развития' THEN 2
                  WHEN 'антирисковая программа' THEN 3 ELSE 4 END AS doc_order,
  t.round,
  t.schools,
  t.documents,
  t.mean_score_share,
  t.documents_below,
  t.share_below,
  p.round AS prev_round,
  p.documents AS prev_documents,
  p.mean_score_share AS prev_mean_score_share,
  p.share_below AS prev_share_below,
  t.documents >= (SELECT max(value) FROM ref_project_effect_settings WHERE key = 'min_group_schools') AS enough
FROM totals t
JOIN latest l ON t.round_order = l.round_order
LEFT JOIN totals p ON p.doc_type = t.doc_type AND p.round_order = t.round_order - 1
ORDER BY doc_order, t.doc_type
