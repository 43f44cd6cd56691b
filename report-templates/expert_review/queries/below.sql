-- The list each МОУО acts on: documents of the note's round scored below the threshold (by default
-- half of the maximum), school by school; an антирисковая программа is named with its risk direction.
WITH documents AS (
  SELECT *, CASE round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END AS round_order
  FROM expert_review_schools
  WHERE year = run_year() AND as_of = as_of_date()
)
SELECT
  municipality_code,
  municipality,
  school_login,
  school_name,
  upper(left(doc_type, 1)) || substr(doc_type, 2)
    || CASE WHEN factor_short_name IS NOT NULL THEN ' (' || factor_short_name || ')' ELSE '' END AS document,
  score,
  max_score,
  score_share
FROM documents
WHERE round_order = (SELECT max(round_order) FROM documents) AND NOT met
ORDER BY municipality_code NULLS LAST, municipality, school_login,
         CASE doc_type WHEN 'концепция развития' THEN 1 WHEN 'среднесрочная программа развития' THEN 2 ELSE 3 END,
         factor_code
