-- The school's monitoring verdict and the counts behind it (monitoring_schools).
SELECT school_login, directions_activated, reported_stage1, confirmed_stage1, reported_stage2, confirmed_stage2,
       verdict_stage, positive_trend, verdict
FROM monitoring_schools
WHERE year = run_year() AND as_of = as_of_date()
  AND (getvariable('school') IS NULL OR school_login = getvariable('school'))
ORDER BY school_login
