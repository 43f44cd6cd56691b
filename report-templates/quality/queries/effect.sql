-- The project's effect per cohort × assessment × subject (DOMAIN §4.4), as project_effect computes it:
-- the sentence comes from the `effect` helper (it reads the mart's flags), the table's short verdict
-- from the same flags. The markers of the cohort's schools in the estimate are listed by kind so the
-- text can name what qualifies a result.
WITH settings AS (
  SELECT CAST(max(value) FILTER (WHERE key = 'min_group_schools') AS INTEGER) AS min_group_schools
  FROM ref_project_effect_settings
),
marker_kinds AS (
  SELECT cohort, assessment, assessment_name, subject, marker_code, count(DISTINCT school_login) AS schools
  FROM (
    SELECT cohort, assessment, assessment_name, subject, school_login, unnest(string_split(markers, ',')) AS marker_code
    FROM project_effect_schools
    WHERE year = run_year() AND as_of = as_of_date() AND in_estimate AND has_marker
  )
  GROUP BY ALL
),
markers AS (
  SELECT cohort, assessment, assessment_name, subject,
         list({
           'marker': CASE trim(marker_code)
             WHEN 'lowered' THEN '«понизили»'
             WHEN 'raised' THEN '«повысили» при высоком качестве знаний'
             WHEN 'bunching_3' THEN 'скопление работ на первом балле «3»'
             WHEN 'bunching_4' THEN 'скопление работ на первом балле «4»'
             WHEN 'bunching_5' THEN 'скопление работ на первом балле «5»'
             WHEN 'change' THEN 'резкое изменение качества знаний'
             WHEN 'listed' THEN 'перечень ФИОКО'
             ELSE trim(marker_code) END,
           'schools': schools
         } ORDER BY schools DESC, trim(marker_code)) AS marker_kinds
  FROM marker_kinds
  GROUP BY ALL
)
SELECT
  e.cohort,
  CAST(e.cohort AS VARCHAR) AS cohort_text,
  e.assessment,
  e.assessment_name,
  e.subject,
  e.assessment_name || ', ' || lower(s.name[1]) || s.name[2:] AS label,
  -- The chart's rows in the table's order (procedures, then subjects), whichever cohort has them.
  dense_rank() OVER (ORDER BY CASE e.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END,
                              e.assessment_name, s.name) AS label_order,
  e.measure,
  CASE e.measure WHEN 'share_2' THEN 'доля «2»' ELSE 'доля не преодолевших минимальный порог' END AS measure_label,
  e.before_year,
  e.after_year,
  e.n_shnor,
  e.n_comparison,
  e.share2_before_shnor_pct,
  e.share2_after_shnor_pct,
  e.share2_change_shnor_pp,
  e.share2_before_comparison_pct,
  e.share2_after_comparison_pct,
  e.share2_change_comparison_pp,
  e.did_share2_pp,
  e.did_ci_low_pp,
  e.did_ci_high_pp,
  e.small_group,
  e.interval_below_zero,
  e.improved,
  e.confirmed,
  e.schools_with_marker,
  m.marker_kinds,
  st.min_group_schools,
  CASE
    WHEN e.small_group THEN 'мало школ'
    WHEN e.confirmed THEN 'улучшилось'
    WHEN e.improved THEN 'не подтверждено (признаки)'
    WHEN e.did_ci_low_pp > 0 THEN 'ухудшилось'
    ELSE 'не доказано'
  END AS verdict_short
FROM project_effect e
JOIN ref_subjects s ON s.subject_code = e.subject
LEFT JOIN markers m USING (cohort, assessment, assessment_name, subject)
CROSS JOIN settings st
WHERE e.year = run_year() AND e.as_of = as_of_date()
ORDER BY e.cohort,
         CASE e.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END,
         e.assessment_name, s.name
