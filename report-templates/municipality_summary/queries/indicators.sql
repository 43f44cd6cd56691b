-- Each control indicator in the municipality beside the region: schools that met it, the shares and the
-- difference in п. п. (a municipality of fewer than 20 participants is a small group: its shares are for
-- reference, sentences give counts).
WITH region AS (
  SELECT indicator_code, share_met FROM control_indicators
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
)
SELECT m.municipality_code, m.indicator_order, m.indicator_code, m.indicator_name,
       m.participants, m.met, m.not_met, m.share_met, r.share_met AS region_share_met,
       (m.share_met - r.share_met) * 100 AS diff_pp,
       m.participants < 20 AS small_group
FROM control_indicators m
JOIN region r USING (indicator_code)
WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.scope = 'municipality'
  AND m.municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR m.municipality_code = getvariable('municipality'))
ORDER BY m.municipality_code, m.indicator_order
