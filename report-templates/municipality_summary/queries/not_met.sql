-- List 1: the schools of the municipality that have not met a control indicator, with which ones
-- (control_indicators_schools, rows with met = false).
SELECT municipality_code, school_login, school_name,
       count(*)::INTEGER AS indicators_not_met,
       string_agg(indicator_name, '; ' ORDER BY indicator_order) AS indicators
FROM control_indicators_schools
WHERE year = run_year() AND as_of = as_of_date() AND NOT met
  AND municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR municipality_code = getvariable('municipality'))
GROUP BY municipality_code, school_login, school_name
ORDER BY municipality_code, school_login
