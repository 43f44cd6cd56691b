-- The blocks of the latest wave in long form for the stacked chart: the share with a marked deficit
-- (the lowest band) and with a deficit short of it (the bands between), named from ref_level_bands.
WITH bands AS (
  SELECT level, row_number() OVER (ORDER BY CAST(min_pct AS DOUBLE) DESC) AS band_order,
         count(*) OVER () AS bands
  FROM ref_level_bands
  WHERE instrument = 'teachers'
),
names AS (
  SELECT (SELECT level FROM bands WHERE band_order = bands) AS severe,
         -- With three bands the middle one has its own name; with more they are summed.
         CASE WHEN (SELECT max(bands) FROM bands) = 3 THEN (SELECT level FROM bands WHERE band_order = 2)
              ELSE 'дефицит, кроме выраженного' END AS partial
),
s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND breakdown = 'блок'
    AND NOT suppressed
),
latest AS (
  SELECT * FROM s WHERE wave_order = (SELECT max(wave_order) FROM s)
)
SELECT block, share_with_deficit, names.severe AS band, 1 AS band_order, share_severe_deficit AS share
FROM latest, names
UNION ALL
SELECT block, share_with_deficit, names.partial, 2, share_with_deficit - share_severe_deficit
FROM latest, names
ORDER BY share_with_deficit DESC, block, band_order
