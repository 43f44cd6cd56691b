-- One passport per participant of the year (the whole year's list as of the date, as the risk picture
-- counts them). The layout prints the name, login and municipality under the heading; the engine names
-- the file «<login> <name>» in a folder per municipality code.
SELECT p.school_login, p.school_name, p.municipality_code, p.municipality
FROM int_risk_participants p
WHERE getvariable('school') IS NULL OR p.school_login = getvariable('school')
ORDER BY p.municipality_code NULLS LAST, p.school_login
