-- The region's overall level («Все компетенции») in the latest wave, highest level first, with the
-- level names the sentences quote: the two upper levels and the lowest one.
WITH l AS (
  SELECT * FROM manager_levels
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND is_overall
)
SELECT level, level_order, people::INTEGER AS people, people_assessed::INTEGER AS people_assessed, share,
       level_order <= 2 AS is_top,
       level_order = (SELECT max(level_order) FROM l) AS is_lowest,
       level_order >= (SELECT max(level_order) - 1 FROM l) AS is_low
FROM l
WHERE wave_order = (SELECT max(wave_order) FROM l)
ORDER BY level_order
