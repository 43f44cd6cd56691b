-- The effect of the project per cohort × assessment × subject (DOMAIN §4.4), never pooling cohorts:
-- difference in differences of the share of «2» (ЕГЭ: below the minimum), schools weighted equally
-- (comparison schools re-weighted to the cohort's baseline quintile mix, see int_effect_deltas).
-- Sign: Δ = after − before, so a negative DiD means the cohort's share of «2» fell more than the
-- comparison's — an improvement. All differences are in п. п. (percentage points).
WITH settings AS (
  SELECT
    CAST(max(value) FILTER (WHERE key = 'min_group_schools') AS INTEGER) AS min_group_schools,
    max(value) FILTER (WHERE key = 'ci_z') AS ci_z
  FROM ref_project_effect_settings
),
frames AS (
  SELECT cohort, assessment, assessment_name, subject, any_value(measure) AS measure,
         any_value(before_year) AS before_year, any_value(after_year) AS after_year,
         count(*) FILTER (WHERE group_name = 'shnor' AND NOT in_estimate) AS n_shnor_unmatched,
         count(*) FILTER (WHERE group_name = 'comparison' AND NOT in_estimate) AS n_comparison_unmatched
  FROM int_effect_deltas
  GROUP BY cohort, assessment, assessment_name, subject
),
shnor AS (
  SELECT cohort, assessment, assessment_name, subject,
         count(*) AS n1,
         avg(share_before) AS before1, avg(share_after) AS after1,
         avg(delta) AS mean1, var_samp(delta) AS var1,
         sum(works_after) AS works1
  FROM int_effect_deltas
  WHERE in_estimate AND group_name = 'shnor'
  GROUP BY cohort, assessment, assessment_name, subject
),
comparison_mean AS (
  SELECT cohort, assessment, assessment_name, subject,
         count(*) AS n0,
         sum(weight * share_before) / sum(weight) AS before0,
         sum(weight * share_after) / sum(weight) AS after0,
         sum(weight * delta) / sum(weight) AS mean0,
         -- Kish's effective size: equals n0 when all weights are 1.
         power(sum(weight), 2) / sum(weight * weight) AS n0_effective,
         sum(works_after) AS works0
  FROM int_effect_deltas
  WHERE in_estimate AND group_name = 'comparison'
  GROUP BY cohort, assessment, assessment_name, subject
),
comparison AS (
  -- Weighted sample variance around the weighted mean (the weights sum to n0): s₀² = Σw(Δ−m)²/(n0−1).
  SELECT m.*, CASE WHEN m.n0 > 1 THEN ss.sum_sq / (m.n0 - 1) END AS var0
  FROM comparison_mean m
  JOIN (
    SELECT d.cohort, d.assessment, d.assessment_name, d.subject,
           sum(d.weight * power(d.delta - m.mean0, 2)) AS sum_sq
    FROM int_effect_deltas d
    JOIN comparison_mean m USING (cohort, assessment, assessment_name, subject)
    WHERE d.in_estimate AND d.group_name = 'comparison'
    GROUP BY d.cohort, d.assessment, d.assessment_name, d.subject
  ) ss USING (cohort, assessment, assessment_name, subject)
),
shnor_flags AS (
  -- The cohort's schools in the estimate, each with whether it has any objectivity flag in that
  -- assessment and subject (any grade; a ФИОКО list row without a subject counts for all) in the
  -- after year.
  SELECT d.cohort, d.assessment, d.assessment_name, d.subject, d.school_login, d.delta,
         EXISTS (
           SELECT 1 FROM int_objectivity_markers o
           WHERE o.flagged AND o.year = d.after_year AND o.school_login = d.school_login
             AND o.assessment = d.assessment AND o.assessment_name = d.assessment_name
             AND (o.subject = d.subject OR o.subject IS NULL)
         ) AS has_marker
  FROM int_effect_deltas d
  WHERE d.in_estimate AND d.group_name = 'shnor'
),
marked AS (
  -- Also the cohort's change without the flagged schools, against the same comparison: the
  -- improvement is «подтверждённое» only if it holds without them (DOMAIN §4.5).
  SELECT cohort, assessment, assessment_name, subject,
         count(*) FILTER (WHERE has_marker) AS schools_with_marker,
         string_agg(school_login, ', ' ORDER BY school_login) FILTER (WHERE has_marker) AS marker_schools,
         count(*) FILTER (WHERE NOT has_marker) AS n1_unmarked,
         avg(delta) FILTER (WHERE NOT has_marker) AS mean1_unmarked,
         var_samp(delta) FILTER (WHERE NOT has_marker) AS var1_unmarked
  FROM shnor_flags
  GROUP BY cohort, assessment, assessment_name, subject
),
estimates AS (
  SELECT
    f.*,
    s.n1, s.works1, s.before1, s.after1, s.mean1, s.var1,
    c.n0, c.n0_effective, c.works0, c.before0, c.after0, c.mean0, c.var0,
    s.mean1 - c.mean0 AS did,
    sqrt(s.var1 / s.n1 + c.var0 / c.n0_effective) AS se,
    m.schools_with_marker,
    m.marker_schools,
    m.n1_unmarked,
    m.mean1_unmarked - c.mean0 AS did_unmarked,
    sqrt(m.var1_unmarked / m.n1_unmarked + c.var0 / c.n0_effective) AS se_unmarked,
    st.min_group_schools, st.ci_z
  FROM frames f
  JOIN shnor s USING (cohort, assessment, assessment_name, subject)
  JOIN comparison c USING (cohort, assessment, assessment_name, subject)
  JOIN marked m USING (cohort, assessment, assessment_name, subject)
  CROSS JOIN settings st
),
verdicts AS (
  SELECT *,
         100 * did AS did_pp,
         100 * (did - ci_z * se) AS ci_low_pp,
         100 * (did + ci_z * se) AS ci_high_pp,
         n1 < min_group_schools OR n0 < min_group_schools AS small_group,
         coalesce(did + ci_z * se < 0, FALSE) AS interval_below_zero,
         -- A small group never supports a claim (DOMAIN §4.4), whatever its interval.
         NOT (n1 < min_group_schools OR n0 < min_group_schools) AND coalesce(did + ci_z * se < 0, FALSE) AS improved
  FROM estimates
)
SELECT
  cohort,
  assessment,
  assessment_name,
  subject,
  measure,
  before_year,
  after_year,
  n1 AS n_shnor,
  n_shnor_unmatched,
  n0 AS n_comparison,
  n_comparison_unmatched,
  n0_effective AS n_comparison_effective,
  CAST(works1 AS BIGINT) AS works_shnor_after,
  CAST(works0 AS BIGINT) AS works_comparison_after,
  100 * before1 AS share2_before_shnor_pct,
  100 * after1 AS share2_after_shnor_pct,
  100 * mean1 AS share2_change_shnor_pp,
  10000 * var1 AS share2_change_var_shnor,
  100 * before0 AS share2_before_comparison_pct,
  100 * after0 AS share2_after_comparison_pct,
  100 * mean0 AS share2_change_comparison_pp,
  10000 * var0 AS share2_change_var_comparison,
  did_pp AS did_share2_pp,
  ci_low_pp AS did_ci_low_pp,
  ci_high_pp AS did_ci_high_pp,
  small_group,
  interval_below_zero,
  improved,
  schools_with_marker,
  marker_schools,
  -- Confirmed: no school has a marker, or the improvement holds without the schools that have one.
  improved AND (schools_with_marker = 0 OR coalesce(did_unmarked + ci_z * se_unmarked < 0, FALSE)) AS confirmed,
  n1_unmarked AS n_shnor_unmarked,
  100 * did_unmarked AS did_share2_unmarked_pp,
  100 * (did_unmarked + ci_z * se_unmarked) AS did_unmarked_ci_high_pp,
  NOT small_group AND coalesce(did_unmarked + ci_z * se_unmarked < 0, FALSE) AS improved_unmarked,
  CASE
    WHEN small_group THEN 'мало школ для вывода (в группе меньше ' || min_group_schools || ')'
    WHEN ci_low_pp IS NULL THEN 'оценить нельзя (в группе одна школа)'
    WHEN improved AND schools_with_marker = 0 THEN 'улучшение подтверждено: доля снизилась сильнее, чем в группе сравнения, признаков необъективности нет'
    WHEN improved AND did_unmarked + ci_z * se_unmarked < 0 THEN 'улучшение подтверждено: доля снизилась сильнее, чем в группе сравнения, и без школ с признаками необъективности'
    WHEN improved THEN 'доля снизилась сильнее, чем в группе сравнения, но у школ есть признаки необъективности — улучшение не подтверждено'
    WHEN ci_low_pp > 0 THEN 'доля выросла сильнее, чем в группе сравнения'
    ELSE 'различие с группой сравнения не доказано (интервал включает 0)'
  END AS verdict
FROM verdicts
