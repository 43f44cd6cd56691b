-- Named list by topic: per wave × teacher × subject × block × topic (topics with enough items
-- only, see int_teacher_topics). Per-person rows: service-use XLSX only.
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
  topic,
  topic_items,
  items,
  score,
  max_score,
  pct(score, max_score, 1) AS score_pct,
  band,
  band_order,
  is_deficit,
  is_severe
FROM int_teacher_topics
