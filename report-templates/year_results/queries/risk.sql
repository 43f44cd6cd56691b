-- The risk picture in brief: participants with at least one direction, the number of k-means groups.
SELECT p.participants, p.with_direction, p.share_with_direction,
       (SELECT any_value(c.clusters) FROM risk_clusters c
        WHERE c.year = p.year AND c.as_of = p.as_of) AS clusters,
       (SELECT any_value(c.mean_silhouette) < any_value(CAST(s.value AS DOUBLE)) FROM risk_clusters c, ref_risk_settings s
        WHERE c.year = p.year AND c.as_of = p.as_of AND s.parameter = 'cluster_weak_silhouette') AS weak_clusters
FROM risk_participation p
WHERE p.year = run_year() AND p.as_of = as_of_date() AND p.scope = 'region'
ORDER BY p.participants
