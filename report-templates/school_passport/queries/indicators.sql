-- The control indicators for the school (met or not, the date and the evidence), beside the share of the
-- region's participants that met each.
WITH region AS (
  SELECT indicator_code, share_met
  FROM control_indicators
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
)
SELECT s.school_login, s.indicator_order, s.indicator_code, s.indicator_name, s.met,
       s.evidence_date, s.evidence, r.share_met AS region_share_met
FROM control_indicators_schools s
LEFT JOIN region r USING (indicator_code)
WHERE s.year = run_year() AND s.as_of = as_of_date()
  AND (getvariable('school') IS NULL OR s.school_login = getvariable('school'))
ORDER BY s.school_login, s.indicator_order
