-- How the groups were formed: the number chosen, the measure it was chosen by (mean silhouette) and
-- the threshold under which groups are called weak (ref_risk_settings), with the model's own note.
SELECT c.clusters, c.mean_silhouette, c.method_note,
       count(*) FILTER (WHERE c.cluster_no > 0)::INTEGER AS clustered,
       count(*)::INTEGER AS participants,
       s.k_min, s.k_max, s.weak_silhouette, s.min_size,
       c.mean_silhouette < s.weak_silhouette AS weak
FROM risk_clusters c
CROSS JOIN (
  SELECT CAST(max(value) FILTER (WHERE parameter = 'cluster_k_min') AS INTEGER) AS k_min,
         CAST(max(value) FILTER (WHERE parameter = 'cluster_k_max') AS INTEGER) AS k_max,
         CAST(max(value) FILTER (WHERE parameter = 'cluster_weak_silhouette') AS DOUBLE) AS weak_silhouette,
         CAST(max(value) FILTER (WHERE parameter = 'cluster_min_size') AS INTEGER) AS min_size
  FROM ref_risk_settings
) s
WHERE c.year = run_year() AND c.as_of = as_of_date()
GROUP BY ALL
ORDER BY c.clusters
