-- One row per participant of the run year × risk factor (all ten from ref_risk_factor, so a factor
-- nobody activated still shows as 0): whether the direction is activated in ИС МЭДК as of the run
-- date and the factor's level in the school's РПШ of the year.
-- Activated = marked activated with an activation date on or before the run date, or with no date
-- (the snapshot itself is as of its date). РПШ level: 3 высокий, 2 средний, 1 низкий, 0 отсутствует;
-- NULL when the school has no РПШ row for the factor.
WITH directions AS (
  SELECT school_login, factor_code, activated_at
  FROM stg_medk_directions
  WHERE year = run_year()
    AND activated
    AND (activated_at IS NULL OR activated_at <= as_of_date())
),
profiles AS (
  SELECT school_login, factor_code, risk_level
  FROM stg_risk_profiles
  WHERE year = run_year()
)
SELECT
  p.school_login,
  p.school_name,
  p.municipality_code,
  p.municipality,
  f.factor_code,
  f.short_name,
  d.school_login IS NOT NULL AS activated,
  d.activated_at,
  r.risk_level,
  -- высокий or средний (DOMAIN §4.2); NULL without a РПШ level
  r.risk_level >= 2 AS high_or_medium
FROM int_risk_participants p
CROSS JOIN ref_risk_factor f
LEFT JOIN directions d ON d.school_login = p.school_login AND d.factor_code = f.factor_code
LEFT JOIN profiles r ON r.school_login = p.school_login AND r.factor_code = f.factor_code
