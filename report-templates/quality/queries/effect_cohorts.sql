-- One row per cohort of project_effect (cohorts are never pooled): its years and how many of its
-- assessment × subject rows support which conclusion, by the mart's flags.
WITH rows AS (
  SELECT e.*, e.assessment_name || ', ' || lower(s.name[1]) || s.name[2:] AS label,
         CASE e.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END AS assessment_order,
         s.name AS subject_name
  FROM project_effect e
  JOIN ref_subjects s ON s.subject_code = e.subject
  WHERE e.year = run_year() AND e.as_of = as_of_date()
)
SELECT
  cohort,
  min(before_year) AS before_year_min,
  max(before_year) AS before_year_max,
  max(after_year) AS after_year,
  max(n_shnor) AS schools_max,
  count(*) AS rows_total,
  count(*) FILTER (WHERE small_group) AS rows_small,
  count(*) FILTER (WHERE confirmed) AS rows_confirmed,
  count(*) FILTER (WHERE improved AND NOT confirmed) AS rows_unconfirmed,
  count(*) FILTER (WHERE NOT small_group AND did_ci_low_pp > 0) AS rows_worse,
  count(*) FILTER (WHERE NOT small_group AND NOT improved AND NOT did_ci_low_pp > 0) AS rows_not_proven,
  list(label ORDER BY assessment_order, assessment_name, subject_name) FILTER (WHERE confirmed) AS confirmed_labels,
  list(label ORDER BY assessment_order, assessment_name, subject_name) FILTER (WHERE improved AND NOT confirmed) AS unconfirmed_labels,
  list(label ORDER BY assessment_order, assessment_name, subject_name) FILTER (WHERE NOT small_group AND did_ci_low_pp > 0) AS worse_labels,
  list(DISTINCT assessment_name) FILTER (WHERE small_group) AS small_assessments,
  -- Over all cohorts: whether any row is too small for a conclusion, for the recommendations.
  sum(count(*) FILTER (WHERE small_group)) OVER () AS rows_small_all,
  any_value(min_group_schools) AS min_group_schools
FROM rows
CROSS JOIN (
  SELECT CAST(max(value) FILTER (WHERE key = 'min_group_schools') AS INTEGER) AS min_group_schools
  FROM ref_project_effect_settings
) settings
GROUP BY cohort
ORDER BY cohort
