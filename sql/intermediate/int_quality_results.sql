-- One row per work of every assessment (DOMAIN §4.4): ВПР and regional protocols as they are,
-- ОГЭ/ЕГЭ reduced to the last attempt of the year per student × subject (retakes stay in staging).
-- Scales and ЕГЭ minimums are reference tables; when a year is missing there, the nearest earlier
-- year's row is used (else the nearest later one) and scale_year says which year that was.
WITH protocol_works AS (
  -- ВПР and regional protocols share one layout; a ВПР without a session is the spring one.
  SELECT 'vpr' AS assessment, 'ВПР' AS assessment_name, year, coalesce(session, 'весна') AS session,
         school_login, subject, grade, student_code AS student, is_absent,
         mark, total_score AS score, CAST(NULL AS DOUBLE) AS test_score, journal_mark,
         CAST(NULL AS DATE) AS exam_date, CAST(NULL AS VARCHAR) AS attempt
  FROM stg_vpr_results
  UNION ALL
  SELECT 'regional', assessment_name, year, session,
         school_login, subject, grade, student_code, is_absent,
         mark, total_score, NULL, journal_mark, NULL, NULL
  FROM stg_regional_assessment
),
exam_sittings AS (
  SELECT 'oge' AS assessment, 'ОГЭ' AS assessment_name, year, school_login, subject, 9 AS grade,
         student, is_absent, mark, primary_score AS score, CAST(NULL AS DOUBLE) AS test_score,
         exam_date, attempt
  FROM stg_oge_results
  UNION ALL
  SELECT 'ege', 'ЕГЭ', year, school_login, subject, 11, student, is_absent,
         mark, primary_score, test_score, exam_date, attempt
  FROM stg_ege_results
),
exam_works AS (
  -- The last attempt of the year the student actually sat (an absence at a later retake does not
  -- erase a result); a student absent at every sitting stays as one absent work.
  SELECT assessment, assessment_name, year, CAST(NULL AS VARCHAR) AS session, school_login, subject,
         grade, student, is_absent, mark, score, test_score, CAST(NULL AS INTEGER) AS journal_mark,
         exam_date, attempt
  FROM exam_sittings
  QUALIFY row_number() OVER (
    PARTITION BY assessment, year, subject, student
    ORDER BY is_absent ASC, exam_date DESC,
             CASE attempt WHEN 'пересдача' THEN 3 WHEN 'резервный' THEN 2 WHEN 'основной' THEN 1 ELSE 0 END DESC,
             score DESC NULLS LAST
  ) = 1
),
works AS (
  SELECT assessment, assessment_name, year, session, school_login, subject, grade, student, is_absent,
         mark, score, test_score, journal_mark, exam_date, attempt
  FROM protocol_works
  UNION ALL
  SELECT assessment, assessment_name, year, session, school_login, subject, grade, student, is_absent,
         mark, score, test_score, journal_mark, exam_date, attempt
  FROM exam_works
),
scale_rows AS (
  SELECT 'vpr' AS assessment, year, subject_code, grade, max_score FROM ref_vpr_scale
  UNION ALL
  SELECT 'oge', year, subject_code, 9, max_score FROM ref_oge_scale
),
cells AS (
  SELECT DISTINCT assessment, year, subject, grade FROM works
),
cell_scale AS (
  -- Nearest year of the scale: the same year, else the latest earlier, else the earliest later.
  SELECT c.assessment, c.year, c.subject, c.grade, s.year AS scale_year, s.max_score
  FROM cells c
  JOIN scale_rows s ON s.assessment = c.assessment AND s.subject_code = c.subject AND s.grade = c.grade
  QUALIFY row_number() OVER (
    PARTITION BY c.assessment, c.year, c.subject, c.grade
    ORDER BY s.year > c.year, abs(s.year - c.year)
  ) = 1
),
ege_minimum AS (
  SELECT c.year, c.subject, m.year AS min_score_year, m.min_score
  FROM cells c
  JOIN ref_ege_min_score m ON m.subject_code = c.subject
  WHERE c.assessment = 'ege'
  QUALIFY row_number() OVER (PARTITION BY c.year, c.subject ORDER BY m.year > c.year, abs(m.year - c.year)) = 1
)
SELECT
  w.assessment,
  w.assessment_name,
  w.year,
  w.session,
  -- ВПР of autumn 2020 was written in grades 5–9 on the previous year's material (DOMAIN §1).
  NOT (w.assessment = 'vpr' AND w.year = 2020 AND w.session = 'осень') AS is_comparable,
  w.school_login,
  w.subject,
  w.grade,
  w.student,
  w.is_absent,
  w.exam_date,
  w.attempt,
  w.mark,
  w.score,
  cs.max_score,
  cs.scale_year,
  w.test_score,
  em.min_score,
  -- ЕГЭ «не преодолели минимальный порог»: a test score below the minimum; for базовая математика
  -- (a mark, no test score) the «2».
  CASE
    WHEN w.assessment <> 'ege' OR w.is_absent THEN NULL
    WHEN w.test_score IS NOT NULL THEN w.test_score < em.min_score
    WHEN w.mark IS NOT NULL THEN w.mark = 2
  END AS is_below_min,
  w.journal_mark
FROM works w
LEFT JOIN cell_scale cs USING (assessment, year, subject, grade)
LEFT JOIN ege_minimum em ON w.assessment = 'ege' AND em.year = w.year AND em.subject = w.subject
