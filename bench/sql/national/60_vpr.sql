-- ВПР of 2024–2026 at every school ({{vpr_rows}} works in all): Russian and mathematics in grades
-- 4–8, in 2026 also «Окружающий мир» 4 and history 5. Scores follow the school's level; marks by
-- the scale (ref_vpr_scale where it has the cell); ~6 % absent; the journal mark agrees
-- with the work for most, is higher for ~15 % (понизили) and ~40 % at a few inflating schools.
-- No task scores (a protocol without task columns is a valid export), to keep the file small.

-- The cells and their scale: the latest row of ref_vpr_scale where the reference has the cell,
-- else these invented ones.
CREATE OR REPLACE TEMP TABLE g_vpr_cell AS
WITH cells AS (
  SELECT * FROM (VALUES
    ('rus', 4, 38, 14, 25, 33), ('rus', 5, 45, 18, 29, 39), ('rus', 6, 51, 22, 33, 44), ('rus', 7, 47, 20, 30, 41),
    ('rus', 8, 51, 22, 33, 44), ('math', 4, 20, 6, 10, 15), ('math', 5, 20, 7, 11, 16), ('math', 6, 16, 6, 10, 14),
    ('math', 7, 19, 6, 12, 16), ('math', 8, 19, 6, 11, 16)
  ) c(subject, grade, max_score, m3, m4, m5), (VALUES (2024), (2025), (2026)) y(year)
  UNION ALL
  SELECT * FROM (VALUES ('env', 4, 32, 8, 18, 26, 2026), ('hist', 5, 15, 4, 8, 12, 2026))
    c(subject, grade, max_score, m3, m4, m5, year)
),
ref AS (
  SELECT subject_code, grade, max_score, mark3_from, mark4_from, mark5_from FROM ref_vpr_scale
  QUALIFY row_number() OVER (PARTITION BY subject_code, grade ORDER BY year DESC) = 1
)
SELECT c.subject, c.grade, coalesce(r.max_score, c.max_score) AS max_score, coalesce(r.mark3_from, c.m3) AS m3,
       coalesce(r.mark4_from, c.m4) AS m4, coalesce(r.mark5_from, c.m5) AS m5, c.year
FROM cells c LEFT JOIN ref r ON r.subject_code = c.subject AND r.grade = c.grade;

-- Works per school and cell: proportional to the school's size, {{vpr_rows}} in all.
CREATE OR REPLACE TEMP TABLE g_vpr_school_cell AS
WITH k AS (
  SELECT {{vpr_rows}} / (sum(students_total) * (SELECT count(*) FROM g_vpr_cell)) AS k FROM g_school WHERE NOT closed_2026
)
SELECT s.school_id, s.school_login, s.mu, c.*,
       CAST(round(s.students_total * k.k * (0.85 + 0.3 * u4(s.school_id, c.year, c.subject, c.grade, 'class-size'))) AS INTEGER) AS n,
       CASE WHEN u1(s.school_id, 'inflates') < 0.03 THEN 0.4 ELSE 0.15 END AS lowered_p,
       'year=' || c.year || '|subject=' || c.subject || '|grade=' || c.grade || '|school_login=' || s.school_login AS part
FROM g_school s, g_vpr_cell c, k
WHERE NOT s.closed_2026;

INSERT INTO raw_vpr_results BY NAME
WITH works AS (
  SELECT c.*, unnest(range(c.n)) AS i FROM g_vpr_school_cell c
),
scored AS (
  SELECT w.*,
         u4(school_id, year, subject, grade * 1000 + i, 'absent') < 0.06 AS is_absent,
         CAST(round(max_score * clamp01(mu + 0.03 * (grade - 6) * (subject = 'math')::INTEGER
                                        + 0.18 * z4(school_id, year, subject, grade * 1000 + i, 'score'))) AS INTEGER) AS score,
         u4(school_id, year, subject, grade * 1000 + i, 'journal') AS j
  FROM works w
),
marked AS (
  SELECT *, mark_of(score, m3, m4, m5) AS work_mark FROM scored
)
SELECT year, school_login, subject, grade,
       grade || list_element(['А', 'Б', 'В', 'Г'], 1 + i % greatest(1, CAST(ceil(n / 25.0) AS INTEGER))) AS class_name,
       CAST((CAST(school_id AS BIGINT) * 100 + grade) * 1000 + i AS VARCHAR) AS student_code,
       CASE WHEN NOT is_absent THEN CAST(1 + i % 2 AS VARCHAR) END AS variant,
       CASE WHEN NOT is_absent THEN CAST(score AS DOUBLE) END AS total_score,
       CASE WHEN NOT is_absent THEN work_mark END AS mark,
       least(5, greatest(2, work_mark + CASE WHEN j < lowered_p THEN 1 WHEN j < lowered_p + 0.05 THEN -1 ELSE 0 END))
         AS journal_mark,
       CASE WHEN is_absent THEN 'отсутствовал' END AS note,
       is_absent,
       {{batch:vpr_results}} + year - 2000 AS _batch_id, part AS _partition, CAST(i + 5 AS INTEGER) AS _line
FROM marked;

-- The regional diagnostic work in mathematics, grade 7, at the participants of 2025 and 2026.
INSERT INTO raw_regional_assessment BY NAME
WITH works AS (
  SELECT p.year, p.school_id, p.school_login, p.mu, unnest(range(greatest(5, CAST(round(p.students_total / 22.0) AS INTEGER)))) AS i
  FROM g_part p
),
scored AS (
  SELECT *, u3(school_id, year, i, 'ra-absent') < 0.05 AS is_absent,
         round(2 * 10 * clamp01(mu - 0.05 + 0.2 * z4(school_id, year, i, 0, 'ra-score'))) / 2 AS score
  FROM works
)
SELECT 'региональная диагностическая работа по математике' AS assessment_name, year, school_login,
       'math' AS subject, 7 AS grade, '7' || list_element(['А', 'Б'], 1 + i % 2) AS class_name,
       substr(school_login, 4) || lpad(CAST(i AS VARCHAR), 3, '0') AS student_code,
       CASE WHEN NOT is_absent THEN CAST(1 + i % 4 AS VARCHAR) END AS variant,
       CASE WHEN NOT is_absent THEN score END AS total_score,
       CASE WHEN NOT is_absent THEN mark_of(score, 3.5, 6, 8.5) END AS mark,
       CASE WHEN is_absent THEN 'отсутствовал' END AS note,
       is_absent,
       {{batch:regional_assessment}} + year - 2000 AS _batch_id,
       'year=' || year || '|subject=math|grade=7|school_login=' || school_login AS _partition,
       CAST(i + 5 AS INTEGER) AS _line
FROM scored;
