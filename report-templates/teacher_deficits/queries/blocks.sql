-- The region's blocks in the latest wave (all subjects): teachers, with a deficit, with a marked one,
-- by the share with a deficit, largest first (the ranking sentence, the chart and table 1).
WITH hidden AS (
  SELECT chr(160) || '— данные скрыты: меньше ' || n || CASE WHEN n % 10 = 1 AND n % 100 <> 11 THEN chr(160) || 'человека' ELSE chr(160) || 'человек' END AS note
  FROM (SELECT CAST(value AS INTEGER) AS n FROM ref_suppression WHERE parameter = 'teachers_min_people')
),
s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND breakdown = 'блок'
)
SELECT block, suppressed,
       block || CASE WHEN suppressed THEN h.note ELSE '' END AS block_shown,
       teachers::INTEGER AS teachers, with_deficit::INTEGER AS with_deficit, share_with_deficit,
       severe_deficit::INTEGER AS severe_deficit, share_severe_deficit,
       share_with_deficit - share_severe_deficit AS share_partial_deficit
FROM s
CROSS JOIN hidden h
WHERE wave_order = (SELECT max(wave_order) FROM s)
ORDER BY share_with_deficit DESC NULLS LAST, block
