-- One summary per municipality with participants of the year (as the control indicators count them:
-- included on or before the date). Participants the school registry does not know have no municipality
-- and no МОУО to send a summary to: they are in the regional notes only.
SELECT municipality_code, any_value(municipality) AS municipality, count(*)::INTEGER AS participants
FROM int_control_participants
WHERE municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR municipality_code = getvariable('municipality'))
GROUP BY municipality_code
ORDER BY municipality_code
