-- Participants of the run year that the control indicators count (DOMAIN §4.1): the year's list as of
-- the run date, minus schools included after that date (no inclusion date = counted: the list
-- itself is as of the date). Municipality comes from the registry as of the date; a participant the
-- registry does not know keeps a placeholder municipality, so the region row still equals the sum
-- of the municipality rows.
SELECT
  p.year,
  p.school_login,
  coalesce(s.school_name, p.school_login) AS school_name,
  s.municipality_code,
  coalesce(s.municipality, 'нет в реестре ОО') AS municipality,
  p.cohort,
  p.curator_name,
  p.curator_assigned_at,
  p.included_at
FROM stg_participants p
LEFT JOIN int_schools s USING (school_login)
WHERE p.year = run_year()
  AND (p.included_at IS NULL OR p.included_at <= as_of_date())
