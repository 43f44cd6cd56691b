-- Monitoring of positive changes, the region's row of each stage (DOMAIN §4.8).
SELECT stage, 'Этап' || chr(160) || stage AS stage_name, is_verdict_stage, participants, schools_with_directions,
       schools_reported, schools_confirmed, share_confirmed, schools_positive_trend, share_positive_trend,
       directions_activated, directions_moved, share_directions_moved
FROM monitoring
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
ORDER BY stage
