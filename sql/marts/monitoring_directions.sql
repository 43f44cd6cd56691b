-- Мониторинг позитивных изменений (DOMAIN §4.8) per participant × activated direction × stage:
-- reported, confirmed by the curator, indicator moved toward its target. The rules are those of
-- int_monitoring_stages; this mart adds the school's name, municipality and the factor's names.
SELECT
  p.municipality_code,
  p.municipality,
  m.school_login,
  p.school_name,
  m.factor_code,
  f.short_name AS factor_short_name,
  m.stage,
  m.activated_at,
  m.reported,
  m.indicators,
  m.indicators_confirmed,
  m.confirmed_by_curator,
  m.indicators_known,
  m.indicators_by_values,
  m.indicators_moved,
  m.moved_toward_target,
  m.submitted_at
FROM int_monitoring_stages m
JOIN int_control_participants p USING (school_login)
LEFT JOIN ref_risk_factor f ON f.factor_code = m.factor_code
