-- Each municipality's share of participants meeting each indicator, one row a municipality.
PIVOT (
  SELECT municipality_code, municipality, participants, indicator_code, share_met
  FROM control_indicators
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality'
)
ON indicator_code IN ('curator_assigned', 'surveys_completed', 'seminar_attended', 'curator_visited',
                      'directions_activated', 'documents_approved', 'monitoring_stage1_confirmed',
                      'monitoring_stage2_confirmed')
USING first(share_met)
GROUP BY municipality_code, municipality, participants
ORDER BY municipality_code
