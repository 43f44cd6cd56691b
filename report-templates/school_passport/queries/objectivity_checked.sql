-- Whether the school's results were checked for markers at all this year, and how many fired.
SELECT school_login, checks, markers_flagged, marker_kinds, met
FROM objectivity_schools
WHERE year = run_year() AND as_of = as_of_date()
  AND school_login IN (SELECT school_login FROM int_risk_participants)
  AND (getvariable('school') IS NULL OR school_login = getvariable('school'))
ORDER BY school_login
