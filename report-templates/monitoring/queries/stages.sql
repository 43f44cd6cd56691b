-- The region's rows of the stages up to the variant's own (a stage-2 note compares with stage 1).
SELECT stage, participants, schools_with_directions, schools_reported, schools_confirmed, share_confirmed,
       share_directions_confirmed, share_directions_moved
FROM monitoring
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND stage <= getvariable('stage')
ORDER BY stage
