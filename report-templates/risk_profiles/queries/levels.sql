-- РПШ levels of each factor among the participants of the year, for the stacked chart. No mart holds the
-- distribution by level, so this reads the risk picture's own input (int_risk_directions, one row per
-- participant × factor, computed for the run's year and date); a participant without a РПШ level counts
-- as «нет РПШ», so each factor's bar adds up to all participants.
WITH levels AS (
  SELECT d.factor_code, d.short_name,
         CASE d.risk_level WHEN 3 THEN 'высокий' WHEN 2 THEN 'средний' WHEN 1 THEN 'низкий'
                           WHEN 0 THEN 'отсутствует' ELSE 'нет РПШ' END AS level_name,
         coalesce(4 - d.risk_level, 5) AS level_order
  FROM int_risk_directions d
),
ranked AS (
  SELECT factor_code, rank_activated
  FROM risk_picture
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
)
SELECT l.factor_code, l.short_name, r.rank_activated, l.level_name, l.level_order,
       count(*)::INTEGER AS schools,
       count(*) / sum(count(*)) OVER (PARTITION BY l.factor_code) AS share_schools
FROM levels l
JOIN ranked r USING (factor_code)
GROUP BY l.factor_code, l.short_name, r.rank_activated, l.level_name, l.level_order
ORDER BY r.rank_activated, l.level_order
