-- The region's row of each control indicator (DOMAIN §4.1), in the order of the reference table.
SELECT indicator_order, indicator_code, indicator_name, participants, met, not_met, share_met
FROM control_indicators
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
ORDER BY indicator_order
