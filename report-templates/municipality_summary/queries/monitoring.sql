-- List 3: monitoring of positive changes not confirmed, school × stage: the directions whose data were not
-- submitted (the school's to do) and those submitted but not confirmed (the curator's).
SELECT municipality_code, school_login, any_value(school_name) AS school_name, stage,
       string_agg(factor_short_name, ', ' ORDER BY factor_code) FILTER (WHERE NOT reported) AS not_reported,
       string_agg(factor_short_name, ', ' ORDER BY factor_code) FILTER (WHERE reported AND NOT confirmed_by_curator)
         AS not_confirmed,
       count(*)::INTEGER AS directions
FROM monitoring_directions
WHERE year = run_year() AND as_of = as_of_date()
  AND municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR municipality_code = getvariable('municipality'))
GROUP BY municipality_code, school_login, stage
HAVING count(*) FILTER (WHERE NOT confirmed_by_curator) > 0
ORDER BY municipality_code, stage, school_login
