-- The list each МОУО acts on: participants whose data of the stage are not confirmed by the curator
-- for every activated direction, or who do not meet the rule «положительная тенденция» at the stage.
WITH at_stage AS (
  SELECT
    municipality_code,
    municipality,
    school_login,
    school_name,
    directions_activated,
    CASE getvariable('stage') WHEN 1 THEN reported_stage1 ELSE reported_stage2 END AS reported,
    CASE getvariable('stage') WHEN 1 THEN confirmed_stage1 ELSE confirmed_stage2 END AS confirmed,
    CASE getvariable('stage') WHEN 1 THEN moved_stage1 ELSE moved_stage2 END AS moved,
    CASE getvariable('stage') WHEN 1 THEN positive_trend_stage1 ELSE positive_trend_stage2 END
      AS positive_trend
  FROM monitoring_schools
  WHERE year = run_year() AND as_of = as_of_date()
)
SELECT *
FROM at_stage
WHERE NOT positive_trend OR confirmed < directions_activated OR directions_activated = 0
ORDER BY municipality_code NULLS LAST, municipality, school_login
