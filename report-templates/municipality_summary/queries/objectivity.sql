-- List 4: participants whose results fired a marker of possible non-objectivity this year: how many and
-- which kinds — flags for the МОУО to check, not conclusions.
WITH kinds AS (
  SELECT school_login,
         string_agg(DISTINCT CASE marker_code
                      WHEN 'lowered' THEN '«понизили»'
                      WHEN 'raised' THEN '«повысили» при высоком качестве'
                      WHEN 'change' THEN 'резкое изменение качества'
                      WHEN 'listed' THEN 'перечень ФИОКО'
                      ELSE 'скопление на границе отметки' END, ', ') AS kinds,
         string_agg(DISTINCT assessment_name, ', ') AS procedures
  FROM objectivity_markers
  WHERE year = run_year() AND as_of = as_of_date() AND flagged
  GROUP BY school_login
)
SELECT o.municipality_code, o.school_login, p.school_name, o.markers_flagged, k.kinds, k.procedures
FROM objectivity_schools o
JOIN int_control_participants p USING (school_login)
LEFT JOIN kinds k USING (school_login)
WHERE o.year = run_year() AND o.as_of = as_of_date() AND o.markers_flagged > 0
  AND o.municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR o.municipality_code = getvariable('municipality'))
ORDER BY o.municipality_code, o.markers_flagged DESC, o.school_login
