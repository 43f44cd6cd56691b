-- Registry and lists: the school registry in two versions (1 Sep 2025, 1 Sep 2026: a few schools
-- open after the first, a few close before the second), the «500+» participants, the ШНОР list,
-- the regional programme, the objectivity list. «batch:source» in double braces is that source's
-- batch numbering.

INSERT INTO raw_schools BY NAME
SELECT school_login, school_name, municipality, municipality_code, rcoi_code, settlement_type, students_total,
       students_total < 100 AS is_small_school,
       {{batch:schools}} + v AS _batch_id, '' AS _partition, school_id + 3 AS _line, 'Реестр ОО' AS _sheet
FROM g_school, (VALUES (1), (2)) t(v)
WHERE (v = 1 AND NOT opened_2026) OR (v = 2 AND NOT closed_2026);

INSERT INTO raw_participants BY NAME
SELECT year, school_login, cohort,
       person_name(region_no * 10 + school_id % 7, 'curator') AS curator_name,
       CASE WHEN u2(school_id, year, 'no-curator') < 0.03 THEN NULL
            ELSE make_date(year, 2, 10) + CAST(floor(40 * u2(school_id, year, 'curator-at')) AS INTEGER) END
         AS curator_assigned_at,
       person_name(municipality_code, 'coordinator') AS municipal_coordinator,
       make_date(year, 1, 15) + CAST(floor(30 * u2(school_id, year, 'included')) AS INTEGER) AS included_at,
       {{batch:participants}} + year - 2000 AS _batch_id, 'year=' || year AS _partition,
       CAST(row_number() OVER (PARTITION BY year ORDER BY school_id) + 3 AS INTEGER) AS _line
FROM g_part;

INSERT INTO raw_shnor_list BY NAME
SELECT l.year, s.school_login,
       {{batch:shnor_list}} + l.year - 2000 AS _batch_id, 'year=' || l.year AS _partition,
       CAST(row_number() OVER (PARTITION BY l.year ORDER BY s.school_id) + 1 AS INTEGER) AS _line
FROM g_shnor l JOIN g_school s USING (school_id);

-- The regional programme: the year's participants as ШНОР and as many other weak schools as ШНСУ / 2.
INSERT INTO raw_regional_programme BY NAME
WITH programme AS (
  SELECT year, school_id, 'ШНОР' AS category FROM g_participant
  UNION ALL
  SELECT y, school_id, 'ШНСУ' FROM g_school, (VALUES (2025), (2026)) t(y)
  WHERE school_id NOT IN (SELECT school_id FROM g_participant WHERE year = y) AND NOT closed_2026
  QUALIFY row_number() OVER (PARTITION BY y ORDER BY weak + 0.1 * z2(school_id, y, 'shnsu') DESC) <= {{participants}} / 2
)
SELECT p.year, s.school_login, p.category,
       {{batch:regional_programme}} + 26 AS _batch_id, 'year=' || p.year AS _partition,
       CAST(row_number() OVER (PARTITION BY p.year ORDER BY s.school_id) + 3 AS INTEGER) AS _line,
       p.year || ' год' AS _sheet
FROM programme p JOIN g_school s USING (school_id);

INSERT INTO raw_objectivity_list BY NAME
SELECT y AS year, school_login,
       CASE WHEN u2(school_id, y, 'obj-subject') < 0.5 THEN 'math' ELSE 'rus' END AS subject,
       5 + CAST(floor(4 * u2(school_id, y, 'obj-grade')) AS INTEGER) AS grade,
       'Признаки необъективности результатов ВПР' AS marker,
       {{batch:objectivity_list}} + y - 2000 AS _batch_id, 'year=' || y AS _partition,
       CAST(row_number() OVER (PARTITION BY y ORDER BY school_id) + 2 AS INTEGER) AS _line
FROM g_school, (VALUES (2025), (2026)) t(y)
WHERE u2(school_id, y, 'objectivity') < 0.01;
