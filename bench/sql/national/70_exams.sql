-- ОГЭ and ЕГЭ of 2024–2026 from the РЦОИ (~{{oge_rows}} ОГЭ and ~{{ege_rows}} ЕГЭ sittings a year):
-- every student sits Russian and mathematics (ЕГЭ: profile or base) and electives; ~3 % on the
-- reserve day, ~2 % absent; a «2» in a compulsory subject is retaken in July by most. Students are
-- pseudonymised as the ingest does (24 hex digits); the school comes from the РЦОИ code.

-- Subjects and scales; ref_oge_scale and ref_ege_min_score (their latest year) where they have the subject.
CREATE OR REPLACE TEMP TABLE g_oge_subject AS
WITH subjects AS (SELECT * FROM (VALUES
  (0, 'rus', 6, 3, 33, 15, 22, 29), (0, 'math', 6, 10, 31, 8, 15, 22),
  (1, 'soc', 5, 30, 37, 14, 24, 32), (2, 'bio', 5, 30, 48, 13, 25, 37), (3, 'geo', 6, 14, 31, 12, 19, 25),
  (4, 'inf', 6, 14, 19, 5, 11, 17), (5, 'hist', 6, 17, 37, 11, 20, 30), (6, 'phys', 6, 17, 45, 11, 22, 34),
  (7, 'chem', 6, 17, 40, 10, 20, 31), (8, 'eng', 5, 26, 68, 29, 46, 58)
) t(slot, subject, month, day, max_score, m3, m4, m5)),
ref AS (
  SELECT subject_code, max_score, mark3_from, mark4_from, mark5_from FROM ref_oge_scale
  QUALIFY row_number() OVER (PARTITION BY subject_code ORDER BY year DESC) = 1
)
SELECT s.slot, s.subject, s.month, s.day, coalesce(r.max_score, s.max_score) AS max_score,
       coalesce(r.mark3_from, s.m3) AS m3, coalesce(r.mark4_from, s.m4) AS m4, coalesce(r.mark5_from, s.m5) AS m5
FROM subjects s LEFT JOIN ref r ON r.subject_code = s.subject;

CREATE OR REPLACE TEMP TABLE g_oge_sitting AS
WITH k AS (SELECT {{oge_rows}} / (4.1 * sum(students_total)) AS k FROM g_school WHERE NOT closed_2026),
students AS (
  SELECT y AS year, s.school_id, s.school_login, s.rcoi_code, s.municipality_code, s.mu,
         unnest(range(CAST(round(s.students_total * k.k * (0.8 + 0.4 * u2(s.school_id, y, 'grade9'))) AS INTEGER))) AS i
  FROM g_school s, k, (VALUES (2024), (2025), (2026)) t(y)
  WHERE NOT s.closed_2026
),
chosen AS (
  SELECT *, 1 + CAST(floor(8 * u3(school_id, year, i, 'e1')) AS INTEGER) AS e1,
         1 + CAST(floor(7 * u3(school_id, year, i, 'e2')) AS INTEGER) AS e2_step
  FROM students
)
SELECT c.year, c.school_id, c.school_login, c.rcoi_code, c.municipality_code, c.i, g.subject, g.max_score, g.m3, g.m4, g.m5,
       substr(md5('oge' || c.school_id || '-' || c.year || '-' || c.i), 1, 24) AS student,
       c.school_id * 10000 + c.i AS sk,
       u4(c.school_id, c.year, c.i, g.subject, 'reserve') < 0.03 AS reserve,
       u4(c.school_id, c.year, c.i, g.subject, 'absent') < 0.02 AS is_absent,
       CAST(round(g.max_score * clamp01(c.mu - 0.05 + 0.18 * z4(c.school_id, c.year, c.i, g.subject, 'oge'))) AS INTEGER) AS score,
       make_date(c.year, g.month, g.day) AS main_date
FROM chosen c JOIN g_oge_subject g
  ON g.slot = 0 OR g.slot = c.e1 OR g.slot = 1 + (c.e1 - 1 + c.e2_step) % 8;

INSERT INTO raw_oge_results BY NAME
WITH sittings AS (
  SELECT *, CASE WHEN reserve THEN make_date(year, 6, 24) ELSE main_date END AS exam_date,
         CASE WHEN reserve THEN 'резервный' ELSE 'основной' END AS attempt
  FROM g_oge_sitting
  UNION ALL
  -- The July retake of a «2» in Russian or mathematics, a little better.
  SELECT * REPLACE (
           false AS is_absent,
           CAST(round(max_score * clamp01(score / max_score + 0.12 + 0.1 * z4(school_id, year, i, subject, 'retake'))) AS INTEGER)
             AS score),
         make_date(year, 7, 2) AS exam_date, 'пересдача' AS attempt
  FROM g_oge_sitting
  WHERE subject IN ('rus', 'math') AND NOT is_absent AND mark_of(score, m3, m4, m5) = 2
    AND u4(school_id, year, i, subject, 'retakes') < 0.7
)
SELECT year, exam_date, subject, rcoi_code, school_login, municipality_code,
       '9' || list_element(['А', 'Б', 'В'], 1 + i % 3) AS class_name, student, attempt,
       CASE WHEN NOT is_absent THEN CAST(score AS DOUBLE) END AS primary_score,
       CASE WHEN NOT is_absent THEN mark_of(score, m3, m4, m5) END AS mark,
       CASE WHEN is_absent THEN 'не явился' END AS note,
       is_absent,
       {{batch:oge_results}} + year - 2000 AS _batch_id,
       'year=' || year || '|exam_date=' || CAST(exam_date AS VARCHAR) || '|subject=' || subject AS _partition,
       CAST(row_number() OVER (PARTITION BY year, exam_date, subject ORDER BY sk) + 1 AS INTEGER) AS _line
FROM sittings;

CREATE OR REPLACE TEMP TABLE g_ege_subject AS
WITH subjects AS (SELECT * FROM (VALUES
  (0, 'rus', 5, 30, 50, NULL, NULL, NULL, 24), (1, 'math', 6, 2, 32, NULL, NULL, NULL, 27),
  (2, 'math_base', 6, 2, 21, 7, 12, 17, NULL),
  (3, 'soc', 6, 5, 58, NULL, NULL, NULL, 42), (4, 'hist', 6, 5, 42, NULL, NULL, NULL, 32),
  (5, 'bio', 6, 9, 59, NULL, NULL, NULL, 36), (6, 'chem', 6, 9, 56, NULL, NULL, NULL, 36),
  (7, 'phys', 6, 9, 45, NULL, NULL, NULL, 36), (8, 'inf', 6, 13, 29, NULL, NULL, NULL, 40)
) t(slot, subject, month, day, max_score, m3, m4, m5, min_score)),
ref AS (
  SELECT subject_code, min_score FROM ref_ege_min_score
  QUALIFY row_number() OVER (PARTITION BY subject_code ORDER BY year DESC) = 1
)
SELECT s.* REPLACE (CASE WHEN s.min_score IS NULL THEN NULL ELSE coalesce(r.min_score, s.min_score) END AS min_score)
FROM subjects s LEFT JOIN ref r ON r.subject_code = s.subject;

CREATE OR REPLACE TEMP TABLE g_ege_sitting AS
WITH k AS (
  SELECT {{ege_rows}} / (3.6 * sum(students_total)) AS k FROM g_school WHERE NOT closed_2026 AND students_total >= 150
),
students AS (
  SELECT y AS year, s.school_id, s.school_login, s.rcoi_code, s.municipality_code, s.mu,
         unnest(range(CAST(round(s.students_total * k.k * (0.8 + 0.4 * u2(s.school_id, y, 'grade11'))) AS INTEGER))) AS i
  FROM g_school s, k, (VALUES (2024), (2025), (2026)) t(y)
  WHERE NOT s.closed_2026 AND s.students_total >= 150
),
chosen AS (
  SELECT *, CASE WHEN u3(school_id, year, i, 'profile') < 0.45 THEN 1 ELSE 2 END AS maths,
         3 + CAST(floor(6 * u3(school_id, year, i, 'e1')) AS INTEGER) AS e1,
         CASE WHEN u3(school_id, year, i, 'two') < 0.6 THEN 3 + (CAST(floor(6 * u3(school_id, year, i, 'e1')) AS INTEGER)
                                                         + 1 + CAST(floor(5 * u3(school_id, year, i, 'e2')) AS INTEGER)) % 6 END AS e2
  FROM students
)
SELECT c.year, c.school_id, c.school_login, c.rcoi_code, c.municipality_code, c.i, g.subject, g.max_score, g.m3, g.m4, g.m5,
       g.min_score,
       substr(md5('ege' || c.school_id || '-' || c.year || '-' || c.i), 1, 24) AS student,
       c.school_id * 10000 + c.i AS sk,
       u4(c.school_id, c.year, c.i, g.subject, 'reserve') < 0.03 AS reserve,
       u4(c.school_id, c.year, c.i, g.subject, 'absent') < 0.02 AS is_absent,
       clamp01(c.mu + 0.18 * z4(c.school_id, c.year, c.i, g.subject, 'ege')) AS frac,
       make_date(c.year, g.month, g.day) AS main_date
FROM chosen c JOIN g_ege_subject g
  ON g.slot = 0 OR g.slot = c.maths OR g.slot = c.e1 OR g.slot = c.e2;

INSERT INTO raw_ege_results BY NAME
WITH sittings AS (
  SELECT *, CASE WHEN reserve THEN make_date(year, 6, 20) ELSE main_date END AS exam_date,
         CASE WHEN reserve THEN 'резервный' ELSE 'основной' END AS attempt
  FROM g_ege_sitting
  UNION ALL
  -- Below the minimum in Russian or base mathematics: most retake on 4 July.
  SELECT * REPLACE (false AS is_absent, clamp01(frac + 0.15 + 0.1 * z4(school_id, year, i, subject, 'retake')) AS frac),
         make_date(year, 7, 4) AS exam_date, 'пересдача' AS attempt
  FROM g_ege_sitting
  WHERE subject IN ('rus', 'math_base') AND NOT is_absent
    AND CASE subject WHEN 'rus' THEN round(100 * pow(frac, 0.9)) < min_score
                     ELSE mark_of(round(max_score * frac), m3, m4, m5) = 2 END
    AND u4(school_id, year, i, subject, 'retakes') < 0.5
)
SELECT year, exam_date, subject, rcoi_code, school_login, municipality_code,
       '11' || list_element(['А', 'Б'], 1 + i % 2) AS class_name, student, attempt,
       CASE WHEN NOT is_absent THEN round(max_score * frac) END AS primary_score,
       CASE WHEN NOT is_absent AND subject = 'math_base' THEN mark_of(round(max_score * frac), m3, m4, m5) END AS mark,
       CASE WHEN NOT is_absent AND subject <> 'math_base' THEN round(100 * pow(frac, 0.9)) END AS test_score,
       CASE WHEN is_absent THEN 'не явился' END AS note,
       is_absent,
       {{batch:ege_results}} + year - 2000 AS _batch_id,
       'year=' || year || '|exam_date=' || CAST(exam_date AS VARCHAR) || '|subject=' || subject AS _partition,
       CAST(row_number() OVER (PARTITION BY year, exam_date, subject ORDER BY sk) + 1 AS INTEGER) AS _line
FROM sittings;
