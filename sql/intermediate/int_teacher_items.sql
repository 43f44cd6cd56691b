-- Teachers' diagnostic items of the run's year, with the wave's order and the teacher's school for
-- that wave (one school per teacher and wave, so a teacher counts once in each scope).
WITH items AS (
  SELECT wave, teacher_id, school_login, subject, block, item_no, topic, score, max_score
  FROM stg_teacher_diagnostics
  WHERE year = run_year()
),
-- Waves are text: numbered waves in their number order, any others after them by name.
waves AS (
  SELECT
    wave,
    CAST(dense_rank() OVER (ORDER BY try_cast(wave AS INTEGER) NULLS LAST, wave) AS INTEGER) AS wave_order
  FROM (SELECT DISTINCT wave FROM items)
),
teacher_schools AS (
  SELECT wave, teacher_id, min(school_login) AS school_login
  FROM items
  GROUP BY ALL
)
SELECT
  i.wave,
  w.wave_order,
  i.teacher_id,
  t.school_login,
  sc.school_name,
  sc.municipality_code,
  sc.municipality,
  i.subject,
  i.block,
  i.item_no,
  nullif(i.topic, '') AS topic,
  i.score,
  i.max_score
FROM items i
JOIN waves w USING (wave)
JOIN teacher_schools t USING (wave, teacher_id)
LEFT JOIN int_schools sc ON sc.school_login = t.school_login
