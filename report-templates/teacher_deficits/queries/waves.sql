-- Each wave of the year against the one before it (the region): the share of teachers with a deficit
-- in at least one block, in each block (all subjects) and in each subject, before and after, and the
-- change in п. п. The first wave has no row. `comparable`: neither group suppressed and both of 20
-- teachers or more (settings.sql), so the change may be written in a sentence.
WITH s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
    AND breakdown IN ('итого', 'блок', 'предмет')
)
SELECT
  c.breakdown,
  CASE c.breakdown WHEN 'итого' THEN 0 WHEN 'блок' THEN 1 ELSE 2 END AS breakdown_order,
  CASE c.breakdown
    WHEN 'итого' THEN 'Хотя бы в одном блоке'
    WHEN 'блок' THEN 'Блок: ' || c.block
    ELSE 'Предмет: ' || coalesce(r.name, c.subject) END AS label,
  c.block,
  coalesce(r.name, c.subject) AS subject_name,
  c.prev_wave, c.wave, c.wave_order,
  c.wave_order = (SELECT max(wave_order) FROM s) AS is_latest,
  c.prev_wave || ' → ' || c.wave AS waves,
  p.teachers::INTEGER AS prev_teachers,
  c.teachers::INTEGER AS teachers,
  c.prev_pct_with_deficit,
  c.pct_with_deficit,
  c.change_pp,
  c.change_pp IS NOT NULL AND p.teachers >= 20 AND c.teachers >= 20 AS comparable
FROM s c
LEFT JOIN s p
  ON p.breakdown = c.breakdown AND p.wave = c.prev_wave
 AND p.block IS NOT DISTINCT FROM c.block AND p.subject IS NOT DISTINCT FROM c.subject
LEFT JOIN ref_subjects r ON r.subject_code = c.subject
WHERE c.wave_order > 1
ORDER BY c.wave_order, breakdown_order, label
