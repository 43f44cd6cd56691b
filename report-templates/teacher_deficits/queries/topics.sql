-- Topics of the latest wave (the region; only topics with enough items, as the mart keeps them): the
-- share of teachers with a deficit and with a marked one, by subject and block, largest share first.
WITH s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
    AND breakdown = 'предмет × блок × тема'
),
hidden AS (
  SELECT chr(160) || '— данные скрыты: меньше ' || n || CASE WHEN n % 10 = 1 AND n % 100 <> 11 THEN chr(160) || 'человека' ELSE chr(160) || 'человек' END AS note
  FROM (SELECT CAST(value AS INTEGER) AS n FROM ref_suppression WHERE parameter = 'teachers_min_people')
)
SELECT
  coalesce(r.name, s.subject) AS subject_name,
  s.block,
  s.topic || CASE WHEN s.suppressed THEN h.note ELSE '' END AS topic_shown,
  s.teachers::INTEGER AS teachers,
  s.with_deficit::INTEGER AS with_deficit,
  s.share_with_deficit,
  s.share_severe_deficit
FROM s
CROSS JOIN hidden h
LEFT JOIN ref_subjects r ON r.subject_code = s.subject
WHERE s.wave_order = (SELECT max(wave_order) FROM s)
ORDER BY subject_name, s.share_with_deficit DESC NULLS LAST, s.block, s.topic
