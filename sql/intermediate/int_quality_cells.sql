-- Counts and sums per school × assessment × subject × grade × year (DOMAIN §4.4), every year as
-- of the run date: the numerators and denominators the quality marts, the objectivity markers and
-- the project effect are computed from. Absent participants are counted apart and nowhere else.
SELECT
  assessment,
  assessment_name,
  year,
  session,
  bool_and(is_comparable) AS is_comparable,
  school_login,
  subject,
  grade,
  count(*) FILTER (WHERE is_absent) AS absent,
  count(*) FILTER (WHERE NOT is_absent) AS participants,
  count(mark) FILTER (WHERE NOT is_absent) AS with_mark,
  count(*) FILTER (WHERE NOT is_absent AND mark = 2) AS mark_2,
  count(*) FILTER (WHERE NOT is_absent AND mark = 3) AS mark_3,
  count(*) FILTER (WHERE NOT is_absent AND mark = 4) AS mark_4,
  count(*) FILTER (WHERE NOT is_absent AND mark = 5) AS mark_5,
  sum(mark) FILTER (WHERE NOT is_absent) AS mark_sum,
  -- Score as a fraction of the maximum, summed over works that have both (for mean score %).
  count(*) FILTER (WHERE NOT is_absent AND score IS NOT NULL AND max_score > 0) AS with_score_pct,
  sum(score / max_score) FILTER (WHERE NOT is_absent AND max_score > 0) AS score_frac_sum,
  count(test_score) FILTER (WHERE NOT is_absent) AS with_test_score,
  sum(test_score) FILTER (WHERE NOT is_absent) AS test_score_sum,
  count(is_below_min) FILTER (WHERE NOT is_absent) AS with_min_check,
  count(*) FILTER (WHERE NOT is_absent AND is_below_min) AS below_min,
  -- ВПР against the journal (ФИС ОКО): понизили = отметка за работу ниже отметки по журналу.
  count(*) FILTER (WHERE NOT is_absent AND mark IS NOT NULL AND journal_mark IS NOT NULL) AS journal_compared,
  count(*) FILTER (WHERE NOT is_absent AND mark < journal_mark) AS journal_lowered,
  count(*) FILTER (WHERE NOT is_absent AND mark = journal_mark) AS journal_confirmed,
  count(*) FILTER (WHERE NOT is_absent AND mark > journal_mark) AS journal_raised
FROM int_quality_results
WHERE school_login IS NOT NULL
GROUP BY assessment, assessment_name, year, session, school_login, subject, grade
