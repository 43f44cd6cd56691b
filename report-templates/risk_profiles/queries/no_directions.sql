-- The list for each МОУО: participants that have not chosen a single risk direction in ИС МЭДК.
SELECT municipality_code, municipality, school_login, school_name
FROM risk_participation_schools
WHERE year = run_year() AND as_of = as_of_date() AND NOT met
ORDER BY municipality_code NULLS LAST, municipality, school_login
