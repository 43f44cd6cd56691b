-- The school's group in the clustering of РПШ profiles (risk_clusters), and whether the groups are weakly
-- expressed (mean silhouette below risk_settings.cluster_weak_silhouette); the group's size is in the
-- shared query clusters.
SELECT c.school_login, c.cluster_no, c.cluster_name, c.cluster_factors, c.profile_factors, c.clusters,
       c.mean_silhouette, c.method_note,
       c.mean_silhouette < s.value AS weak
FROM risk_clusters c
LEFT JOIN ref_risk_settings s ON s.parameter = 'cluster_weak_silhouette'
WHERE c.year = run_year() AND c.as_of = as_of_date()
  AND (getvariable('school') IS NULL OR c.school_login = getvariable('school'))
ORDER BY c.school_login
