-- Per municipality in the note's round: schools and documents reviewed, the mean share of the maximum,
-- documents below the threshold and the schools that have one.
WITH documents AS (
  SELECT *, CASE round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END AS round_order
  FROM expert_review_schools
  WHERE year = run_year() AND as_of = as_of_date()
)
SELECT
  municipality_code,
  municipality,
  count(DISTINCT school_login) AS schools,
  count(*) AS documents,
  avg(score_share) AS mean_score_share,
  count_if(NOT met) AS documents_below,
  count(*) - count_if(NOT met) AS documents_met,
  share(count_if(NOT met), count(*)) AS share_below,
  count(DISTINCT school_login) FILTER (WHERE NOT met) AS schools_below
FROM documents
WHERE round_order = (SELECT max(round_order) FROM documents)
GROUP BY municipality_code, municipality
ORDER BY municipality_code NULLS LAST, municipality
