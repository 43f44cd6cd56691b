-- Per risk direction at the variant's stage: activated (schools), data reported, confirmed by the
-- curator, indicator moved toward the target; shares of the activated. `enough`: activated in at
-- least min_group_schools schools, the smallest group a sentence may be drawn from.
WITH counts AS (
  SELECT
    d.factor_code,
    count(*) AS activated,
    count_if(d.reported) AS reported,
    count_if(d.confirmed_by_curator) AS confirmed,
    count_if(d.moved_toward_target) AS moved,
    count(*) - count(d.moved_toward_target) AS moved_unknown
  FROM monitoring_directions d
  WHERE d.year = run_year() AND d.as_of = as_of_date() AND d.stage = getvariable('stage')
  GROUP BY d.factor_code
)
SELECT
  c.factor_code,
  f.name AS factor_name,
  f.short_name AS factor_short_name,
  c.activated,
  c.reported,
  share(c.reported, c.activated) AS share_reported,
  c.confirmed,
  share(c.confirmed, c.activated) AS share_confirmed,
  c.moved,
  share(c.moved, c.activated) AS share_moved,
  c.moved_unknown,
  c.activated >= (SELECT max(value) FROM ref_project_effect_settings WHERE key = 'min_group_schools')
    AS enough
FROM counts c
LEFT JOIN ref_risk_factor f USING (factor_code)
ORDER BY c.factor_code
