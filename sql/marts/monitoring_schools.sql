-- Мониторинг позитивных изменений (DOMAIN §4.8) per participant: directions activated, reported,
-- confirmed and moved at each stage, and the verdict «положительная тенденция» by the rule in
-- ref_monitoring_rule (parameter, value): at stage `verdict_stage`, the share of activated
-- directions confirmed by the curator ≥ `min_share_confirmed` and the share whose indicator moved
-- toward its target ≥ `min_share_moved`. Default: every direction confirmed at stage 2, movement
-- not required. The same rule is also applied to each stage's data (positive_trend_stage1/2), so a
-- stage-1 note can say where schools stand; a school with no activated direction never qualifies.
WITH rule AS (
  SELECT
    CAST(max(value) FILTER (WHERE parameter = 'verdict_stage') AS INTEGER) AS verdict_stage,
    CAST(max(value) FILTER (WHERE parameter = 'min_share_confirmed') AS DOUBLE) AS min_share_confirmed,
    CAST(max(value) FILTER (WHERE parameter = 'min_share_moved') AS DOUBLE) AS min_share_moved
  FROM ref_monitoring_rule
),
per_stage AS (
  SELECT
    school_login,
    count(*) FILTER (WHERE stage = 1) AS directions_activated,
    count_if(stage = 1 AND reported) AS reported_stage1,
    count_if(stage = 1 AND confirmed_by_curator) AS confirmed_stage1,
    count_if(stage = 1 AND moved_toward_target) AS moved_stage1,
    count_if(stage = 2 AND reported) AS reported_stage2,
    count_if(stage = 2 AND confirmed_by_curator) AS confirmed_stage2,
    count_if(stage = 2 AND moved_toward_target) AS moved_stage2
  FROM int_monitoring_stages
  GROUP BY school_login
),
schools AS (
  SELECT
    p.municipality_code,
    p.municipality,
    p.school_login,
    p.school_name,
    coalesce(s.directions_activated, 0) AS directions_activated,
    coalesce(s.reported_stage1, 0) AS reported_stage1,
    coalesce(s.confirmed_stage1, 0) AS confirmed_stage1,
    coalesce(s.moved_stage1, 0) AS moved_stage1,
    coalesce(s.reported_stage2, 0) AS reported_stage2,
    coalesce(s.confirmed_stage2, 0) AS confirmed_stage2,
    coalesce(s.moved_stage2, 0) AS moved_stage2
  FROM int_control_participants p
  LEFT JOIN per_stage s USING (school_login)
),
judged AS (
  SELECT
    s.*,
    r.verdict_stage,
    s.directions_activated > 0
      AND share(s.confirmed_stage1, s.directions_activated) >= r.min_share_confirmed
      AND share(s.moved_stage1, s.directions_activated) >= r.min_share_moved AS positive_trend_stage1,
    s.directions_activated > 0
      AND share(s.confirmed_stage2, s.directions_activated) >= r.min_share_confirmed
      AND share(s.moved_stage2, s.directions_activated) >= r.min_share_moved AS positive_trend_stage2
  FROM schools s
  CROSS JOIN rule r
)
SELECT
  municipality_code,
  municipality,
  school_login,
  school_name,
  directions_activated,
  reported_stage1,
  confirmed_stage1,
  moved_stage1,
  reported_stage2,
  confirmed_stage2,
  moved_stage2,
  positive_trend_stage1,
  positive_trend_stage2,
  verdict_stage,
  CASE verdict_stage WHEN 1 THEN positive_trend_stage1 WHEN 2 THEN positive_trend_stage2 END AS positive_trend,
  CASE
    WHEN directions_activated = 0 THEN 'нет активированных направлений'
    WHEN CASE verdict_stage WHEN 1 THEN positive_trend_stage1 WHEN 2 THEN positive_trend_stage2 END
      THEN 'положительная тенденция'
    ELSE 'положительная тенденция не подтверждена'
  END AS verdict
FROM judged
