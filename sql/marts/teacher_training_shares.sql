-- Training against deficits, per block × scope (region, municipality): teachers diagnosed, with a
-- deficit found, of them covered by a completed course of the block, and the share covered.
-- Small groups are suppressed by the seed's threshold (suppression.teachers_min_people), counting
-- both the teachers diagnosed and those with a deficit (the share's denominator).
WITH threshold AS (
  SELECT CAST(value AS INTEGER) AS min_people FROM ref_suppression WHERE parameter = 'teachers_min_people'
),
scoped AS (
  SELECT 'region' AS scope, NULL AS municipality_code, NULL AS municipality,
         block, teacher_id, deficit_found, covered, trained, hours
  FROM int_teacher_training
  UNION ALL
  SELECT 'municipality', municipality_code, municipality,
         block, teacher_id, deficit_found, covered, trained, hours
  FROM int_teacher_training
  WHERE municipality IS NOT NULL
),
counts AS (
  SELECT scope, municipality_code, municipality, block,
         count(*) AS teachers,
         count(*) FILTER (WHERE deficit_found) AS with_deficit,
         count(*) FILTER (WHERE covered) AS covered,
         coalesce(sum(hours) FILTER (WHERE covered), 0) AS covered_hours,
         count(*) FILTER (WHERE trained AND NOT deficit_found) AS trained_without_deficit
  FROM scoped
  GROUP BY ALL
),
-- Suppressed when the group, or its teachers with a deficit (the share's denominator), are too few;
-- no one with a deficit (0) hides nothing.
flagged AS (
  SELECT c.scope, c.municipality_code, c.municipality, c.block,
         c.teachers, c.with_deficit, c.covered, c.covered_hours, c.trained_without_deficit,
         c.teachers < t.min_people OR (c.with_deficit > 0 AND c.with_deficit < t.min_people) AS suppressed
  FROM counts c
  CROSS JOIN threshold t
)
SELECT
  scope,
  municipality_code,
  municipality,
  block,
  suppressed,
  CASE WHEN NOT suppressed THEN teachers END AS teachers,
  CASE WHEN NOT suppressed THEN with_deficit END AS with_deficit,
  CASE WHEN NOT suppressed THEN covered END AS covered,
  CASE WHEN NOT suppressed THEN share(covered, with_deficit) END AS share_covered,
  CASE WHEN NOT suppressed THEN pct(covered, with_deficit, 1) END AS pct_covered,
  CASE WHEN NOT suppressed THEN covered_hours END AS covered_hours,
  CASE WHEN NOT suppressed THEN trained_without_deficit END AS trained_without_deficit
FROM flagged
