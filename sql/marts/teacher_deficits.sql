-- Named list: per wave × teacher × subject × block, score % and deficit band. Per-person rows:
-- only for the «для служебного пользования» XLSX, never a ministry PDF.
SELECT
  wave,
  wave_order,
  teacher_id,
  school_login,
  school_name,
  municipality_code,
  municipality,
  subject,
  block,
  items,
  score,
  max_score,
  pct(score, max_score, 1) AS score_pct,
  band,
  band_order,
  is_deficit,
  is_severe
FROM int_teacher_blocks
