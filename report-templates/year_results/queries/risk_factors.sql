-- Factors by the share of participants that activated the direction (the seed note's ranking).
SELECT rank_activated, factor_name, short_name, activated, share_activated
FROM risk_picture
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
ORDER BY rank_activated
