-- Each participant with its k-means group and its group by leading activated directions.
SELECT c.cluster_no,
       CASE WHEN c.cluster_no = 0 THEN c.cluster_name
            ELSE c.cluster_no || '. ' || c.cluster_name END AS cluster,
       c.municipality_code, c.municipality, c.school_login, c.school_name,
       d.group_name AS dominant_group
FROM risk_clusters c
LEFT JOIN risk_dominant_groups d
  ON d.year = c.year AND d.as_of = c.as_of AND d.school_login = c.school_login
WHERE c.year = run_year() AND c.as_of = as_of_date()
ORDER BY c.cluster_no = 0, c.cluster_no, c.municipality_code NULLS LAST, c.school_login
