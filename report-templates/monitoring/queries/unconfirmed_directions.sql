-- Directions not confirmed by the curator at the stage, school by school (a sheet of the XLSX for
-- curators and МОУО: which direction of which school still waits).
SELECT d.municipality_code, d.municipality, d.school_login, d.school_name, d.factor_code,
       f.name AS factor_name, d.reported, d.indicators, d.indicators_confirmed
FROM monitoring_directions d
LEFT JOIN ref_risk_factor f USING (factor_code)
WHERE d.year = run_year() AND d.as_of = as_of_date() AND d.stage = getvariable('stage')
  AND NOT d.confirmed_by_curator
ORDER BY d.municipality_code NULLS LAST, d.municipality, d.school_login, d.factor_code
