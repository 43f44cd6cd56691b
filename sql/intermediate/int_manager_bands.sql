-- Levels of the managers' instrument (ref_level_bands), numbered from the top level down, so a
-- score % takes the level with the greatest lower edge it reaches (an ASOF join in the models).
SELECT
  level,
  CAST(min_pct AS DOUBLE) AS min_pct,
  CAST(row_number() OVER (ORDER BY min_pct DESC) AS INTEGER) AS level_order
FROM ref_level_bands
WHERE instrument = 'managers'
