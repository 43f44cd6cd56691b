-- The k-means groups of risk profiles (DOMAIN §4.3): size, share, leading factors, name, silhouette.
-- Group 0 (participants without a РПШ of the year) is listed last.
SELECT cluster_no, cluster_name, '«' || cluster_name || '»' AS cluster_title, schools, participants, share_schools, cluster_factors, mean_silhouette
FROM risk_cluster_summary
WHERE year = run_year() AND as_of = as_of_date()
ORDER BY cluster_no = 0, cluster_no
