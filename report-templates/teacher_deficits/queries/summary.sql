-- The year's diagnostics in one row: waves held by the date, and the latest wave's region totals
-- (teachers, with a deficit in at least one block, with a marked one), schools and municipalities.
WITH s AS (
  SELECT * FROM teacher_deficit_shares WHERE year = run_year() AND as_of = as_of_date()
),
latest AS (
  SELECT max(wave_order) AS wave_order, count(DISTINCT wave)::INTEGER AS waves FROM s
),
w AS (
  SELECT s.* FROM s JOIN latest USING (wave_order)
)
SELECT
  l.waves,
  l.wave_order,
  r.wave,
  r.suppressed,
  r.teachers::INTEGER AS teachers,
  r.with_deficit::INTEGER AS with_deficit,
  r.severe_deficit::INTEGER AS severe_deficit,
  r.teachers >= 20 AS large_enough,
  (SELECT count(DISTINCT school_login) FROM w WHERE scope = 'school')::INTEGER AS schools,
  (SELECT count(DISTINCT municipality_code) FROM w WHERE scope = 'municipality')::INTEGER AS municipalities,
  (SELECT count(DISTINCT subject) FROM w WHERE breakdown = 'предмет')::INTEGER AS subjects,
  -- Groups the tables by municipality and school hide (whole rows or single blocks).
  (SELECT count(*) FROM w WHERE scope IN ('municipality', 'school') AND breakdown IN ('итого', 'блок')
      AND suppressed)::INTEGER AS groups_hidden
FROM w r
CROSS JOIN latest l
WHERE r.scope = 'region' AND r.breakdown = 'итого'
ORDER BY r.wave
