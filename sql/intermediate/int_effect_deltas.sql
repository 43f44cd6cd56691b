-- Per cohort × assessment × subject and school: the share of «2» before and after, its change Δ,
-- the school's baseline quintile and its place in the difference-in-differences (DOMAIN §4.4).
-- before = the last comparable year before the cohort's year in which the cohort's schools have
-- results; after = the run year. ШНОР group = the cohort's schools (cohorts are never pooled);
-- comparison = schools never in «500+» nor in the regional programme in any year.
-- Quintiles: cut points are the 20/40/60/80 % quantiles (quantile_cont) of the baseline share of
-- «2» over every school of the region with a result that year; a share equal to a cut point falls
-- in the lower quintile. Only quintiles with both ШНОР and comparison schools are kept, and the
-- comparison schools are weighted so that the comparison has the cohort's quintile mix:
-- weight = (ШНОР schools in the quintile / all ШНОР) ÷ (comparison in the quintile / all comparison),
-- which sums to the number of comparison schools and is 1 for all when the mixes already agree.
WITH settings AS (
  SELECT CAST(max(value) FILTER (WHERE key = 'min_unit_works') AS INTEGER) AS min_unit_works
  FROM ref_project_effect_settings
),
cohorts AS (
  -- A school's cohort is the year it entered, whichever list says so first (the default is the year).
  SELECT school_login, min(coalesce(cohort, year)) AS cohort
  FROM stg_participants
  GROUP BY school_login
),
ever_supported AS (
  SELECT school_login FROM stg_participants
  UNION
  SELECT school_login FROM stg_regional_programme
),
units AS (
  SELECT u.* FROM int_effect_units u, settings s WHERE u.works >= s.min_unit_works
),
frames AS (
  SELECT c.cohort, u.assessment, u.assessment_name, u.subject, max(u.year) AS before_year
  FROM cohorts c
  JOIN units u USING (school_login)
  WHERE u.year < c.cohort AND c.cohort <= run_year()
  GROUP BY c.cohort, u.assessment, u.assessment_name, u.subject
),
cut_points AS (
  SELECT f.cohort, f.assessment, f.assessment_name, f.subject,
         quantile_cont(u.fail_share, 0.2) AS q20, quantile_cont(u.fail_share, 0.4) AS q40,
         quantile_cont(u.fail_share, 0.6) AS q60, quantile_cont(u.fail_share, 0.8) AS q80
  FROM frames f
  JOIN units u ON u.assessment = f.assessment AND u.assessment_name = f.assessment_name
              AND u.subject = f.subject AND u.year = f.before_year
  GROUP BY f.cohort, f.assessment, f.assessment_name, f.subject
),
school_deltas AS (
  SELECT
    f.cohort, f.assessment, f.assessment_name, f.subject, b.measure, f.before_year,
    a.year AS after_year,
    b.school_login,
    CASE WHEN c.cohort = f.cohort THEN 'shnor' ELSE 'comparison' END AS group_name,
    b.works AS works_before, b.fails AS fails_before, b.fail_share AS share_before,
    a.works AS works_after, a.fails AS fails_after, a.fail_share AS share_after,
    a.fail_share - b.fail_share AS delta,
    1 + CAST(b.fail_share > q.q20 AS INTEGER) + CAST(b.fail_share > q.q40 AS INTEGER)
      + CAST(b.fail_share > q.q60 AS INTEGER) + CAST(b.fail_share > q.q80 AS INTEGER) AS baseline_quintile
  FROM frames f
  JOIN cut_points q USING (cohort, assessment, assessment_name, subject)
  JOIN units b ON b.assessment = f.assessment AND b.assessment_name = f.assessment_name
              AND b.subject = f.subject AND b.year = f.before_year
  JOIN units a ON a.assessment = f.assessment AND a.assessment_name = f.assessment_name
              AND a.subject = f.subject AND a.school_login = b.school_login AND a.year = run_year()
  LEFT JOIN cohorts c ON c.school_login = b.school_login
  LEFT JOIN ever_supported e ON e.school_login = b.school_login
  -- The cohort's own schools, or schools never supported; other cohorts and the regional
  -- programme's schools are in neither group.
  WHERE c.cohort = f.cohort OR e.school_login IS NULL
),
-- Group counts by GROUP BY joined back, not count(*) … OVER windows: ten times faster at national scale.
quintile_sizes AS (
  SELECT cohort, assessment, assessment_name, subject, baseline_quintile,
         count(*) FILTER (WHERE group_name = 'shnor') AS shnor_in_quintile,
         count(*) FILTER (WHERE group_name = 'comparison') AS comparison_in_quintile
  FROM school_deltas
  GROUP BY ALL
),
matched AS (
  SELECT d.*, q.shnor_in_quintile, q.comparison_in_quintile,
         q.shnor_in_quintile > 0 AND q.comparison_in_quintile > 0 AS in_estimate
  FROM school_deltas d
  JOIN quintile_sizes q
    ON q.cohort = d.cohort AND q.assessment = d.assessment AND q.assessment_name IS NOT DISTINCT FROM d.assessment_name
   AND q.subject = d.subject AND q.baseline_quintile IS NOT DISTINCT FROM d.baseline_quintile
),
matched_sizes AS (
  SELECT cohort, assessment, assessment_name, subject,
         count(*) FILTER (WHERE in_estimate AND group_name = 'shnor') AS shnor_matched,
         count(*) FILTER (WHERE in_estimate AND group_name = 'comparison') AS comparison_matched
  FROM matched
  GROUP BY ALL
),
group_sizes AS (
  SELECT m.*, s.shnor_matched, s.comparison_matched
  FROM matched m
  JOIN matched_sizes s
    ON s.cohort = m.cohort AND s.assessment = m.assessment AND s.assessment_name IS NOT DISTINCT FROM m.assessment_name
   AND s.subject = m.subject
)
SELECT
  cohort, assessment, assessment_name, subject, measure, before_year, after_year,
  school_login, group_name,
  works_before, fails_before, share_before, works_after, fails_after, share_after, delta,
  baseline_quintile, shnor_in_quintile, comparison_in_quintile, in_estimate,
  CASE
    WHEN NOT in_estimate THEN NULL
    WHEN group_name = 'shnor' THEN 1.0
    ELSE (CAST(shnor_in_quintile AS DOUBLE) / shnor_matched) / (CAST(comparison_in_quintile AS DOUBLE) / comparison_matched)
  END AS weight
FROM group_sizes
