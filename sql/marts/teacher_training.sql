-- Named list: per teacher × block, deficit found this year and training completed by D in that
-- block. Per-person rows: service-use XLSX only, never a ministry PDF.
SELECT
  teacher_id,
  school_login,
  school_name,
  municipality_code,
  municipality,
  block,
  waves_diagnosed,
  deficit_found,
  first_deficit_wave,
  worst_band,
  latest_wave,
  latest_band,
  courses_completed,
  hours,
  last_completed_at,
  courses_not_completed,
  trained,
  covered
FROM int_teacher_training
