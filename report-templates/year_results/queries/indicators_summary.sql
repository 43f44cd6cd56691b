-- For the conclusions: how many indicators every participant met, and the one met least often.
SELECT count(*)::INTEGER AS indicators,
       count(*) FILTER (WHERE not_met = 0)::INTEGER AS met_by_all,
       arg_min(indicator_name, share_met * 1000 + indicator_order / 100) AS lowest_name,
       arg_min(met, share_met * 1000 + indicator_order / 100) AS lowest_met,
       any_value(participants) AS participants
FROM control_indicators
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
HAVING count(*) > 0
ORDER BY indicators
