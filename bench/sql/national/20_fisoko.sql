-- ФИС ОКО: risk profiles (10 factors a participant), questionnaire progress, the question
-- dictionary and the answers (the largest table: {{survey_rows}} answers a year).

-- Risk level 0–3 per participant and factor: weaker schools carry more risk.
CREATE OR REPLACE TEMP TABLE g_risk AS
SELECT p.year, p.school_id, p.school_login, p.weak, f AS factor_code,
       CAST(floor(clamp01(0.25 + 0.45 * p.weak + 0.25 * z4(p.school_id, p.year, f, 0, 'risk')) * 3.999) AS INTEGER)
         AS risk_level
FROM g_part p, range(1, 11) t(f);

INSERT INTO raw_risk_profiles BY NAME
SELECT year, school_login, factor_code, risk_level,
       {{batch:risk_profiles}} + year - 2000 AS _batch_id, 'year=' || year AS _partition,
       CAST(row_number() OVER (PARTITION BY year ORDER BY school_id, factor_code) + 1 AS INTEGER) AS _line
FROM g_risk;

CREATE OR REPLACE TEMP TABLE g_question AS
SELECT * FROM (VALUES
  ('Д01', 1, 'директор', 'Школа обеспечена современным учебным оборудованием'),
  ('Д02', 2, 'директор', 'В школе нет вакансий педагогических работников'),
  ('Д03', 3, 'директор', 'Педагоги владеют современными методиками преподавания'),
  ('Д04', 4, 'директор', 'Учебный процесс учитывает индивидуальные особенности обучающихся'),
  ('Д05', 5, 'директор', 'В школе действует система внутреннего повышения квалификации'),
  ('Д06', 7, 'директор', 'В школе благоприятный психологический климат'),
  ('Д07', 8, 'директор', 'Школа своевременно выявляет обучающихся с трудностями в обучении'),
  ('Д08', 9, 'директор', 'Родители участвуют в жизни школы'),
  ('У01', 1, 'учителя', 'Мой кабинет оснащён всем необходимым для уроков'),
  ('У02', 3, 'учителя', 'Я уверенно применяю формирующее оценивание'),
  ('У03', 5, 'учителя', 'Я регулярно посещаю уроки коллег и обсуждаю их'),
  ('У04', 6, 'учителя', 'Обучающиеся хорошо понимают язык обучения'),
  ('У05', 8, 'учителя', 'Я знаю, как помочь отстающим обучающимся'),
  ('У06', 10, 'учителя', 'Большинство обучающихся хотят учиться'),
  ('О01', 1, 'ученики', 'На уроках мы используем компьютеры и оборудование'),
  ('О02', 7, 'ученики', 'Я чувствую себя в школе в безопасности'),
  ('О03', 8, 'ученики', 'Мне понятно, что объясняют на уроках'),
  ('О04', 10, 'ученики', 'Мне интересно учиться'),
  ('О05', 10, 'ученики', 'Я выполняю домашние задания самостоятельно'),
  ('Р01', 7, 'родители', 'Мой ребёнок с удовольствием ходит в школу'),
  ('Р02', 9, 'родители', 'Я знаю, как мой ребёнок учится'),
  ('Р03', 9, 'родители', 'Школа приглашает родителей к участию в мероприятиях'),
  ('Р04', 10, 'родители', 'Ребёнок рассказывает дома об уроках')
) t(question_code, factor_code, respondent_group, text);

INSERT INTO raw_survey_questions BY NAME
SELECT question_code, factor_code, text, '1–5' AS scale,
       {{batch:survey_questions}} + 1 AS _batch_id, '' AS _partition,
       CAST(row_number() OVER (ORDER BY question_code) + 1 AS INTEGER) AS _line, 'Вопросы' AS _sheet
FROM g_question;

-- Respondents per participant and group, sized by the school so the year has {{survey_rows}} answers:
-- one director, teachers ~6 % and parents ~90 % of the pupils who answer.
CREATE OR REPLACE TEMP TABLE g_respondents AS
WITH per_school AS (
  SELECT p.year, p.school_id, p.school_login, p.weak, p.students_total,
         {{survey_rows}} / (8.96 * sum(p.students_total) OVER (PARTITION BY p.year)) AS a
  FROM g_part p
)
SELECT year, school_id, school_login, weak, g.respondent_group, g.letter,
       CAST(CASE g.respondent_group
              WHEN 'директор' THEN 1
              WHEN 'учителя' THEN greatest(3, round(students_total * a * 0.06))
              WHEN 'ученики' THEN round(students_total * a)
              ELSE round(students_total * a * 0.9) END AS INTEGER) AS respondents
FROM per_school,
     (VALUES ('директор', 'Д'), ('учителя', 'У'), ('ученики', 'О'), ('родители', 'Р')) g(respondent_group, letter);

INSERT INTO raw_survey_status BY NAME
SELECT year, school_login, respondent_group,
       respondents AS expected,
       CASE WHEN u3(school_id, year, respondent_group, 'complete') < 0.85 THEN respondents
            ELSE CAST(floor(respondents * (0.4 + 0.55 * u3(school_id, year, respondent_group, 'share'))) AS INTEGER) END
         AS completed,
       {{batch:survey_status}} + year - 2000 AS _batch_id, 'year=' || year AS _partition,
       CAST(row_number() OVER (PARTITION BY year ORDER BY school_id, respondent_group) + 1 AS INTEGER) AS _line
FROM g_respondents;

INSERT INTO raw_surveys BY NAME
WITH people AS (
  SELECT year, school_id, school_login, weak, respondent_group, letter, unnest(range(1, respondents + 1)) AS r
  FROM g_respondents
)
SELECT p.year, p.school_login, p.respondent_group,
       CAST(p.year % 100 AS VARCHAR) || '-' || substr(p.school_login, 4) || '-' || p.letter || lpad(CAST(p.r AS VARCHAR), 4, '0')
         AS respondent_id,
       q.question_code,
       CAST(CAST(least(5, greatest(1, round(3.7 - 1.2 * p.weak + 1.1 * z4(p.school_id, p.r, q.question_code, p.year, 'answer'))))
            AS INTEGER) AS VARCHAR) AS answer,
       {{batch:surveys}} + p.year - 2000 AS _batch_id,
       'year=' || p.year || '|respondent_group=' || p.respondent_group AS _partition,
       CAST(p.r * 10 + CAST(substr(q.question_code, 2) AS INTEGER) AS INTEGER) AS _line
FROM people p JOIN g_question q USING (respondent_group);
