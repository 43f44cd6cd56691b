-- Risk clusters described (DOMAIN §4.3): per group of risk_clusters (this run's rows) its size,
-- dominant factors and name (decided once, in the clustering model), the mean silhouette of its
-- schools and the mean РПШ level of each of the ten factors — the table a report shows as a
-- heat map. Cluster 0 gathers participants without a РПШ, so the sizes add up to all participants.
WITH clusters AS (
  SELECT school_login, cluster_no, cluster_name, cluster_factors, cluster_factor_codes, silhouette
  FROM risk_clusters
  WHERE year = run_year() AND as_of = as_of_date()
),
levels AS (
  SELECT c.cluster_no, d.factor_code, d.risk_level
  FROM clusters c
  JOIN int_risk_directions d USING (school_login)
),
mean_levels AS (
  SELECT
    cluster_no,
    round(avg(risk_level) FILTER (WHERE factor_code = 1), 2) AS mean_level_1,
    round(avg(risk_level) FILTER (WHERE factor_code = 2), 2) AS mean_level_2,
    round(avg(risk_level) FILTER (WHERE factor_code = 3), 2) AS mean_level_3,
    round(avg(risk_level) FILTER (WHERE factor_code = 4), 2) AS mean_level_4,
    round(avg(risk_level) FILTER (WHERE factor_code = 5), 2) AS mean_level_5,
    round(avg(risk_level) FILTER (WHERE factor_code = 6), 2) AS mean_level_6,
    round(avg(risk_level) FILTER (WHERE factor_code = 7), 2) AS mean_level_7,
    round(avg(risk_level) FILTER (WHERE factor_code = 8), 2) AS mean_level_8,
    round(avg(risk_level) FILTER (WHERE factor_code = 9), 2) AS mean_level_9,
    round(avg(risk_level) FILTER (WHERE factor_code = 10), 2) AS mean_level_10
  FROM levels
  GROUP BY cluster_no
),
sizes AS (
  SELECT
    cluster_no,
    any_value(cluster_name) AS cluster_name,
    any_value(cluster_factors) AS cluster_factors,
    any_value(cluster_factor_codes) AS cluster_factor_codes,
    count(*) AS schools,
    round(avg(silhouette), 3) AS mean_silhouette
  FROM clusters
  GROUP BY cluster_no
)
SELECT
  s.cluster_no,
  s.cluster_name,
  s.schools,
  sum(s.schools) OVER () AS participants,
  share(s.schools, sum(s.schools) OVER ()) AS share_schools,
  pct(s.schools, sum(s.schools) OVER (), 1) AS pct_schools,
  s.cluster_factors,
  s.cluster_factor_codes,
  s.mean_silhouette,
  m.mean_level_1,
  m.mean_level_2,
  m.mean_level_3,
  m.mean_level_4,
  m.mean_level_5,
  m.mean_level_6,
  m.mean_level_7,
  m.mean_level_8,
  m.mean_level_9,
  m.mean_level_10
FROM sizes s
LEFT JOIN mean_levels m USING (cluster_no)
