-- Each municipality in the latest wave (all subjects): teachers, the share with a deficit in at least
-- one block, with a marked one, and with a deficit in each block. A suppressed municipality (fewer
-- teachers than ref_suppression) shows no figure; its name says why. `cells_hidden`: blocks hidden
-- while the municipality is shown (their cells read «—»).
WITH s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality'
    AND breakdown IN ('итого', 'блок')
),
latest AS (
  SELECT * FROM s WHERE wave_order = (SELECT max(wave_order) FROM s)
),
hidden AS (
  SELECT chr(160) || '— данные скрыты: меньше ' || n || CASE WHEN n % 10 = 1 AND n % 100 <> 11 THEN chr(160) || 'человека' ELSE chr(160) || 'человек' END AS note
  FROM (SELECT CAST(value AS INTEGER) AS n FROM ref_suppression WHERE parameter = 'teachers_min_people')
),
totals AS (
  SELECT municipality_code, municipality, suppressed, teachers, share_with_deficit, share_severe_deficit
  FROM latest WHERE breakdown = 'итого'
),
by_block AS (
  PIVOT (SELECT municipality_code, block, share_with_deficit FROM latest WHERE breakdown = 'блок')
  ON block IN ('нормативно-правовой', 'предметный', 'методический', 'психолого-педагогический')
  USING first(share_with_deficit)
  GROUP BY municipality_code
),
cells AS (
  SELECT municipality_code, count(*) FILTER (WHERE suppressed)::INTEGER AS cells_hidden
  FROM latest WHERE breakdown = 'блок' GROUP BY municipality_code
)
SELECT
  t.municipality_code,
  t.municipality,
  t.municipality || CASE WHEN t.suppressed THEN h.note ELSE '' END AS municipality_shown,
  t.suppressed,
  t.teachers::INTEGER AS teachers,
  t.share_with_deficit,
  t.share_severe_deficit,
  CASE WHEN t.suppressed THEN 0 ELSE coalesce(c.cells_hidden, 0) END AS cells_hidden,
  b."нормативно-правовой", b."предметный", b."методический", b."психолого-педагогический"
FROM totals t
CROSS JOIN hidden h
LEFT JOIN by_block b USING (municipality_code)
LEFT JOIN cells c USING (municipality_code)
ORDER BY t.municipality_code
