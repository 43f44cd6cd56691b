-- The unit of the project effect (DOMAIN §4.4): school × subject of one assessment and year,
-- grades pooled (works summed over grades, so a school's share is its works' share). Only
-- comparable results: autumn ВПР 2020 is left out. The measure is the share of «2»; for ЕГЭ it is
-- the share below the minimum threshold (the «2» of базовая математика, the test score elsewhere).
SELECT
  assessment,
  assessment_name,
  school_login,
  subject,
  year,
  CASE WHEN assessment = 'ege' THEN 'share_below_min' ELSE 'share_2' END AS measure,
  CAST(sum(CASE WHEN assessment = 'ege' THEN with_min_check ELSE with_mark END) AS BIGINT) AS works,
  CAST(sum(CASE WHEN assessment = 'ege' THEN below_min ELSE mark_2 END) AS BIGINT) AS fails,
  share(
    sum(CASE WHEN assessment = 'ege' THEN below_min ELSE mark_2 END),
    sum(CASE WHEN assessment = 'ege' THEN with_min_check ELSE with_mark END)
  ) AS fail_share
FROM int_quality_cells
WHERE is_comparable
GROUP BY assessment, assessment_name, school_login, subject, year
HAVING sum(CASE WHEN assessment = 'ege' THEN with_min_check ELSE with_mark END) > 0
