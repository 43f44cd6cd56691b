-- One passport per participant of the year (the whole year's list as of the date, as the risk picture
-- counts them).
-- The name is given as school_short_name, which names the file «<login> <name>», and not as school_name:
-- the engine would also put school_name into the title line of every XLSX sheet, joined with other text,
-- where a name that looks like a formula or markup must stand alone in its cell. The passport prints the
-- name itself (its first line and the table «Сведения о школе»); municipality_name likewise.
SELECT p.school_login, p.school_name AS school_short_name, p.municipality_code, p.municipality AS municipality_name
FROM int_risk_participants p
WHERE getvariable('school') IS NULL OR p.school_login = getvariable('school')
ORDER BY p.municipality_code NULLS LAST, p.school_login
