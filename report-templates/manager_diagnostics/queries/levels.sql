-- The region's distribution by level in the latest wave, per competence and «Все компетенции» (last),
-- long form for the stacked chart and the sentence on the overall level.
WITH l AS (
  SELECT * FROM manager_levels
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
)
SELECT competence, is_overall, level, level_order, people, people_assessed, share,
       -- Where the label goes: the middle of the level's part of the bar.
       sum(share) OVER (PARTITION BY competence ORDER BY level_order) - share / 2 AS share_mid
FROM l
WHERE wave_order = (SELECT max(wave_order) FROM l)
ORDER BY is_overall, competence, level_order
