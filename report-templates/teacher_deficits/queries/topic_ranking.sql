-- Per subject of the latest wave, its topics by the share of teachers with a deficit, largest first,
-- as a list for the ranking sentence; only subjects large enough for a sentence (20 teachers and more;
-- settings.sql) and topics that are not suppressed.
WITH s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
    AND breakdown IN ('предмет', 'предмет × блок × тема')
),
latest AS (
  SELECT * FROM s WHERE wave_order = (SELECT max(wave_order) FROM s)
)
SELECT
  t.subject,
  coalesce(r.name, t.subject) AS subject_name,
  t.teachers::INTEGER AS teachers,
  list({'topic': p.topic, 'share': p.share_with_deficit}
       ORDER BY p.share_with_deficit DESC, p.topic) AS topics
FROM latest t
JOIN latest p ON p.subject = t.subject AND p.breakdown = 'предмет × блок × тема' AND NOT p.suppressed
LEFT JOIN ref_subjects r ON r.subject_code = t.subject
WHERE t.breakdown = 'предмет' AND NOT t.suppressed AND t.teachers >= 20
GROUP BY t.subject, subject_name, t.teachers
ORDER BY subject_name
