-- Training taken against deficits found, per teacher × block of the run's year: a deficit is found
-- when the block is below «нет дефицита» in any wave of the year (any subject) read as of D;
-- a course covers it when it is in the same block and completed on or before D. A course
-- completed in a wave's aftermath still counts when a later wave no longer shows the deficit:
-- the deficit was found, and training was taken.
WITH blocks AS (
  SELECT wave, wave_order, teacher_id, school_login, school_name, municipality_code, municipality,
         subject, block, band, band_order, is_deficit
  FROM int_teacher_blocks
),
-- The teacher's school: the one of their latest wave of the year.
teachers AS (
  SELECT teacher_id,
         arg_max(school_login, wave_order) AS school_login,
         arg_max(school_name, wave_order) AS school_name,
         arg_max(municipality_code, wave_order) AS municipality_code,
         arg_max(municipality, wave_order) AS municipality,
         max(wave_order) AS last_wave_order
  FROM blocks
  GROUP BY teacher_id
),
found AS (
  SELECT teacher_id, block,
         count(DISTINCT wave) AS waves_diagnosed,
         bool_or(is_deficit) AS deficit_found,
         arg_min(wave, wave_order) FILTER (WHERE is_deficit) AS first_deficit_wave,
         arg_max(band, band_order) AS worst_band,
         max(wave_order) AS block_last_wave_order
  FROM blocks
  GROUP BY teacher_id, block
),
-- In the block's latest wave, the weakest subject's band.
latest AS (
  SELECT b.teacher_id, b.block, arg_max(b.wave, b.band_order) AS latest_wave, arg_max(b.band, b.band_order) AS latest_band
  FROM blocks b
  JOIN found f ON f.teacher_id = b.teacher_id AND f.block = b.block AND b.wave_order = f.block_last_wave_order
  GROUP BY b.teacher_id, b.block
),
courses AS (
  SELECT teacher_id, block,
         count(*) FILTER (WHERE completed_at <= as_of_date()) AS courses_completed,
         coalesce(sum(hours) FILTER (WHERE completed_at <= as_of_date()), 0) AS hours,
         max(completed_at) FILTER (WHERE completed_at <= as_of_date()) AS last_completed_at,
         count(*) FILTER (WHERE completed_at IS NULL OR completed_at > as_of_date()) AS courses_not_completed
  FROM stg_pd_courses
  WHERE year = run_year()
  GROUP BY teacher_id, block
)
SELECT
  f.teacher_id,
  t.school_login,
  t.school_name,
  t.municipality_code,
  t.municipality,
  f.block,
  f.waves_diagnosed,
  f.deficit_found,
  f.first_deficit_wave,
  f.worst_band,
  l.latest_wave,
  l.latest_band,
  coalesce(c.courses_completed, 0) AS courses_completed,
  coalesce(c.hours, 0) AS hours,
  c.last_completed_at,
  coalesce(c.courses_not_completed, 0) AS courses_not_completed,
  coalesce(c.courses_completed, 0) > 0 AS trained,
  f.deficit_found AND coalesce(c.courses_completed, 0) > 0 AS covered
FROM found f
JOIN teachers t USING (teacher_id)
JOIN latest l USING (teacher_id, block)
LEFT JOIN courses c USING (teacher_id, block)
