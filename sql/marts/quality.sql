-- Quality of education per school × assessment × subject × grade for the run year (DOMAIN §4.4):
-- shares are fractions next to their numerator and denominator, percents with one decimal for
-- tables. Shares of marks are over participants with a mark (ЕГЭ other than базовая математика
-- has none: its measures are the minimum threshold and the mean test score).
SELECT
  c.assessment,
  c.assessment_name,
  c.session,
  c.is_comparable,
  s.municipality_code,
  s.municipality,
  c.school_login,
  s.school_name,
  c.subject,
  c.grade,
  c.participants,
  c.absent,
  c.with_mark,
  c.mark_2,
  share(c.mark_2, c.with_mark) AS share_2,
  pct(c.mark_2, c.with_mark, 1) AS pct_2,
  c.mark_4 + c.mark_5 AS mark_4_5,
  share(c.mark_4 + c.mark_5, c.with_mark) AS quality_share,
  pct(c.mark_4 + c.mark_5, c.with_mark, 1) AS quality_pct,
  c.with_mark - c.mark_2 AS mark_3_5,
  share(c.with_mark - c.mark_2, c.with_mark) AS success_share,
  pct(c.with_mark - c.mark_2, c.with_mark, 1) AS success_pct,
  CAST(round(CAST(c.mark_sum AS DECIMAL(38, 10)) / nullif(c.with_mark, 0), 2) AS DOUBLE) AS mean_mark,
  c.with_score_pct,
  pct(c.score_frac_sum, c.with_score_pct, 1) AS mean_score_pct,
  c.with_min_check,
  c.below_min,
  share(c.below_min, c.with_min_check) AS share_below_min,
  pct(c.below_min, c.with_min_check, 1) AS pct_below_min,
  c.with_test_score,
  CAST(round(CAST(c.test_score_sum AS DECIMAL(38, 10)) / nullif(c.with_test_score, 0), 1) AS DOUBLE) AS mean_test_score,
  c.journal_compared,
  c.journal_lowered,
  share(c.journal_lowered, c.journal_compared) AS share_lowered,
  pct(c.journal_lowered, c.journal_compared, 1) AS pct_lowered,
  c.journal_confirmed,
  share(c.journal_confirmed, c.journal_compared) AS share_confirmed,
  pct(c.journal_confirmed, c.journal_compared, 1) AS pct_confirmed,
  c.journal_raised,
  share(c.journal_raised, c.journal_compared) AS share_raised,
  pct(c.journal_raised, c.journal_compared, 1) AS pct_raised
FROM int_quality_cells c
LEFT JOIN int_schools s USING (school_login)
WHERE c.year = run_year()
