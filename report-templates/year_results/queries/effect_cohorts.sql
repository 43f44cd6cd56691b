-- Per cohort: how many comparisons, which were too small for a conclusion and which improvements were
-- confirmed (by assessment: «ЕГЭ (история, химия)»), for the summary sentences and conclusions.
WITH rows AS (
  SELECT e.*, lower(coalesce(s.name, e.subject)) AS subject_name,
         CASE e.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END AS assessment_order
  FROM project_effect e
  LEFT JOIN ref_subjects s ON s.subject_code = e.subject
  WHERE e.year = run_year() AND e.as_of = as_of_date()
),
by_assessment AS (
  SELECT cohort, assessment_order,
         CASE WHEN small_group THEN 'small' WHEN improved AND confirmed THEN 'confirmed' END AS kind,
         assessment_name || ' (' || string_agg(subject_name, ', ' ORDER BY subject_name) || ')' AS text
  FROM rows
  WHERE small_group OR (improved AND confirmed)
  GROUP BY cohort, assessment_order, assessment_name, kind
)
SELECT r.cohort,
       min(r.before_year) AS before_year_min, max(r.before_year) AS before_year_max, max(r.after_year) AS after_year,
       count(*)::INTEGER AS comparisons,
       count(*) FILTER (WHERE r.small_group)::INTEGER AS small,
       (SELECT list(a.text ORDER BY a.assessment_order) FROM by_assessment a
        WHERE a.cohort = r.cohort AND a.kind = 'small') AS small_labels,
       count(*) FILTER (WHERE NOT r.small_group)::INTEGER AS judged,
       count(*) FILTER (WHERE r.improved AND r.confirmed)::INTEGER AS confirmed,
       (SELECT list(a.text ORDER BY a.assessment_order) FROM by_assessment a
        WHERE a.cohort = r.cohort AND a.kind = 'confirmed') AS confirmed_labels,
       count(*) FILTER (WHERE r.improved AND NOT r.confirmed)::INTEGER AS unconfirmed,
       (SELECT CAST(value AS INTEGER) FROM ref_project_effect_settings WHERE key = 'min_group_schools') AS min_group
FROM rows r
GROUP BY r.cohort
ORDER BY r.cohort
