-- Municipalities large enough for a sentence (settings.sql: 20 people and more), by the share of
-- managers at the two lower levels of the overall result, largest first.
WITH l AS (
  SELECT * FROM manager_levels
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality' AND is_overall
)
SELECT municipality_code, municipality, any_value(people_assessed)::INTEGER AS people,
       sum(people)::INTEGER AS people_low,
       share(sum(people), any_value(people_assessed)) AS share_low
FROM l
WHERE wave_order = (SELECT max(wave_order) FROM l)
  AND level_order >= (SELECT max(level_order) - 1 FROM l)
GROUP BY municipality_code, municipality
HAVING any_value(people_assessed) >= 20
ORDER BY share_low DESC, municipality_code
