-- What the passport's sentences say about the school, one row per school: the risk profile by level, the
-- documents approved, the indicators not met and the effect rows (how many fell, how many the mart
-- counts as met, how many are too small for a conclusion). Lists are
-- arrays of names (the `list` helper joins them).
WITH risk AS (
  SELECT school_login,
         count(risk_level)::INTEGER AS levels_known,
         list('«' || short_name || '»' ORDER BY factor_code) FILTER (WHERE risk_level = 3) AS high,
         list('«' || short_name || '»' ORDER BY factor_code) FILTER (WHERE risk_level = 2) AS medium,
         count(*) FILTER (WHERE activated)::INTEGER AS activated,
         list('«' || short_name || '»' ORDER BY factor_code) FILTER (WHERE activated) AS activated_names,
         list('«' || short_name || '»' ORDER BY factor_code) FILTER (WHERE risk_level >= 2 AND NOT activated)
           AS not_activated_high_medium
  FROM int_risk_directions
  GROUP BY school_login
),
documents AS (
  SELECT d.school_login,
         count(*)::INTEGER AS documents,
         count(*) FILTER (WHERE d.approved)::INTEGER AS documents_approved
  FROM int_control_documents d
  GROUP BY d.school_login
),
indicators AS (
  SELECT school_login,
         count(*)::INTEGER AS indicators,
         count(*) FILTER (WHERE met)::INTEGER AS indicators_met,
         list('«' || indicator_name || '»' ORDER BY indicator_order) FILTER (WHERE NOT met) AS indicators_not_met
  FROM control_indicators_schools
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY school_login
),
effect AS (
  SELECT e.school_login,
         count(*)::INTEGER AS effect_rows,
         count(*) FILTER (WHERE e.works_before < s.value OR e.works_after < s.value)::INTEGER AS effect_small,
         count(*) FILTER (WHERE e.works_before >= s.value AND e.works_after >= s.value)::INTEGER AS effect_enough,
         count(*) FILTER (WHERE e.works_before >= s.value AND e.works_after >= s.value AND e.share2_change_pp < 0)::INTEGER
           AS effect_fell,
         count(*) FILTER (WHERE e.works_before >= s.value AND e.works_after >= s.value AND e.met)::INTEGER AS effect_met,
         any_value(s.value)::INTEGER AS min_group
  FROM project_effect_schools e
  CROSS JOIN (SELECT value FROM ref_project_effect_settings WHERE key = 'min_group_schools') s
  WHERE e.year = run_year() AND e.as_of = as_of_date()
  GROUP BY e.school_login
)
SELECT p.school_login,
       run_year() - 1 AS year_before,
       r.levels_known, r.high, r.medium, r.activated, r.activated_names, r.not_activated_high_medium,
       d.documents, d.documents_approved,
       i.indicators, i.indicators_met, i.indicators_not_met,
       coalesce(e.effect_rows, 0) AS effect_rows, coalesce(e.effect_small, 0) AS effect_small,
       coalesce(e.effect_enough, 0) AS effect_enough, coalesce(e.effect_fell, 0) AS effect_fell,
       coalesce(e.effect_met, 0) AS effect_met, e.min_group
FROM int_risk_participants p
LEFT JOIN risk r USING (school_login)
LEFT JOIN documents d USING (school_login)
LEFT JOIN indicators i USING (school_login)
LEFT JOIN effect e USING (school_login)
WHERE getvariable('school') IS NULL OR p.school_login = getvariable('school')
ORDER BY p.school_login
