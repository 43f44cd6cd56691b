-- The invented country the national warehouse is generated from: regions, municipalities, schools,
-- the ФИОКО lists and the «500+» participants, teachers and managers. TEMP tables of the generating
-- session only. Every value comes from hash() of fixed keys, so the same inputs give the same
-- warehouse on every run. A name in double braces is a number the bench fills in (scaled by
-- BENCH_NATIONAL_FACTOR).

-- A uniform number in [0, 1) and a standard normal one (Box–Muller), keyed by values and a salt.
CREATE OR REPLACE TEMP MACRO u1(a, salt) AS CAST(hash(a, salt) >> 11 AS DOUBLE) / 9007199254740992.0;
CREATE OR REPLACE TEMP MACRO u2(a, b, salt) AS CAST(hash(a, b, salt) >> 11 AS DOUBLE) / 9007199254740992.0;
CREATE OR REPLACE TEMP MACRO u3(a, b, c, salt) AS CAST(hash(a, b, c, salt) >> 11 AS DOUBLE) / 9007199254740992.0;
CREATE OR REPLACE TEMP MACRO u4(a, b, c, d, salt) AS CAST(hash(a, b, c, d, salt) >> 11 AS DOUBLE) / 9007199254740992.0;
CREATE OR REPLACE TEMP MACRO z2(a, b, salt) AS
  sqrt(-2 * ln(greatest(u2(a, b, salt || '#r'), 1e-12))) * cos(2 * pi() * u2(a, b, salt || '#a'));
CREATE OR REPLACE TEMP MACRO z4(a, b, c, d, salt) AS
  sqrt(-2 * ln(greatest(u4(a, b, c, d, salt || '#r'), 1e-12))) * cos(2 * pi() * u4(a, b, c, d, salt || '#a'));
CREATE OR REPLACE TEMP MACRO clamp01(x) AS least(1.0, greatest(0.0, x));
-- A mark from a score and the scale's first scores of «3», «4», «5».
CREATE OR REPLACE TEMP MACRO mark_of(score, m3, m4, m5) AS
  CASE WHEN score >= m5 THEN 5 WHEN score >= m4 THEN 4 WHEN score >= m3 THEN 3 ELSE 2 END;
-- A Russian full name from three small lists (curators, coordinators).
CREATE OR REPLACE TEMP MACRO person_name(k, salt) AS
  list_element(['Магомедова', 'Иванова', 'Петров', 'Алиев', 'Смирнова', 'Кузнецов', 'Попова', 'Васильев',
                'Новикова', 'Морозов', 'Волкова', 'Соколов', 'Лебедева', 'Козлов', 'Егорова', 'Павлов'],
               1 + CAST(floor(u2(k, salt, 'surname') * 16) AS INTEGER)) || ' ' ||
  list_element(['Анна', 'Мария', 'Руслан', 'Заур', 'Елена', 'Ольга', 'Сергей', 'Патимат', 'Ирина', 'Андрей'],
               1 + CAST(floor(u2(k, salt, 'name') * 10) AS INTEGER)) || ' ' ||
  list_element(['Ахмедовна', 'Петровна', 'Магомедович', 'Сергеевич', 'Ивановна', 'Алиевич', 'Юрьевна', 'Олегович'],
               1 + CAST(floor(u2(k, salt, 'patronymic') * 8) AS INTEGER));

-- Regions 01…{{regions}} of unequal size.
CREATE OR REPLACE TEMP TABLE g_region AS
SELECT r AS region_no, lpad(CAST(r AS VARCHAR), 2, '0') AS region_code, 0.2 + 1.8 * u1(r, 'region-size') AS weight
FROM range(1, {{regions}} + 1) t(r);

-- Schools: login «sch» + region + number; ~25 schools a municipality, the first municipality of a
-- region is its city. weak (0–1) drives low results, mu is the school's mean share of the maximum score.
CREATE OR REPLACE TEMP TABLE g_school AS
WITH sized AS (
  SELECT region_no, region_code,
         greatest(1, CAST(round({{schools}} * weight / sum(weight) OVER ()) AS INTEGER)) AS n
  FROM g_region
),
numbered AS (
  SELECT region_no, region_code, n, unnest(range(1, n + 1)) AS k FROM sized
),
placed AS (
  SELECT *,
         CAST(row_number() OVER (ORDER BY region_no, k) AS INTEGER) AS school_id,
         1 + CAST(floor(pow(u2(region_no, k, 'muni'), 1.6) * greatest(1, round(n / 25.0))) AS INTEGER) AS muni_no
  FROM numbered
),
typed AS (
  SELECT *,
         CASE WHEN muni_no = 1 THEN 'город' WHEN u1(school_id, 'settlement') < 0.75 THEN 'село' ELSE 'посёлок' END
           AS settlement_type
  FROM placed
)
SELECT
  school_id, region_no, region_code, k AS school_no,
  'sch' || region_code || lpad(CAST(k AS VARCHAR), 4, '0') AS school_login,
  'МБОУ «СОШ № ' || k || '»' AS school_name,
  region_code || lpad(CAST(muni_no AS VARCHAR), 3, '0') AS municipality_code,
  CASE WHEN muni_no = 1 THEN 'г. Центр-' || region_code ELSE 'Район ' || region_code || '-' || muni_no END AS municipality,
  region_code || lpad(CAST(k AS VARCHAR), 4, '0') AS rcoi_code,
  settlement_type,
  CASE WHEN settlement_type = 'город' THEN 300 + CAST(900 * u1(school_id, 'size') AS INTEGER)
       ELSE 25 + CAST(550 * pow(u1(school_id, 'size'), 1.5) AS INTEGER) END AS students_total,
  clamp01(0.75 * u1(school_id, 'weak') + CASE WHEN settlement_type = 'город' THEN 0 ELSE 0.25 * u1(school_id, 'rural') END)
    AS weak,
  u1(school_id, 'opened') < 0.005 AS opened_2026,
  u1(school_id, 'closed') < 0.005 AS closed_2026
FROM typed;

ALTER TABLE g_school ADD COLUMN mu DOUBLE;
UPDATE g_school SET mu = 0.70 - 0.30 * weak + 0.04 * z2(school_id, 0, 'mu');

-- The ФИОКО list of schools with low results (ШНОР), 10 % of schools a year, weakest first with noise.
CREATE OR REPLACE TEMP TABLE g_shnor AS
SELECT y AS year, s.school_id
FROM g_school s, (VALUES (2024), (2025), (2026)) t(y)
WHERE NOT s.closed_2026
QUALIFY row_number() OVER (PARTITION BY y ORDER BY s.weak + 0.08 * z2(s.school_id, y, 'shnor') DESC) <= {{shnor}};

-- «500+»: cohort 2025 from the 2024 list; in 2026 60 % of it stays and new schools of the 2025 list join.
CREATE OR REPLACE TEMP TABLE g_participant AS
WITH c2025 AS (
  SELECT school_id FROM g_shnor WHERE year = 2024
  QUALIFY row_number() OVER (ORDER BY hash(school_id, 'cohort-2025')) <= {{participants}}
),
stay AS (
  SELECT school_id FROM c2025
  QUALIFY row_number() OVER (ORDER BY hash(school_id, 'stay')) <= CAST(round(0.6 * {{participants}}) AS INTEGER)
),
c2026 AS (
  SELECT school_id FROM g_shnor WHERE year = 2025 AND school_id NOT IN (SELECT school_id FROM c2025)
  QUALIFY row_number() OVER (ORDER BY hash(school_id, 'cohort-2026'))
    <= {{participants}} - CAST(round(0.6 * {{participants}}) AS INTEGER)
)
SELECT 2025 AS year, school_id, 2025 AS cohort FROM c2025
UNION ALL SELECT 2026, school_id, 2025 FROM stay
UNION ALL SELECT 2026, school_id, 2026 FROM c2026;

-- The participants with what the other sources need of their school.
CREATE OR REPLACE TEMP TABLE g_part AS
SELECT p.year, p.cohort, s.*
FROM g_participant p JOIN g_school s USING (school_id);

-- Teachers of the participants (10 a school, half mathematics, half Russian); the same people
-- in both years when a school stays.
CREATE OR REPLACE TEMP TABLE g_teacher AS
SELECT p.year, p.school_id, p.school_login, p.weak, t AS teacher_no,
       'П' || lpad(CAST(p.school_id AS VARCHAR), 6, '0') || lpad(CAST(t AS VARCHAR), 2, '0') AS teacher_id,
       CASE WHEN t % 2 = 0 THEN 'math' ELSE 'rus' END AS subject
FROM g_part p, range(1, {{teachers_per_school}} + 1) r(t);

-- Managers: the director of each participant, a deputy at one school in ten.
CREATE OR REPLACE TEMP TABLE g_manager AS
SELECT p.year, p.school_id, p.school_login, p.weak, m AS manager_no,
       'РК-' || lpad(CAST(p.school_id AS VARCHAR), 6, '0') || '-' || m AS person_id,
       CASE WHEN m = 1 THEN 'директор' ELSE 'заместитель' END AS position
FROM g_part p, range(1, 3) r(m)
WHERE m = 1 OR u1(p.school_id, 'deputy') < 0.1;
