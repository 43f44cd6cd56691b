-- Per wave × teacher × subject × block × topic, only for topics with at least the seed's number of
-- items (managers_teachers.teacher_topic_min_items, default 2): one item is too little to call a
-- deficit in a topic. The item count is the instrument's (items of the topic in the wave and
-- subject), not what one teacher answered.
WITH min_items AS (
  SELECT CAST(value AS INTEGER) AS n FROM ref_managers_teachers WHERE parameter = 'teacher_topic_min_items'
),
topic_sizes AS (
  SELECT wave, subject, block, topic, count(DISTINCT item_no) AS topic_items
  FROM int_teacher_items
  WHERE topic IS NOT NULL
  GROUP BY ALL
),
topics AS (
  SELECT i.wave, i.wave_order, i.teacher_id, i.school_login, i.school_name, i.municipality_code, i.municipality,
         i.subject, i.block, i.topic, z.topic_items,
         count(*) AS items,
         sum(i.score) AS score,
         sum(i.max_score) AS max_score
  FROM int_teacher_items i
  JOIN topic_sizes z USING (wave, subject, block, topic)
  WHERE z.topic_items >= (SELECT n FROM min_items)
  GROUP BY ALL
),
scored AS (
  SELECT *,
         CASE WHEN max_score > 0
              THEN CAST(score AS DECIMAL(38, 10)) * 100 / CAST(max_score AS DECIMAL(38, 10)) END AS score_pct_exact
  FROM topics
)
SELECT
  s.wave, s.wave_order, s.teacher_id, s.school_login, s.school_name, s.municipality_code, s.municipality,
  s.subject, s.block, s.topic, s.topic_items, s.items, s.score, s.max_score, s.score_pct_exact,
  b.band, b.band_order, b.is_deficit, b.is_severe
FROM scored s
ASOF LEFT JOIN int_teacher_bands b ON s.score_pct_exact >= b.min_pct
