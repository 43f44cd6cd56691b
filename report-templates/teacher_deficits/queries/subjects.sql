-- Each subject of the latest wave (the region): teachers, the share with a deficit in at least one
-- block and in each block. A suppressed subject (fewer teachers than ref_suppression) shows no figure;
-- its name says why.
WITH s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
    AND breakdown IN ('предмет', 'предмет × блок')
),
latest AS (
  SELECT * FROM s WHERE wave_order = (SELECT max(wave_order) FROM s)
),
hidden AS (
  SELECT chr(160) || '— данные скрыты: меньше ' || n || CASE WHEN n % 10 = 1 AND n % 100 <> 11 THEN chr(160) || 'человека' ELSE chr(160) || 'человек' END AS note
  FROM (SELECT CAST(value AS INTEGER) AS n FROM ref_suppression WHERE parameter = 'teachers_min_people')
),
totals AS (
  SELECT subject, suppressed, teachers, with_deficit, share_with_deficit, severe_deficit, share_severe_deficit
  FROM latest WHERE breakdown = 'предмет'
),
ranked AS (
  SELECT subject,
         list({'block': block, 'share': share_with_deficit} ORDER BY share_with_deficit DESC, block)
           FILTER (WHERE NOT suppressed) AS blocks
  FROM latest WHERE breakdown = 'предмет × блок'
  GROUP BY subject
),
by_block AS (
  PIVOT (SELECT subject, block, share_with_deficit FROM latest WHERE breakdown = 'предмет × блок')
  ON block IN ('нормативно-правовой', 'предметный', 'методический', 'психолого-педагогический')
  USING first(share_with_deficit)
  GROUP BY subject
)
SELECT
  t.subject,
  coalesce(r.name, t.subject) AS subject_name,
  coalesce(r.name, t.subject) || CASE WHEN t.suppressed THEN h.note ELSE '' END AS subject_shown,
  t.suppressed,
  t.teachers::INTEGER AS teachers,
  t.with_deficit::INTEGER AS with_deficit,
  t.share_with_deficit,
  t.severe_deficit::INTEGER AS severe_deficit,
  t.share_severe_deficit,
  coalesce(t.teachers >= 20, FALSE) AS large_enough,
  b."нормативно-правовой", b."предметный", b."методический", b."психолого-педагогический",
  k.blocks
FROM totals t
CROSS JOIN hidden h
LEFT JOIN by_block b USING (subject)
LEFT JOIN ranked k USING (subject)
LEFT JOIN ref_subjects r ON r.subject_code = t.subject
ORDER BY subject_name
