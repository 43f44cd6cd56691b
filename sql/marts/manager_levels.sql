-- Distribution of managers by level: per wave × competence (and «Все компетенции») × level, for
-- the region and each municipality. Every level of the seed is listed, with 0 people where none,
-- so a table always shows the whole scale. Denominator: people assessed in that competence and
-- wave within the scope.
WITH scores AS (
  SELECT wave, wave_order, competence, is_overall, person_id, level, municipality_code, municipality
  FROM int_manager_scores
),
-- People from a school missing in the registry count in the region only.
scoped AS (
  SELECT 'region' AS scope, NULL AS municipality_code, NULL AS municipality,
         wave, wave_order, competence, is_overall, person_id, level
  FROM scores
  UNION ALL
  SELECT 'municipality', municipality_code, municipality,
         wave, wave_order, competence, is_overall, person_id, level
  FROM scores
  WHERE municipality IS NOT NULL
),
assessed AS (
  SELECT scope, municipality_code, municipality, wave, wave_order, competence, is_overall,
         count(DISTINCT person_id) AS people_assessed
  FROM scoped
  GROUP BY ALL
),
by_level AS (
  SELECT scope, municipality_code, municipality, wave, competence, level,
         count(DISTINCT person_id) AS people
  FROM scoped
  GROUP BY ALL
)
SELECT
  a.wave,
  a.wave_order,
  a.scope,
  a.municipality_code,
  a.municipality,
  a.competence,
  a.is_overall,
  b.level,
  b.level_order,
  coalesce(l.people, 0) AS people,
  a.people_assessed,
  share(coalesce(l.people, 0), a.people_assessed) AS share,
  pct(coalesce(l.people, 0), a.people_assessed, 1) AS pct
FROM assessed a
CROSS JOIN int_manager_bands b
LEFT JOIN by_level l
  ON l.scope = a.scope
 AND l.municipality_code IS NOT DISTINCT FROM a.municipality_code
 AND l.municipality IS NOT DISTINCT FROM a.municipality
 AND l.wave = a.wave
 AND l.competence = a.competence
 AND l.level = b.level
