-- Competences (without «Все компетенции») by the share of managers at the lowest level in the latest
-- wave, largest first: where the region's managers need support most.
WITH l AS (
  SELECT * FROM manager_levels
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
)
SELECT competence, people, people_assessed, share
FROM l
WHERE NOT is_overall
  AND wave_order = (SELECT max(wave_order) FROM l)
  AND level_order = (SELECT max(level_order) FROM l)
ORDER BY share DESC, competence
