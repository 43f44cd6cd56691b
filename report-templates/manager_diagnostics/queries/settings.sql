-- The report's thresholds and level names in one row. min_group: the smallest group a sentence is
-- written about (DOMAIN §4.4: fewer than 20 people never drive a sentence; the queries that flag
-- `comparable` use the same 20). min_people: the smallest group whose figures are shown at all
-- (ref_suppression, the threshold of the teachers' diagnostics: a municipality of one school would
-- otherwise show its director's own level). The level names (ref_level_bands, highest first) for
-- sentences that quote them: the two upper levels and the two lower ones.
WITH bands AS (
  SELECT level, row_number() OVER (ORDER BY CAST(min_pct AS DOUBLE) DESC) AS level_order,
         count(*) OVER () AS levels
  FROM ref_level_bands
  WHERE instrument = 'managers'
)
SELECT 20 AS min_group,
       (SELECT CAST(value AS INTEGER) FROM ref_suppression WHERE parameter = 'teachers_min_people') AS min_people,
       (SELECT level FROM bands WHERE level_order = 1) AS level_first,
       (SELECT level FROM bands WHERE level_order = 2) AS level_second,
       (SELECT level FROM bands WHERE level_order = levels - 1) AS level_next_to_last,
       (SELECT level FROM bands WHERE level_order = levels) AS level_last
