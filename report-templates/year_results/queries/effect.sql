-- The project's effect per cohort × assessment × subject (DOMAIN §4.4), never pooled: the row as the
-- `effect` helper reads it, a label for sentences and charts, and a short conclusion for the table made
-- from the mart's own flags (small group → none; improved and confirmed; improved but not confirmed
-- because of objectivity markers; no interval; the whole interval above zero; otherwise not shown).
SELECT e.cohort, 'Когорта ' || e.cohort || ' года' AS cohort_label, e.assessment, e.assessment_name, e.subject,
       e.assessment_name || ', ' || lower(coalesce(s.name, e.subject)) AS label,
       e.measure, e.before_year, e.after_year, e.n_shnor, e.n_comparison,
       e.share2_before_shnor_pct, e.share2_after_shnor_pct,
       e.share2_before_comparison_pct, e.share2_after_comparison_pct,
       e.did_share2_pp, e.did_ci_low_pp, e.did_ci_high_pp,
       e.small_group, e.interval_below_zero, e.improved, e.schools_with_marker, e.confirmed,
       CASE WHEN e.small_group THEN 'мало школ — вывод не делается'
            WHEN e.improved AND e.confirmed THEN 'улучшение подтверждено'
            WHEN e.improved THEN 'улучшение не подтверждено (признаки необъективности)'
            WHEN e.did_ci_low_pp IS NULL THEN 'интервал не рассчитан — вывод не делается'
            WHEN e.did_ci_low_pp > 0 THEN 'ухудшение'
            ELSE 'различие не доказано' END AS conclusion,
       CASE WHEN e.small_group THEN 'мало школ'
            WHEN e.improved AND e.confirmed THEN 'улучшение подтверждено'
            WHEN e.improved THEN 'не подтверждено: признаки необъективности'
            WHEN e.did_ci_low_pp IS NULL THEN 'интервал не рассчитан'
            WHEN e.did_ci_low_pp > 0 THEN 'ухудшение'
            ELSE 'различие не доказано' END AS conclusion_short
FROM project_effect e
LEFT JOIN ref_subjects s ON s.subject_code = e.subject
WHERE e.year = run_year() AND e.as_of = as_of_date()
ORDER BY e.cohort, CASE e.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END,
         e.subject = 'rus' DESC, e.subject LIKE 'math%' DESC, label
