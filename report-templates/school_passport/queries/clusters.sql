-- Every group of the clustering with its size among the year's participants (shared by all passports).
SELECT cluster_no, cluster_name, schools, participants, share_schools
FROM risk_cluster_summary
WHERE year = run_year() AND as_of = as_of_date()
ORDER BY cluster_no
