-- What the schools of the list (schools.sql) miss, one row per kind that occurs, in the order the note
-- names them: data not reported for every direction, reported but not all confirmed, confirmed but the
-- indicators did not move enough for the rule, no activated direction.
WITH listed AS (
  SELECT
    directions_activated,
    CASE getvariable('stage') WHEN 1 THEN reported_stage1 ELSE reported_stage2 END AS reported,
    CASE getvariable('stage') WHEN 1 THEN confirmed_stage1 ELSE confirmed_stage2 END AS confirmed,
    CASE getvariable('stage') WHEN 1 THEN positive_trend_stage1 ELSE positive_trend_stage2 END
      AS positive_trend
  FROM monitoring_schools
  WHERE year = run_year() AND as_of = as_of_date()
),
kinds AS (
  SELECT
    CASE
      WHEN directions_activated = 0 THEN 4
      WHEN reported < directions_activated THEN 1
      WHEN confirmed < directions_activated THEN 2
      ELSE 3
    END AS gap_order
  FROM listed
  WHERE NOT positive_trend OR confirmed < directions_activated OR directions_activated = 0
)
SELECT
  gap_order,
  CASE gap_order WHEN 1 THEN 'not_reported' WHEN 2 THEN 'not_confirmed' WHEN 3 THEN 'not_moved'
                 ELSE 'no_directions' END AS gap,
  count(*) AS schools
FROM kinds
GROUP BY gap_order
ORDER BY gap_order
