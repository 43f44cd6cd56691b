-- Per wave × teacher × subject × block: score % of the block (sum of scores ÷ sum of maxima) and
-- its deficit band. The band edges are compared with the unrounded % (70 % exactly is «нет
-- дефицита», 69,9 % is not).
WITH blocks AS (
  SELECT wave, wave_order, teacher_id, school_login, school_name, municipality_code, municipality,
         subject, block,
         count(*) AS items,
         sum(score) AS score,
         sum(max_score) AS max_score
  FROM int_teacher_items
  GROUP BY ALL
),
scored AS (
  SELECT *,
         -- Decimal product first, so 14 of 20 is exactly 70 and not 69,999…
         CASE WHEN max_score > 0
              THEN CAST(score AS DECIMAL(38, 10)) * 100 / CAST(max_score AS DECIMAL(38, 10)) END AS score_pct_exact
  FROM blocks
)
SELECT
  s.wave, s.wave_order, s.teacher_id, s.school_login, s.school_name, s.municipality_code, s.municipality,
  s.subject, s.block, s.items, s.score, s.max_score, s.score_pct_exact,
  b.band, b.band_order, b.is_deficit, b.is_severe
FROM scored s
ASOF LEFT JOIN int_teacher_bands b ON s.score_pct_exact >= b.min_pct
