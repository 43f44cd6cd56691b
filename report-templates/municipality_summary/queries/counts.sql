-- How many of the municipality's schools are on each list, for the sentences: all indicators met, not
-- met (list 1), documents not approved (list 2), monitoring not confirmed per stage (list 3), objectivity
-- markers (list 4).
WITH schools AS (
  SELECT municipality_code, school_login,
         count(*) FILTER (WHERE NOT met) AS not_met,
         count(*) AS indicators
  FROM control_indicators_schools
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY municipality_code, school_login
),
documents AS (
  SELECT p.municipality_code, count(DISTINCT d.school_login) AS schools, count(*) AS documents
  FROM int_control_documents d JOIN int_control_participants p USING (school_login)
  WHERE NOT d.approved
  GROUP BY p.municipality_code
),
monitoring AS (
  SELECT municipality_code,
         count(DISTINCT school_login) FILTER (WHERE stage = 1 AND NOT confirmed_by_curator) AS stage1,
         count(DISTINCT school_login) FILTER (WHERE stage = 2 AND NOT confirmed_by_curator) AS stage2
  FROM monitoring_directions
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY municipality_code
),
objectivity AS (
  SELECT o.municipality_code, count(*) AS schools
  FROM objectivity_schools o JOIN int_control_participants p USING (school_login)
  WHERE o.year = run_year() AND o.as_of = as_of_date() AND o.markers_flagged > 0
  GROUP BY o.municipality_code
)
SELECT s.municipality_code,
       count(*)::INTEGER AS participants,
       count(*) FILTER (WHERE s.not_met = 0)::INTEGER AS all_met,
       count(*) FILTER (WHERE s.not_met > 0)::INTEGER AS not_met_schools,
       coalesce(any_value(d.schools), 0)::INTEGER AS document_schools,
       coalesce(any_value(d.documents), 0)::INTEGER AS documents,
       coalesce(any_value(m.stage1), 0)::INTEGER AS monitoring_stage1_schools,
       coalesce(any_value(m.stage2), 0)::INTEGER AS monitoring_stage2_schools,
       coalesce(any_value(o.schools), 0)::INTEGER AS objectivity_schools
FROM schools s
LEFT JOIN documents d USING (municipality_code)
LEFT JOIN monitoring m USING (municipality_code)
LEFT JOIN objectivity o USING (municipality_code)
WHERE s.municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR s.municipality_code = getvariable('municipality'))
GROUP BY s.municipality_code
ORDER BY s.municipality_code
