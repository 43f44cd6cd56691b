-- Quality per assessment × subject × grade for the region and each municipality, run year
-- (DOMAIN §4.4): works are pooled (every work weighs the same), so a region's share is its
-- municipalities' numerators over their denominators, not a mean of school shares.
WITH cells AS (
  SELECT c.*, s.municipality_code, s.municipality
  FROM int_quality_cells c
  LEFT JOIN int_schools s USING (school_login)
  WHERE c.year = run_year()
),
totals AS (
  SELECT
    CASE WHEN GROUPING(municipality_code) = 1 THEN 'region' ELSE 'municipality' END AS scope,
    municipality_code,
    CASE WHEN GROUPING(municipality_code) = 0 THEN any_value(municipality) END AS municipality,
    assessment, assessment_name, session, subject, grade,
    bool_and(is_comparable) AS is_comparable,
    count(DISTINCT school_login) FILTER (WHERE participants > 0) AS schools,
    sum(participants) AS participants,
    sum(absent) AS absent,
    sum(with_mark) AS with_mark,
    sum(mark_2) AS mark_2,
    sum(mark_4 + mark_5) AS mark_4_5,
    sum(mark_sum) AS mark_sum,
    sum(with_score_pct) AS with_score_pct,
    sum(score_frac_sum) AS score_frac_sum,
    sum(with_min_check) AS with_min_check,
    sum(below_min) AS below_min,
    sum(with_test_score) AS with_test_score,
    sum(test_score_sum) AS test_score_sum,
    sum(journal_compared) AS journal_compared,
    sum(journal_lowered) AS journal_lowered,
    sum(journal_confirmed) AS journal_confirmed,
    sum(journal_raised) AS journal_raised
  FROM cells
  GROUP BY GROUPING SETS (
    (assessment, assessment_name, session, subject, grade),
    (assessment, assessment_name, session, subject, grade, municipality_code)
  )
  -- Schools missing from the registry count in the region row only.
  HAVING GROUPING(municipality_code) = 1 OR municipality_code IS NOT NULL
)
SELECT
  assessment,
  assessment_name,
  session,
  is_comparable,
  scope,
  municipality_code,
  municipality,
  subject,
  grade,
  schools,
  CAST(participants AS BIGINT) AS participants,
  CAST(absent AS BIGINT) AS absent,
  CAST(with_mark AS BIGINT) AS with_mark,
  CAST(mark_2 AS BIGINT) AS mark_2,
  share(mark_2, with_mark) AS share_2,
  pct(mark_2, with_mark, 1) AS pct_2,
  CAST(mark_4_5 AS BIGINT) AS mark_4_5,
  share(mark_4_5, with_mark) AS quality_share,
  pct(mark_4_5, with_mark, 1) AS quality_pct,
  CAST(with_mark - mark_2 AS BIGINT) AS mark_3_5,
  share(with_mark - mark_2, with_mark) AS success_share,
  pct(with_mark - mark_2, with_mark, 1) AS success_pct,
  CAST(round(CAST(mark_sum AS DECIMAL(38, 10)) / nullif(with_mark, 0), 2) AS DOUBLE) AS mean_mark,
  CAST(with_score_pct AS BIGINT) AS with_score_pct,
  pct(score_frac_sum, with_score_pct, 1) AS mean_score_pct,
  CAST(with_min_check AS BIGINT) AS with_min_check,
  CAST(below_min AS BIGINT) AS below_min,
  share(below_min, with_min_check) AS share_below_min,
  pct(below_min, with_min_check, 1) AS pct_below_min,
  CAST(with_test_score AS BIGINT) AS with_test_score,
  CAST(round(CAST(test_score_sum AS DECIMAL(38, 10)) / nullif(with_test_score, 0), 1) AS DOUBLE) AS mean_test_score,
  CAST(journal_compared AS BIGINT) AS journal_compared,
  CAST(journal_lowered AS BIGINT) AS journal_lowered,
  share(journal_lowered, journal_compared) AS share_lowered,
  pct(journal_lowered, journal_compared, 1) AS pct_lowered,
  CAST(journal_confirmed AS BIGINT) AS journal_confirmed,
  share(journal_confirmed, journal_compared) AS share_confirmed,
  pct(journal_confirmed, journal_compared, 1) AS pct_confirmed,
  CAST(journal_raised AS BIGINT) AS journal_raised,
  share(journal_raised, journal_compared) AS share_raised,
  pct(journal_raised, journal_compared, 1) AS pct_raised
FROM totals
