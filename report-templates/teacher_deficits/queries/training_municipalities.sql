-- Training against deficits by municipality: the share of teachers with a deficit in each block who
-- closed it with a completed course of that block. Blocks with too few teachers or teachers with a
-- deficit (ref_suppression) are hidden by the mart and read «—»; `cells_hidden` counts them.
WITH t AS (
  SELECT * FROM teacher_training_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality'
),
by_block AS (
  PIVOT (SELECT municipality_code, municipality, block, share_covered FROM t)
  ON block IN ('нормативно-правовой', 'предметный', 'методический', 'психолого-педагогический')
  USING first(share_covered)
  GROUP BY municipality_code, municipality
),
cells AS (
  SELECT municipality_code, count(*) FILTER (WHERE suppressed)::INTEGER AS cells_hidden
  FROM t GROUP BY municipality_code
)
SELECT b.*, c.cells_hidden
FROM by_block b
JOIN cells c USING (municipality_code)
ORDER BY b.municipality_code
