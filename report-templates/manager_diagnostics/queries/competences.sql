-- Results per competence in the latest wave: people, mean % of the maximum, share at the two upper
-- levels and at the lowest one; «Все компетенции» last.
WITH l AS (
  SELECT * FROM manager_levels
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
),
latest AS (
  SELECT * FROM l WHERE wave_order = (SELECT max(wave_order) FROM l)
),
by_level AS (
  SELECT competence, is_overall, any_value(people_assessed) AS people,
         sum(people) FILTER (WHERE level_order <= 2) AS people_top,
         sum(people) FILTER (WHERE level_order = (SELECT max(level_order) FROM l)) AS people_low
  FROM latest
  GROUP BY competence, is_overall
)
SELECT b.competence, b.is_overall, b.people::INTEGER AS people,
       w.mean_score_pct,
       b.people_top::INTEGER AS people_top,
       share(b.people_top, b.people) AS share_top,
       b.people_low::INTEGER AS people_low,
       share(b.people_low, b.people) AS share_low
FROM by_level b
JOIN manager_waves w
  ON w.year = run_year() AND w.as_of = as_of_date() AND w.scope = 'region'
 AND w.competence = b.competence
 AND w.wave_order = (SELECT max(wave_order) FROM l)
ORDER BY b.is_overall, w.mean_score_pct DESC, b.competence
