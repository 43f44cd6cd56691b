-- The municipality's participants: cohort, curator, activated directions, control indicators met and
-- objectivity markers that fired this year.
WITH indicators AS (
  SELECT school_login, count(*) FILTER (WHERE met)::INTEGER AS met, count(*)::INTEGER AS indicators
  FROM control_indicators_schools
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY school_login
),
directions AS (
  SELECT school_login, directions FROM risk_participation_schools WHERE year = run_year() AND as_of = as_of_date()
),
markers AS (
  SELECT school_login, markers_flagged FROM objectivity_schools WHERE year = run_year() AND as_of = as_of_date()
)
SELECT p.municipality_code, p.school_login, p.school_name, p.cohort, p.curator_name,
       coalesce(d.directions, 0) AS directions,
       i.met AS indicators_met, i.indicators,
       i.met || ' из ' || i.indicators AS indicators_text,
       m.markers_flagged
FROM int_control_participants p
LEFT JOIN indicators i USING (school_login)
LEFT JOIN directions d USING (school_login)
LEFT JOIN markers m USING (school_login)
WHERE p.municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR p.municipality_code = getvariable('municipality'))
ORDER BY p.municipality_code, p.school_login
