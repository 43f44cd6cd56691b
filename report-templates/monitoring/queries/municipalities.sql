-- Each municipality's row at the variant's stage; shares of schools against its participants.
SELECT municipality_code, municipality, participants, schools_with_directions, schools_reported,
       share(schools_reported, participants) AS share_reported,
       schools_confirmed, share_confirmed, schools_positive_trend, share_positive_trend,
       share_directions_moved
FROM monitoring
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality'
  AND stage = getvariable('stage')
ORDER BY municipality_code NULLS LAST, municipality
