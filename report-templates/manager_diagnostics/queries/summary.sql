-- The year's diagnostics in one row: waves held by the date and who took the latest wave; how many
-- municipalities are too small to show (settings.sql: ref_suppression).
WITH m AS (
  SELECT * FROM manager_competences WHERE year = run_year() AND as_of = as_of_date()
),
latest AS (
  SELECT max(wave_order) AS wave_order, count(DISTINCT wave)::INTEGER AS waves FROM m
),
small AS (
  SELECT count(*)::INTEGER AS municipalities_hidden
  FROM (
    SELECT municipality_code
    FROM m JOIN latest USING (wave_order)
    WHERE municipality_code IS NOT NULL AND NOT is_overall
    GROUP BY municipality_code
    HAVING count(DISTINCT person_id) <
      (SELECT CAST(value AS INTEGER) FROM ref_suppression WHERE parameter = 'teachers_min_people')
  )
)
SELECT
  l.waves,
  any_value(m.wave) AS wave,
  l.wave_order,
  count(DISTINCT m.person_id)::INTEGER AS people,
  count(DISTINCT m.person_id) FILTER (WHERE m.position = 'директор')::INTEGER AS directors,
  count(DISTINCT m.person_id) FILTER (WHERE m.position = 'заместитель')::INTEGER AS deputies,
  count(DISTINCT m.school_login)::INTEGER AS schools,
  count(DISTINCT m.municipality_code)::INTEGER AS municipalities,
  any_value(s.municipalities_hidden) AS municipalities_hidden,
  count(DISTINCT m.competence) FILTER (WHERE NOT m.is_overall)::INTEGER AS competences,
  -- The ranking sentence names at most ten places.
  least(count(DISTINCT m.competence) FILTER (WHERE NOT m.is_overall), 10)::INTEGER AS competences_ranked,
  count(*) FILTER (WHERE NOT m.is_overall AND m.level_source = 'инструмент')::INTEGER AS levels_by_instrument,
  count(*) FILTER (WHERE NOT m.is_overall)::INTEGER AS results
FROM m
JOIN latest l USING (wave_order)
CROSS JOIN small s
GROUP BY l.waves, l.wave_order
ORDER BY l.wave_order
