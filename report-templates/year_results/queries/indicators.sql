-- The control indicators at the year's end (DOMAIN §4.1), the region's row of each, in the reference order.
SELECT indicator_order, indicator_code, indicator_name, participants, met, not_met, share_met
FROM control_indicators
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
ORDER BY indicator_order
