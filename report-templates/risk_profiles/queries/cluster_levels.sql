-- The groups' profiles for the heatmap: the mean РПШ level (0–3) of each factor in each group.
WITH levels AS (
  UNPIVOT (
    SELECT cluster_no, schools, mean_level_1, mean_level_2, mean_level_3, mean_level_4, mean_level_5,
           mean_level_6, mean_level_7, mean_level_8, mean_level_9, mean_level_10
    FROM risk_cluster_summary
    WHERE year = run_year() AND as_of = as_of_date() AND cluster_no > 0
  )
  ON COLUMNS('^mean_level_') INTO NAME level_column VALUE mean_level
)
SELECT l.cluster_no, 'Группа ' || l.cluster_no || ' (' || l.schools || ')' AS cluster_label,
       f.factor_code, f.short_name, l.mean_level
FROM levels l
JOIN ref_risk_factor f ON f.factor_code = CAST(replace(l.level_column, 'mean_level_', '') AS INTEGER)
ORDER BY l.cluster_no, f.factor_code
