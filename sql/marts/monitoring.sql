-- Мониторинг позитивных изменений (DOMAIN §4.8) by region and municipality, per stage. Schools are
-- counted against all participants of the year (the denominator of every §4 share), directions
-- against the directions activated. Read from this run's rows of monitoring_schools and
-- monitoring_directions, so the shares and the lists agree. The region has a row for both stages
-- even with no participants (shares NULL).
WITH stages AS (
  SELECT
    st.stage,
    st.stage = (SELECT CAST(max(value) AS INTEGER) FROM ref_monitoring_rule WHERE parameter = 'verdict_stage')
      AS is_verdict_stage
  FROM (VALUES (1), (2)) AS st(stage)
),
school_stages AS (
  SELECT
    s.municipality_code,
    s.municipality,
    st.stage,
    s.directions_activated,
    CASE st.stage WHEN 1 THEN s.reported_stage1 ELSE s.reported_stage2 END AS reported,
    CASE st.stage WHEN 1 THEN s.confirmed_stage1 ELSE s.confirmed_stage2 END AS confirmed,
    CASE st.stage WHEN 1 THEN s.positive_trend_stage1 ELSE s.positive_trend_stage2 END AS positive_trend
  FROM monitoring_schools s
  CROSS JOIN stages st
  WHERE s.year = run_year() AND s.as_of = as_of_date()
),
school_counts AS (
  SELECT
    municipality_code,
    municipality,
    stage,
    count(*) AS participants,
    count_if(directions_activated > 0) AS schools_with_directions,
    count_if(directions_activated > 0 AND reported = directions_activated) AS schools_reported,
    count_if(directions_activated > 0 AND confirmed = directions_activated) AS schools_confirmed,
    count_if(positive_trend) AS schools_positive_trend
  FROM school_stages
  GROUP BY ALL
),
direction_counts AS (
  SELECT
    municipality_code,
    municipality,
    stage,
    count(*) AS directions_activated,
    count_if(reported) AS directions_reported,
    count_if(confirmed_by_curator) AS directions_confirmed,
    count_if(moved_toward_target) AS directions_moved
  FROM monitoring_directions
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY ALL
),
by_municipality AS (
  SELECT
    'municipality' AS scope,
    s.municipality_code,
    s.municipality,
    s.stage,
    s.participants,
    s.schools_with_directions,
    s.schools_reported,
    s.schools_confirmed,
    s.schools_positive_trend,
    coalesce(d.directions_activated, 0) AS directions_activated,
    coalesce(d.directions_reported, 0) AS directions_reported,
    coalesce(d.directions_confirmed, 0) AS directions_confirmed,
    coalesce(d.directions_moved, 0) AS directions_moved
  FROM school_counts s
  LEFT JOIN direction_counts d
    ON d.stage = s.stage
   AND d.municipality = s.municipality
   AND d.municipality_code IS NOT DISTINCT FROM s.municipality_code
),
by_region AS (
  SELECT
    'region' AS scope,
    CAST(NULL AS VARCHAR) AS municipality_code,
    CAST(NULL AS VARCHAR) AS municipality,
    st.stage,
    coalesce(sum(m.participants), 0) AS participants,
    coalesce(sum(m.schools_with_directions), 0) AS schools_with_directions,
    coalesce(sum(m.schools_reported), 0) AS schools_reported,
    coalesce(sum(m.schools_confirmed), 0) AS schools_confirmed,
    coalesce(sum(m.schools_positive_trend), 0) AS schools_positive_trend,
    coalesce(sum(m.directions_activated), 0) AS directions_activated,
    coalesce(sum(m.directions_reported), 0) AS directions_reported,
    coalesce(sum(m.directions_confirmed), 0) AS directions_confirmed,
    coalesce(sum(m.directions_moved), 0) AS directions_moved
  FROM stages st
  LEFT JOIN by_municipality m USING (stage)
  GROUP BY st.stage
),
counts AS (
  SELECT * FROM by_region
  UNION ALL
  SELECT * FROM by_municipality
)
SELECT
  c.scope,
  c.municipality_code,
  c.municipality,
  c.stage,
  st.is_verdict_stage,
  CAST(c.participants AS BIGINT) AS participants,
  CAST(c.schools_with_directions AS BIGINT) AS schools_with_directions,
  CAST(c.schools_reported AS BIGINT) AS schools_reported,
  CAST(c.schools_confirmed AS BIGINT) AS schools_confirmed,
  share(c.schools_confirmed, c.participants) AS share_confirmed,
  pct(c.schools_confirmed, c.participants, 1) AS pct_confirmed,
  CAST(c.schools_positive_trend AS BIGINT) AS schools_positive_trend,
  share(c.schools_positive_trend, c.participants) AS share_positive_trend,
  pct(c.schools_positive_trend, c.participants, 1) AS pct_positive_trend,
  CAST(c.directions_activated AS BIGINT) AS directions_activated,
  CAST(c.directions_reported AS BIGINT) AS directions_reported,
  CAST(c.directions_confirmed AS BIGINT) AS directions_confirmed,
  share(c.directions_confirmed, c.directions_activated) AS share_directions_confirmed,
  CAST(c.directions_moved AS BIGINT) AS directions_moved,
  share(c.directions_moved, c.directions_activated) AS share_directions_moved,
  pct(c.directions_moved, c.directions_activated, 1) AS pct_directions_moved
FROM counts c
JOIN stages st USING (stage)
