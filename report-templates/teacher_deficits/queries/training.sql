-- Training against deficits (the region, per block, over the year's waves): teachers diagnosed, with a
-- deficit found, of them closed by a completed course of the same block by the date, hours, and
-- courses taken without a deficit; the block with the smallest share closed first (among blocks of
-- 20 teachers with a deficit and more, settings.sql).
WITH hidden AS (
  SELECT chr(160) || '— данные скрыты: меньше ' || n || CASE WHEN n % 10 = 1 AND n % 100 <> 11 THEN chr(160) || 'человека' ELSE chr(160) || 'человек' END AS note
  FROM (SELECT CAST(value AS INTEGER) AS n FROM ref_suppression WHERE parameter = 'teachers_min_people')
)
SELECT block,
       block || CASE WHEN suppressed THEN h.note ELSE '' END AS block_shown,
       suppressed,
       teachers::INTEGER AS teachers,
       with_deficit::INTEGER AS with_deficit,
       covered::INTEGER AS covered,
       with_deficit - covered AS not_covered,
       share_covered,
       covered_hours,
       trained_without_deficit::INTEGER AS trained_without_deficit,
       coalesce(with_deficit >= 20, FALSE) AS large_enough
FROM teacher_training_shares
CROSS JOIN hidden h
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
ORDER BY large_enough DESC, share_covered NULLS LAST, block
