-- Participants of the run year for the risk picture (DOMAIN §1, §4.2): the whole year's list as of
-- the run date. Unlike the control indicators there is no included_at filter: the denominator of
-- the risk picture is «all participating schools of the year». Municipality comes from the registry
-- as of the date; a participant the registry does not know keeps a placeholder municipality, so the
-- region row still equals the sum of the municipality rows.
SELECT
  p.school_login,
  coalesce(s.school_name, p.school_login) AS school_name,
  s.municipality_code,
  coalesce(s.municipality, 'нет в реестре ОО') AS municipality
FROM stg_participants p
LEFT JOIN int_schools s USING (school_login)
WHERE p.year = run_year()
