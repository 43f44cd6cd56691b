-- The same factors ranked by the share at высокий or средний level in РПШ (ties by factor code).
SELECT factor_code, factor_name, short_name, participants, profiled, high_or_medium, share_high_or_medium
FROM risk_picture
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
ORDER BY high_or_medium DESC, factor_code
