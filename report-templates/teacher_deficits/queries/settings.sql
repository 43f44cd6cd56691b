-- The report's thresholds and band names in one row. min_group: the smallest group a sentence is
-- written about (DOMAIN §4.4: fewer than 20 people never drive a sentence; queries that flag
-- `comparable` or rank municipalities use the same 20). min_people: groups smaller than this are
-- suppressed by the marts (ref_suppression). Band names (ref_level_bands, instrument «teachers»):
-- the top band is «no deficit», the lowest one the marked deficit.
WITH bands AS (
  SELECT level, CAST(min_pct AS DOUBLE) AS min_pct,
         row_number() OVER (ORDER BY CAST(min_pct AS DOUBLE) DESC) AS band_order,
         count(*) OVER () AS bands
  FROM ref_level_bands
  WHERE instrument = 'teachers'
)
SELECT 20 AS min_group,
       (SELECT CAST(value AS INTEGER) FROM ref_suppression WHERE parameter = 'teachers_min_people') AS min_people,
       (SELECT level FROM bands WHERE band_order = 1) AS band_none,
       (SELECT min_pct FROM bands WHERE band_order = 1) AS deficit_below_pct,
       (SELECT level FROM bands WHERE band_order = bands) AS band_severe,
       (SELECT min_pct FROM bands WHERE band_order = bands - 1) AS severe_below_pct
