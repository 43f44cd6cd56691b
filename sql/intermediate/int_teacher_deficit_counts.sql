-- Teachers with a deficit, counted before any suppression (the mart teacher_deficit_shares hides
-- small groups): per wave × breakdown × scope (region, municipality, school). A teacher counts
-- once in a group: in a wider breakdown (a subject, a block over subjects, everything) a teacher
-- has a deficit when any block within it is in deficit.
WITH blocks AS (
  SELECT wave, wave_order, teacher_id, school_login, school_name, municipality_code, municipality,
         subject, block, is_deficit, is_severe
  FROM int_teacher_blocks
),
per_teacher AS (
  SELECT 'предмет × блок × тема' AS breakdown, wave, wave_order, teacher_id, school_login, school_name,
         municipality_code, municipality, subject, block, topic, is_deficit, is_severe
  FROM int_teacher_topics
  UNION ALL
  SELECT 'предмет × блок', wave, wave_order, teacher_id, school_login, school_name,
         municipality_code, municipality, subject, block, NULL, is_deficit, is_severe
  FROM blocks
  UNION ALL
  SELECT 'предмет', wave, wave_order, teacher_id, school_login, school_name,
         municipality_code, municipality, subject, NULL, NULL, bool_or(is_deficit), bool_or(is_severe)
  FROM blocks
  GROUP BY wave, wave_order, teacher_id, school_login, school_name, municipality_code, municipality, subject
  UNION ALL
  SELECT 'блок', wave, wave_order, teacher_id, school_login, school_name,
         municipality_code, municipality, NULL, block, NULL, bool_or(is_deficit), bool_or(is_severe)
  FROM blocks
  GROUP BY wave, wave_order, teacher_id, school_login, school_name, municipality_code, municipality, block
  UNION ALL
  SELECT 'итого', wave, wave_order, teacher_id, school_login, school_name,
         municipality_code, municipality, NULL, NULL, NULL, bool_or(is_deficit), bool_or(is_severe)
  FROM blocks
  GROUP BY wave, wave_order, teacher_id, school_login, school_name, municipality_code, municipality
),
-- Teachers of a school missing in the registry count in the region and their school only.
scoped AS (
  SELECT 'region' AS scope, NULL AS municipality_code, NULL AS municipality,
         NULL AS school_login, NULL AS school_name,
         breakdown, wave, wave_order, subject, block, topic, teacher_id, is_deficit, is_severe
  FROM per_teacher
  UNION ALL
  SELECT 'municipality', municipality_code, municipality, NULL, NULL,
         breakdown, wave, wave_order, subject, block, topic, teacher_id, is_deficit, is_severe
  FROM per_teacher
  WHERE municipality IS NOT NULL
  UNION ALL
  SELECT 'school', municipality_code, municipality, school_login, school_name,
         breakdown, wave, wave_order, subject, block, topic, teacher_id, is_deficit, is_severe
  FROM per_teacher
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
  count(DISTINCT teacher_id) AS teachers,
  count(DISTINCT teacher_id) FILTER (WHERE is_deficit) AS with_deficit,
  count(DISTINCT teacher_id) FILTER (WHERE is_severe) AS severe_deficit
FROM scoped
GROUP BY ALL
