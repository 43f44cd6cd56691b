-- Each school in the latest wave (all subjects): teachers and the share with a deficit in each block,
-- by municipality. A suppressed school (fewer teachers than ref_suppression) shows no figure; its name
-- says why; a hidden block of a shown school reads «—».
WITH s AS (
  SELECT * FROM teacher_deficit_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'school'
    AND breakdown IN ('итого', 'блок')
),
latest AS (
  SELECT * FROM s WHERE wave_order = (SELECT max(wave_order) FROM s)
),
hidden AS (
  SELECT chr(160) || '— данные скрыты: меньше ' || n || CASE WHEN n % 10 = 1 AND n % 100 <> 11 THEN chr(160) || 'человека' ELSE chr(160) || 'человек' END AS note
  FROM (SELECT CAST(value AS INTEGER) AS n FROM ref_suppression WHERE parameter = 'teachers_min_people')
),
totals AS (
  SELECT municipality_code, municipality, school_login, school_name, suppressed, teachers, share_with_deficit
  FROM latest WHERE breakdown = 'итого'
),
by_block AS (
  PIVOT (SELECT school_login, block, share_with_deficit FROM latest WHERE breakdown = 'блок')
  ON block IN ('нормативно-правовой', 'предметный', 'методический', 'психолого-педагогический')
  USING first(share_with_deficit)
  GROUP BY school_login
)
SELECT
  t.municipality_code,
  t.municipality,
  t.school_login,
  t.school_name,
  -- The municipality after the name unless the name already says it («…, г. Махачкала»).
  coalesce(t.school_name, t.school_login)
    || CASE WHEN t.municipality IS NULL OR contains(coalesce(t.school_name, ''), t.municipality) THEN ''
            ELSE ' (' || t.municipality || ')' END
    || CASE WHEN t.suppressed THEN h.note ELSE '' END AS school_shown,
  t.suppressed,
  t.teachers::INTEGER AS teachers,
  t.share_with_deficit,
  b."нормативно-правовой", b."предметный", b."методический", b."психолого-педагогический"
FROM totals t
CROSS JOIN hidden h
LEFT JOIN by_block b USING (school_login)
ORDER BY t.municipality_code, t.school_login
