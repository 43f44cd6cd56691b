-- Diagnostics of the participants' managers (5 competences) and teachers (18 items a subject), in
-- waves: 1 and 2 of 2025, 1 of 2026.

CREATE OR REPLACE TEMP TABLE g_wave AS
SELECT * FROM (VALUES (2025, '1'), (2025, '2'), (2026, '1')) t(year, wave);

INSERT INTO raw_manager_diagnostics BY NAME
WITH competences AS (
  SELECT * FROM (VALUES
    ('Стратегическое управление'), ('Управление образовательным процессом'), ('Управление персоналом'),
    ('Управление ресурсами'), ('Анализ и оценка качества образования')
  ) t(competence)
)
SELECT m.year, w.wave, m.person_id, m.position, m.school_login, c.competence,
       round(2 * 20 * clamp01(0.72 - 0.2 * m.weak + 0.05 * CAST(w.wave AS INTEGER)
                              + 0.15 * z4(m.school_id, m.manager_no, c.competence, m.year || w.wave, 'manager'))) / 2 AS score,
       20.0 AS max_score,
       {{batch:manager_diagnostics}} + (m.year - 2000) * 2 + CAST(w.wave AS INTEGER) AS _batch_id,
       'year=' || m.year || '|wave=' || w.wave AS _partition,
       CAST(row_number() OVER (PARTITION BY m.year, w.wave ORDER BY m.school_id, m.manager_no, c.competence) + 1 AS INTEGER) AS _line
FROM g_manager m JOIN g_wave w USING (year), competences c;

INSERT INTO raw_teacher_diagnostics BY NAME
WITH items AS (
  SELECT * FROM (VALUES
    ('нормативно-правовой', '1', 'ФГОС ООО', 2), ('нормативно-правовой', '2', 'ФГОС ООО', 1),
    ('нормативно-правовой', '3', 'Федеральная образовательная программа', 1),
    ('нормативно-правовой', '4', 'Федеральная образовательная программа', 2),
    ('предметный', '5', 'Содержание предмета', 2), ('предметный', '6', 'Содержание предмета', 2),
    ('предметный', '7', 'Решение задач повышенной сложности', 2), ('предметный', '8', 'Решение задач повышенной сложности', 2),
    ('предметный', '9', 'Типичные ошибки обучающихся', 1), ('предметный', '10', 'Типичные ошибки обучающихся', 1),
    ('методический', '11', 'Формирующее оценивание', 2), ('методический', '12', 'Формирующее оценивание', 1),
    ('методический', '13', 'Проектирование урока', 2), ('методический', '14', 'Проектирование урока', 1),
    ('методический', '15', 'Функциональная грамотность', 2),
    ('психолого-педагогический', '16', 'Учебная мотивация', 1),
    ('психолого-педагогический', '17', 'Учебная мотивация', 2),
    ('психолого-педагогический', '18', 'Дети с трудностями в обучении', 2)
  ) t(block, item_no, topic, max_score)
)
SELECT t.year, w.wave, t.teacher_id, t.school_login, t.subject, i.block, i.item_no, i.topic,
       CAST(CASE WHEN u4(t.school_id, t.teacher_no, i.item_no, t.year || w.wave, 'item')
                      < 0.75 - 0.25 * t.weak + 0.05 * CAST(w.wave AS INTEGER) + 0.1 * z2(t.school_id, t.teacher_no, i.block)
                 THEN i.max_score
                 WHEN i.max_score = 2 AND u4(t.school_id, t.teacher_no, i.item_no, t.year || w.wave, 'half') < 0.4 THEN 1
                 ELSE 0 END AS DOUBLE) AS score,
       CAST(i.max_score AS DOUBLE) AS max_score,
       {{batch:teacher_diagnostics}} + (t.year - 2000) * 2 + CAST(w.wave AS INTEGER) AS _batch_id,
       'year=' || t.year || '|wave=' || w.wave || '|subject=' || t.subject AS _partition,
       CAST((t.school_id * 100 + t.teacher_no) * 20 + CAST(i.item_no AS INTEGER) AS INTEGER) AS _line,
       CASE t.subject WHEN 'math' THEN 'Математика' ELSE 'Русский язык' END AS _sheet
FROM g_teacher t JOIN g_wave w USING (year), items i;
