-- Activity: curators' visits, seminars and webinars, professional development courses, the roadmap
-- and its progress. Nothing is dated after the run date (31 Oct 2026).

INSERT INTO raw_curator_visits BY NAME
WITH visits AS (
  SELECT p.year, p.school_id, p.school_login, p.region_no, unnest(range(1, 2 + CAST(floor(5 * u2(p.school_id, p.year, 'visits')) AS INTEGER))) AS v
  FROM g_part p
),
dated AS (
  SELECT *, make_date(year, 2, 1) + CAST((v - 1) * 45 AS INTEGER) + CAST(floor(30 * u3(school_id, year, v, 'visit-date')) AS INTEGER) AS visit_date
  FROM visits
)
SELECT school_login, person_name(region_no * 10 + school_id % 7, 'curator') AS curator_name, visit_date,
       CASE WHEN v = 1 THEN 'первичное' ELSE 'плановое' END AS visit_kind,
       year, {{batch:curator_visits}} + year - 2000 AS _batch_id, 'year=' || year AS _partition,
       CAST(row_number() OVER (PARTITION BY year ORDER BY school_id, v) + 1 AS INTEGER) AS _line
FROM dated
WHERE visit_date <= DATE '2026-10-31' AND year(visit_date) = year;

INSERT INTO raw_events BY NAME
WITH catalogue AS (
  SELECT * FROM (VALUES
    ('С-01', 'Установочный семинар для школ — участниц проекта «500+»', 'установочный семинар', 2, 18),
    ('В-01', 'Вебинар «Рисковый профиль школы: от анализа к решениям»', 'вебинар', 3, 12),
    ('В-02', 'Вебинар «Концептуальные документы в ИС МЭДК»', 'вебинар', 4, 9),
    ('В-03', 'Вебинар «Мониторинг позитивных изменений в ИС МЭДК»', 'вебинар', 5, 12),
    ('В-04', 'Вебинар «Работа с обучающимися с рисками учебной неуспешности»', 'вебинар', 9, 17),
    ('В-05', 'Вебинар «Вовлечение родителей в жизнь школы»', 'вебинар', 10, 8),
    ('М-01', 'Мастер-класс «Современный урок математики»', 'мастер-класс', 4, 24),
    ('М-02', 'Мастер-класс «Формирующее оценивание на уроке русского языка»', 'мастер-класс', 10, 15),
    ('М-03', 'Мастер-класс «Эффективные практики перехода школ»', 'мастер-класс', 12, 10)
  ) t(code, event_name, event_kind, month, day)
)
SELECT code || '-' || p.year AS event_id, c.event_name, c.event_kind, make_date(p.year, c.month, c.day) AS event_date,
       p.school_login,
       CASE WHEN u3(p.school_id, p.year, c.code, 'attend') < CASE WHEN c.event_kind = 'установочный семинар' THEN 0.85 ELSE 0.45 END
              THEN 'очно'
            WHEN u3(p.school_id, p.year, c.code, 'attend') < 0.92 THEN 'дистанционно'
            ELSE 'нет' END AS attendance,
       p.year, {{batch:events}} + p.year - 2000 AS _batch_id, 'year=' || p.year AS _partition,
       CAST(row_number() OVER (PARTITION BY p.year ORDER BY c.code, p.school_id) + 1 AS INTEGER) AS _line,
       'Участие' AS _sheet
FROM g_part p, catalogue c
WHERE make_date(p.year, c.month, c.day) <= DATE '2026-10-31';

INSERT INTO raw_pd_courses BY NAME
WITH courses AS (
  SELECT * FROM (VALUES
    (0, 'Формирование функциональной грамотности', 36, 'методический'),
    (1, 'Совершенствование предметных компетенций учителя', 72, 'предметный'),
    (2, 'Психолого-педагогические основы повышения учебной мотивации', 24, 'психолого-педагогический'),
    (3, 'Нормативно-правовое обеспечение реализации ФГОС', 18, 'нормативно-правовой'),
    (4, 'Методика подготовки к ВПР и ОГЭ', 36, 'методический'),
    (5, 'Работа с детьми с трудностями в обучении', 36, 'психолого-педагогический')
  ) t(course_no, course, hours, block)
),
taken AS (
  SELECT t.*, k, CAST(floor(6 * u4(t.school_id, t.year, t.teacher_no, k, 'course')) AS INTEGER) AS course_no
  FROM g_teacher t, range(1, 3) r(k)
  WHERE u3(t.school_id, t.year, t.teacher_no, 'takes') < CASE k WHEN 1 THEN 0.35 ELSE 0.1 END
)
SELECT t.year, t.teacher_id, t.school_login, c.course, CAST(c.hours AS DOUBLE) AS hours, c.block,
       least(DATE '2026-10-31', make_date(t.year, 3, 1) + CAST(floor(200 * u3(t.school_id, t.teacher_no, k, 'completed')) AS INTEGER))
         AS completed_at,
       {{batch:pd_courses}} + t.year - 2000 AS _batch_id, 'year=' || t.year AS _partition,
       CAST(row_number() OVER (PARTITION BY t.year ORDER BY t.school_id, t.teacher_no, k) + 1 AS INTEGER) AS _line
FROM taken t JOIN courses c USING (course_no)
QUALIFY row_number() OVER (PARTITION BY t.year, t.teacher_id, c.course ORDER BY k) = 1;

-- The «500+» roadmap of 2025 and 2026: 40 items each, periods as the exports write them.
CREATE OR REPLACE TEMP TABLE g_roadmap AS
WITH periods AS (
  SELECT * FROM (VALUES
    (0, 'январь', 1, 1), (1, 'февраль-март', 2, 3), (2, 'март', 3, 3), (3, 'март-июнь', 3, 6),
    (4, 'апрель-сентябрь', 4, 9), (5, 'май- июнь', 5, 6), (6, 'в течение года', 1, 12), (7, 'сентябрь', 9, 9),
    (8, 'октябрь-ноябрь', 10, 11), (9, 'декабрь', 12, 12)
  ) t(period_no, period, m1, m2)
)
SELECT y AS year, i AS item, i || '.' AS item_no, p.period, make_date(y, p.m1, 1) AS period_start,
       last_day(make_date(y, p.m2, 1)) AS period_end
FROM range(1, 41) t(i), (VALUES (2025), (2026)) yy(y)
JOIN periods p ON p.period_no = CAST(floor(10 * u2(i, y, 'period')) AS INTEGER);

INSERT INTO raw_roadmap BY NAME
SELECT '500+' AS roadmap_code, year, item_no,
       'Мероприятие № ' || item || ' региональной дорожной карты проекта «500+»' AS task,
       period, period_start, period_end,
       list_element(['Министерство образования', 'Институт развития образования', 'Кураторы школ', 'Муниципальные органы управления образованием'],
                    1 + item % 4) AS executor,
       'Показатель реализации мероприятия № ' || item AS indicator,
       {{batch:roadmap}} + year - 2000 AS _batch_id, 'roadmap_code=500+|year=' || year AS _partition,
       CAST(item + 3 AS INTEGER) AS _line, 'Дорожная карта' AS _sheet
FROM g_roadmap;

INSERT INTO raw_roadmap_status BY NAME
WITH judged AS (
  SELECT *, u2(item, year, 'status') AS s FROM g_roadmap WHERE period_start <= DATE '2026-10-31'
)
SELECT '500+' AS roadmap_code, year, item_no,
       CASE WHEN s < 0.65 THEN 'выполнено' WHEN s < 0.88 THEN 'в работе' ELSE 'не выполнено' END AS status,
       CASE WHEN s < 0.65 THEN least(DATE '2026-10-31', period_end - 10 + CAST(floor(40 * s) AS INTEGER)) END AS done_at,
       CASE WHEN s < 0.65 THEN 'Протокол совещания' END AS evidence,
       {{batch:roadmap_status}} + year - 2000 AS _batch_id, 'roadmap_code=500+|year=' || year AS _partition,
       CAST(item + 3 AS INTEGER) AS _line, 'Исполнение' AS _sheet
FROM judged;
