-- The overall level («Все компетенции») of each wave of the year against the wave before it (the
-- region): the share at the two upper levels and at the lowest one, for the sentence on the change.
-- The first wave has no row.
WITH l AS (
  SELECT * FROM manager_levels
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND is_overall
),
waves AS (
  SELECT wave, wave_order, any_value(people_assessed)::INTEGER AS people,
         share(sum(people) FILTER (WHERE level_order <= 2), any_value(people_assessed)) AS share_top,
         share(sum(people) FILTER (WHERE level_order = (SELECT max(level_order) FROM l)),
               any_value(people_assessed)) AS share_low
  FROM l
  GROUP BY wave, wave_order
),
compared AS (
  SELECT wave, wave_order, people, share_top, share_low,
         lag(wave) OVER w AS prev_wave,
         lag(people) OVER w AS prev_people,
         lag(share_top) OVER w AS prev_share_top,
         lag(share_low) OVER w AS prev_share_low
  FROM waves
  WINDOW w AS (ORDER BY wave_order)
)
SELECT *, prev_people >= 20 AND people >= 20 AS comparable
FROM compared
WHERE prev_wave IS NOT NULL
ORDER BY wave_order
