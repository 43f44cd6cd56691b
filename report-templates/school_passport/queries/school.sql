-- The passport's heading block: the school, its municipality, the year it joined, its curator and the
-- municipal coordinator.
SELECT p.school_login, p.school_name, p.municipality, s.cohort, s.curator_name, s.curator_assigned_at,
       s.municipal_coordinator
FROM int_risk_participants p
LEFT JOIN stg_participants s ON s.year = run_year() AND s.school_login = p.school_login
WHERE getvariable('school') IS NULL OR p.school_login = getvariable('school')
ORDER BY p.school_login
