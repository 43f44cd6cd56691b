-- The size of the list (schools.sql): schools and the municipalities they are in.
SELECT
  count(*) AS schools,
  count(DISTINCT municipality) AS municipalities,
  count_if(NOT CASE getvariable('stage') WHEN 1 THEN positive_trend_stage1 ELSE positive_trend_stage2 END)
    AS without_positive_trend,
  -- schools the recommendations address by name of the gap: data missing, not confirmed, no direction
  count_if(directions_activated = 0
           OR CASE getvariable('stage') WHEN 1 THEN confirmed_stage1 ELSE confirmed_stage2 END < directions_activated)
    AS actionable
FROM monitoring_schools
WHERE year = run_year() AND as_of = as_of_date()
  AND (NOT CASE getvariable('stage') WHEN 1 THEN positive_trend_stage1 ELSE positive_trend_stage2 END
       OR CASE getvariable('stage') WHEN 1 THEN confirmed_stage1 ELSE confirmed_stage2 END < directions_activated
       OR directions_activated = 0)
ORDER BY schools
