-- The risk picture of the region (DOMAIN §4.2): factors by the share of participants that activated the
-- direction (the seed note's ranking, ties by factor code), with the share at высокий / средний in РПШ.
SELECT rank_activated, factor_code, factor_name, short_name, participants, activated, share_activated,
       profiled, high_or_medium, share_high_or_medium
FROM risk_picture
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
ORDER BY rank_activated
