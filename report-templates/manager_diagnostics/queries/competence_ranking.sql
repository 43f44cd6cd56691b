-- Competences (without «Все компетенции») by the mean % of the maximum in the latest wave, highest
-- first: the ranking sentence and the chart of mean scores.
WITH w AS (
  SELECT * FROM manager_waves
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
)
SELECT competence, people::INTEGER AS people, mean_score_pct, mean_score_pct / 100 AS mean_share
FROM w
WHERE NOT is_overall AND wave_order = (SELECT max(wave_order) FROM w)
ORDER BY mean_score_pct DESC, competence
