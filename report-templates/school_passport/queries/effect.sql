-- The school in the project-effect calculation (project_effect_schools): share «2» (ЕГЭ: below the minimum
-- score) before and after, by procedure and subject, only where both years have at least as many works as
-- the smallest group a conclusion may be drawn from (project_effect_settings.min_group_schools, 20: DOMAIN
-- §4.4); how many rows were left out is in summary.sql. `met` is the mart's: the share fell and no marker.
WITH settings AS (SELECT value AS min_group FROM ref_project_effect_settings WHERE key = 'min_group_schools')
SELECT e.school_login, e.cohort, e.assessment, e.assessment_name, e.subject,
       coalesce(s.name, e.subject) AS subject_name,
       e.measure, e.before_year, e.after_year, e.before_year || ' и ' || e.after_year AS years,
       e.works_before, e.fails_before, e.share2_before_pct / 100 AS share_before,
       e.works_after, e.fails_after, e.share2_after_pct / 100 AS share_after,
       e.share2_change_pp, e.has_marker, e.met
FROM project_effect_schools e
CROSS JOIN settings
LEFT JOIN ref_subjects s ON s.subject_code = e.subject
WHERE e.year = run_year() AND e.as_of = as_of_date()
  AND e.works_before >= settings.min_group AND e.works_after >= settings.min_group
  AND (getvariable('school') IS NULL OR e.school_login = getvariable('school'))
ORDER BY e.school_login, CASE e.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END,
         subject_name
