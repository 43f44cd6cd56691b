-- The chart's rows: per municipality the documents below and not below the threshold in the note's
-- round (one row per municipality and outcome).
WITH documents AS (
  SELECT *, CASE round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END AS round_order
  FROM expert_review_schools
  WHERE year = run_year() AND as_of = as_of_date()
)
SELECT
  municipality,
  CASE WHEN met THEN 'не ниже порога' ELSE 'ниже порога' END AS outcome,
  CASE WHEN met THEN 2 ELSE 1 END AS outcome_order,
  count(*) AS documents
FROM documents
WHERE round_order = (SELECT max(round_order) FROM documents) AND met IS NOT NULL
GROUP BY ALL
ORDER BY municipality, outcome_order
