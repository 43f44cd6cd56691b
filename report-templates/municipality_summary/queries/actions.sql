-- What to do about each indicator not met in the municipality, and at how many of its schools.
WITH actions AS (
  -- What to do about each indicator: the reference table's wording, one for passports and summaries.
  SELECT indicator_code, action FROM ref_control_indicator
)
SELECT s.municipality_code, s.indicator_order, s.indicator_name,
       count(*)::INTEGER AS schools,
       string_agg(s.school_login, ', ' ORDER BY s.school_login) AS logins,
       a.action
FROM control_indicators_schools s
JOIN actions a USING (indicator_code)
WHERE s.year = run_year() AND s.as_of = as_of_date() AND NOT s.met
  AND s.municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR s.municipality_code = getvariable('municipality'))
GROUP BY s.municipality_code, s.indicator_order, s.indicator_name, a.action
ORDER BY s.municipality_code, s.indicator_order
