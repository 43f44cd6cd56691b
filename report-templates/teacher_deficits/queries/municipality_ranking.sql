-- Municipalities large enough for a sentence (20 teachers and more; settings.sql) by the share of
-- teachers with a marked deficit in at least one block in the latest wave, largest first.
WITH s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality' AND breakdown = 'итого'
)
SELECT municipality_code, municipality, teachers::INTEGER AS teachers,
       severe_deficit::INTEGER AS severe_deficit, share_severe_deficit
FROM s
WHERE wave_order = (SELECT max(wave_order) FROM s) AND NOT suppressed AND teachers >= 20
ORDER BY share_severe_deficit DESC, municipality_code
