-- Directions activated in enough schools for a sentence, by the share confirmed by the curator
-- (largest first, ties by code) — the order the ranking sentence needs.
WITH counts AS (
  SELECT factor_code, count(*) AS activated, count_if(confirmed_by_curator) AS confirmed
  FROM monitoring_directions
  WHERE year = run_year() AND as_of = as_of_date() AND stage = getvariable('stage')
  GROUP BY factor_code
)
SELECT c.factor_code, f.name AS factor_name, c.activated, c.confirmed,
       share(c.confirmed, c.activated) AS share_confirmed
FROM counts c
LEFT JOIN ref_risk_factor f USING (factor_code)
WHERE c.activated >= (SELECT max(value) FROM ref_project_effect_settings WHERE key = 'min_group_schools')
ORDER BY share_confirmed DESC, c.factor_code
