-- Deficit bands of the teachers' instrument (ref_level_bands), numbered from the top band down.
-- The top band is «нет дефицита»: every band below it is a deficit, the lowest one the most marked.
-- Flags come from the order, not the names, so a region may rename or add bands in the seed.
WITH bands AS (
  SELECT
    level AS band,
    CAST(min_pct AS DOUBLE) AS min_pct,
    CAST(row_number() OVER (ORDER BY min_pct DESC) AS INTEGER) AS band_order
  FROM ref_level_bands
  WHERE instrument = 'teachers'
)
SELECT
  band,
  min_pct,
  band_order,
  band_order > 1 AS is_deficit,
  band_order > 1 AND band_order = max(band_order) OVER () AS is_severe
FROM bands
