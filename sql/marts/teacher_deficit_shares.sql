-- Shares of teachers with a deficit, per wave × breakdown × scope, with small groups suppressed:
-- a group of fewer people than the seed's threshold (suppression.teachers_min_people, default 3)
-- shows no counts and no shares, only suppressed = TRUE, so no teacher's result can be read off
-- a summary. Waves compared: the same group in the previous wave of the year, in п. п.
WITH threshold AS (
  SELECT CAST(value AS INTEGER) AS min_people FROM ref_suppression WHERE parameter = 'teachers_min_people'
),
counts AS (
  SELECT c.wave, c.wave_order, c.breakdown, c.scope, c.municipality_code, c.municipality,
         c.school_login, c.school_name, c.subject, c.block, c.topic,
         c.teachers, c.with_deficit, c.severe_deficit,
         c.teachers < t.min_people AS suppressed
  FROM int_teacher_deficit_counts c
  CROSS JOIN threshold t
),
compared AS (
  SELECT c.wave, c.wave_order, c.breakdown, c.scope, c.municipality_code, c.municipality,
         c.school_login, c.school_name, c.subject, c.block, c.topic,
         c.teachers, c.with_deficit, c.severe_deficit, c.suppressed,
         p.wave AS prev_wave,
         p.suppressed AS prev_suppressed,
         p.teachers AS prev_teachers,
         p.with_deficit AS prev_with_deficit
  FROM counts c
  LEFT JOIN counts p
    ON p.wave_order = c.wave_order - 1
   AND p.breakdown = c.breakdown
   AND p.scope = c.scope
   AND p.municipality_code IS NOT DISTINCT FROM c.municipality_code
   AND p.municipality IS NOT DISTINCT FROM c.municipality
   AND p.school_login IS NOT DISTINCT FROM c.school_login
   AND p.subject IS NOT DISTINCT FROM c.subject
   AND p.block IS NOT DISTINCT FROM c.block
   AND p.topic IS NOT DISTINCT FROM c.topic
)
SELECT
  wave,
  wave_order,
  breakdown,
  scope,
  municipality_code,
  municipality,
  school_login,
  school_name,
  subject,
  block,
  topic,
  suppressed,
  CASE WHEN NOT suppressed THEN teachers END AS teachers,
  CASE WHEN NOT suppressed THEN with_deficit END AS with_deficit,
  CASE WHEN NOT suppressed THEN share(with_deficit, teachers) END AS share_with_deficit,
  CASE WHEN NOT suppressed THEN pct(with_deficit, teachers, 1) END AS pct_with_deficit,
  CASE WHEN NOT suppressed THEN severe_deficit END AS severe_deficit,
  CASE WHEN NOT suppressed THEN share(severe_deficit, teachers) END AS share_severe_deficit,
  CASE WHEN NOT suppressed THEN pct(severe_deficit, teachers, 1) END AS pct_severe_deficit,
  prev_wave,
  CASE WHEN NOT prev_suppressed THEN pct(prev_with_deficit, prev_teachers, 1) END AS prev_pct_with_deficit,
  -- Difference of the unrounded shares: a/b − c/d = (a·d − c·b) / (b·d).
  CASE WHEN NOT suppressed AND NOT prev_suppressed
       THEN pct(with_deficit * prev_teachers - prev_with_deficit * teachers, teachers * prev_teachers, 1) END AS change_pp
FROM compared
