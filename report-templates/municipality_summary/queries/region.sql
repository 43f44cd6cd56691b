-- The region's participants and how many met every control indicator (shared by all summaries).
SELECT count(*)::INTEGER AS participants,
       count(*) FILTER (WHERE indicators_not_met = 0)::INTEGER AS all_met,
       count(DISTINCT municipality_code)::INTEGER AS municipalities
FROM (
  SELECT school_login, any_value(municipality_code) AS municipality_code, count(*) FILTER (WHERE NOT met) AS indicators_not_met
  FROM control_indicators_schools
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY school_login
)
