-- The list an analyst sends to each МОУО: schools that have not met an indicator, with which ones.
SELECT municipality_code, municipality, school_login, school_name,
       string_agg(indicator_name, '; ' ORDER BY indicator_order) AS indicators,
       count(*)::INTEGER AS indicators_not_met
FROM control_indicators_schools
WHERE year = run_year() AND as_of = as_of_date() AND NOT met
GROUP BY ALL
ORDER BY municipality_code, school_login
