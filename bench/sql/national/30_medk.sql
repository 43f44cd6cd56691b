-- ИС МЭДК: risk directions (activated where the risk is high), concept documents, their expert
-- review (June and November 2025, June 2026), monitoring of positive changes (stages 1 and 2 of
-- 2025, stage 1 of 2026: stage 2 is in November, after the run date).

CREATE OR REPLACE TEMP TABLE g_direction AS
SELECT *,
       (risk_level >= 2 AND u3(school_id, year, factor_code, 'activate') < 0.85)
         OR (risk_level = 1 AND u3(school_id, year, factor_code, 'activate') < 0.2) AS activated
FROM g_risk;

INSERT INTO raw_medk_directions BY NAME
SELECT year, school_login, factor_code, activated,
       CASE WHEN activated THEN make_date(year, 3, 1) + CAST(floor(45 * u3(school_id, year, factor_code, 'activated-at')) AS INTEGER) END
         AS activated_at,
       CASE WHEN activated THEN u3(school_id, year, factor_code, 'verified') < 0.9 END AS verified_by_curator,
       {{batch:medk_directions}} + year - 2000 AS _batch_id, 'year=' || year AS _partition,
       CAST(row_number() OVER (PARTITION BY year ORDER BY school_id, factor_code) + 1 AS INTEGER) AS _line,
       'Рисковые направления' AS _sheet
FROM g_direction;

-- Concept, programme, and one антирисковая программа per activated direction.
CREATE OR REPLACE TEMP TABLE g_document AS
SELECT p.year, p.school_id, p.school_login, d.doc_type, CAST(NULL AS INTEGER) AS factor_code
FROM g_part p, (VALUES ('концепция развития'), ('среднесрочная программа развития')) d(doc_type)
UNION ALL
SELECT year, school_id, school_login, 'антирисковая программа', factor_code FROM g_direction WHERE activated;

INSERT INTO raw_medk_documents BY NAME
WITH dated AS (
  SELECT *,
         make_date(year, 4, 1) + CAST(floor(40 * u4(school_id, year, doc_type, coalesce(factor_code, 0), 'uploaded')) AS INTEGER)
           AS uploaded_at,
         u4(school_id, year, doc_type, coalesce(factor_code, 0), 'status') AS s
  FROM g_document
)
SELECT year, school_login, doc_type, factor_code, uploaded_at,
       CASE WHEN s < 0.8 THEN 'согласовано' WHEN s < 0.92 THEN 'на доработке' ELSE 'не рассмотрено' END AS curator_status,
       CASE WHEN s < 0.92 THEN uploaded_at + 3 + CAST(floor(20 * s) AS INTEGER) END AS curator_status_at,
       {{batch:medk_documents}} + year - 2000 AS _batch_id, 'year=' || year AS _partition,
       CAST(row_number() OVER (PARTITION BY year ORDER BY school_id, doc_type, factor_code) + 1 AS INTEGER) AS _line,
       'Документы' AS _sheet
FROM dated;

INSERT INTO raw_expert_review BY NAME
WITH criteria AS (
  SELECT * FROM (VALUES
    ('концепция развития', 'Соответствие выявленным рискам', 3),
    ('концепция развития', 'Согласованность с программой развития', 2),
    ('концепция развития', 'Измеримость целей', 2),
    ('среднесрочная программа развития', 'Обоснованность задач', 3),
    ('среднесрочная программа развития', 'Ресурсное обеспечение', 2),
    ('среднесрочная программа развития', 'Измеримость показателей', 2),
    ('антирисковая программа', 'Соответствие рисковому направлению', 3),
    ('антирисковая программа', 'Реалистичность мероприятий и сроков', 2),
    ('антирисковая программа', 'Измеримость показателей', 2)
  ) t(doc_type, criterion, max_score)
),
rounds AS (SELECT * FROM (VALUES (2025, 'июнь'), (2025, 'ноябрь'), (2026, 'июнь')) t(year, round))
SELECT d.year, r.round, d.school_login, d.doc_type, d.factor_code, c.criterion,
       CAST(least(c.max_score, floor((c.max_score + 1)
              * clamp01(0.75 - 0.3 * s.weak + 0.3 * z4(d.school_id, d.factor_code, c.criterion, r.round, 'review'))))
            AS DOUBLE) AS score,
       CAST(c.max_score AS DOUBLE) AS max_score,
       {{batch:expert_review}} + d.year - 2000 AS _batch_id, 'year=' || d.year AS _partition,
       CAST(row_number() OVER (PARTITION BY d.year ORDER BY r.round, d.school_id, d.doc_type, d.factor_code, c.criterion) + 1
            AS INTEGER) AS _line
FROM g_document d
JOIN rounds r USING (year)
JOIN criteria c USING (doc_type)
JOIN g_school s USING (school_id);

INSERT INTO raw_medk_monitoring BY NAME
WITH indicators AS (
  SELECT * FROM (VALUES
    (1, 'Доля кабинетов, оснащённых современным оборудованием, %', 1),
    (2, 'Доля вакантных ставок педагогов, %', -1),
    (3, 'Доля педагогов, прошедших диагностику дефицитов, %', 1),
    (4, 'Доля обучающихся с индивидуальными образовательными маршрутами, %', 1),
    (5, 'Количество методических объединений, проводящих взаимопосещения', 1),
    (6, 'Доля обучающихся, испытывающих языковые трудности, %', -1),
    (7, 'Доля обучающихся, удовлетворённых школьным климатом, %', 1),
    (8, 'Доля обучающихся с академической задолженностью, %', -1),
    (9, 'Доля родителей, участвующих в мероприятиях школы, %', 1),
    (10, 'Доля обучающихся с высокой учебной мотивацией, %', 1)
  ) t(factor_code, indicator, direction)
),
stages AS (SELECT * FROM (VALUES (2025, 1), (2025, 2), (2026, 1)) t(year, stage)),
valued AS (
  SELECT d.year, st.stage, d.school_id, d.school_login, d.factor_code, i.indicator, i.direction,
         round(10 + 40 * u3(d.school_id, d.year, d.factor_code, 'baseline'), 1) AS baseline_value,
         u4(d.school_id, d.year, d.factor_code, st.stage, 'progress') AS progress
  FROM g_direction d
  JOIN stages st USING (year)
  JOIN indicators i USING (factor_code)
  WHERE d.activated
)
SELECT year, stage, school_login, factor_code, indicator, baseline_value,
       round(baseline_value + direction * 8, 1) AS target_value,
       round(baseline_value + direction * 8 * (progress * 1.2 - 0.2) * stage / 2, 1) AS actual_value,
       progress > 1.0 / 6 AS positive_change,
       u4(school_id, year, factor_code, stage, 'confirmed') < 0.88 AS confirmed_by_curator,
       CASE stage WHEN 1 THEN make_date(year, 6, 1) ELSE make_date(year, 11, 10) END
         + CAST(floor(15 * u4(school_id, year, factor_code, stage, 'submitted')) AS INTEGER) AS submitted_at,
       {{batch:medk_monitoring}} + (year - 2000) * 2 + stage AS _batch_id,
       'year=' || year || '|stage=' || stage AS _partition,
       CAST(row_number() OVER (PARTITION BY year, stage ORDER BY school_id, factor_code) + 1 AS INTEGER) AS _line
FROM valued;
