-- Monitoring of positive changes per participant × activated direction × stage (DOMAIN §4.8). Every
-- activated direction gets a row for both stages, reported or not, so «every activated direction
-- confirmed at the stage» is a plain count. A direction is confirmed at a stage when it has at
-- least one indicator reported there and the curator confirmed every one of them.
-- An indicator moved toward its target when the actual value lies beyond the baseline on the
-- target's side (from the values); when a value is missing, or the target equals the baseline,
-- the school's own «positive_change» mark stands in. A direction moved when every indicator with
-- a known answer moved (NULL when none is known).
WITH indicators AS (
  SELECT
    m.school_login,
    m.factor_code,
    m.stage,
    m.confirmed_by_curator,
    m.submitted_at,
    CASE
      WHEN m.baseline_value IS NOT NULL AND m.target_value IS NOT NULL AND m.actual_value IS NOT NULL
           AND m.target_value <> m.baseline_value
        THEN sign(m.target_value - m.baseline_value) * (m.actual_value - m.baseline_value) > 0
      ELSE m.positive_change
    END AS moved,
    m.baseline_value IS NOT NULL AND m.target_value IS NOT NULL AND m.actual_value IS NOT NULL
      AND m.target_value <> m.baseline_value AS judged_by_values
  FROM stg_medk_monitoring m
  WHERE m.year = run_year()
),
per_direction AS (
  SELECT
    school_login,
    factor_code,
    stage,
    count(*) AS indicators,
    count_if(confirmed_by_curator) AS indicators_confirmed,
    count(moved) AS indicators_known,
    count_if(moved) AS indicators_moved,
    count_if(judged_by_values) AS indicators_by_values,
    max(submitted_at) AS submitted_at
  FROM indicators
  GROUP BY ALL
),
activated AS (
  SELECT a.school_login, a.factor_code, a.activated_at
  FROM int_control_directions a
  JOIN int_control_participants p USING (school_login)
)
SELECT
  run_year() AS year,
  a.school_login,
  a.factor_code,
  s.stage,
  a.activated_at,
  coalesce(d.indicators, 0) AS indicators,
  coalesce(d.indicators_confirmed, 0) AS indicators_confirmed,
  coalesce(d.indicators_moved, 0) AS indicators_moved,
  coalesce(d.indicators_known, 0) AS indicators_known,
  coalesce(d.indicators_by_values, 0) AS indicators_by_values,
  d.submitted_at,
  coalesce(d.indicators, 0) > 0 AS reported,
  coalesce(d.indicators > 0 AND d.indicators_confirmed = d.indicators, false) AS confirmed_by_curator,
  CASE WHEN coalesce(d.indicators_known, 0) > 0 THEN d.indicators_moved = d.indicators_known END
    AS moved_toward_target
FROM activated a
CROSS JOIN (VALUES (1), (2)) AS s(stage)
LEFT JOIN per_direction d
  ON d.school_login = a.school_login AND d.factor_code = a.factor_code AND d.stage = s.stage
