-- The region's row of the variant's stage (DOMAIN §4.8), with the previous stage's figures beside it
-- (NULL at stage 1) so the note can say how the shares changed between the stages; reported
-- directions whose movement is unknown (no values, no mark of the school); municipalities with enough
-- participants for a sentence (min_group_schools).
SELECT
  m.stage,
  m.is_verdict_stage,
  m.participants,
  m.schools_with_directions,
  m.participants - m.schools_with_directions AS schools_without_directions,
  m.schools_reported,
  m.schools_confirmed,
  m.schools_positive_trend,
  m.directions_activated,
  m.directions_reported,
  m.directions_confirmed,
  m.directions_moved,
  m.share_confirmed,
  m.share_positive_trend,
  m.share_directions_confirmed,
  m.share_directions_moved,
  p.schools_reported AS prev_schools_reported,
  p.schools_confirmed AS prev_schools_confirmed,
  p.share_confirmed AS prev_share_confirmed,
  p.share_directions_confirmed AS prev_share_directions_confirmed,
  p.share_directions_moved AS prev_share_directions_moved,
  (SELECT count(*) - count(d.moved_toward_target) FROM monitoring_directions d
   WHERE d.year = m.year AND d.as_of = m.as_of AND d.stage = m.stage AND d.reported) AS directions_moved_unknown,
  (SELECT count(*) FROM monitoring u
   WHERE u.year = m.year AND u.as_of = m.as_of AND u.stage = m.stage AND u.scope = 'municipality'
     AND u.participants >= (SELECT max(value) FROM ref_project_effect_settings WHERE key = 'min_group_schools'))
    AS municipalities_enough
FROM monitoring m
LEFT JOIN monitoring p
  ON p.year = m.year AND p.as_of = m.as_of AND p.scope = 'region' AND p.stage = m.stage - 1
WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.scope = 'region'
  AND m.stage = getvariable('stage')
ORDER BY m.stage
