-- Schools with a flagged marker of possible non-objectivity in the run year (DOMAIN §4.5): the list a
-- municipality receives to check, the project's schools first. `kinds` holds the flagged markers by kind with
-- the numbers behind each, for the sentences of the note (written with the Russian helpers).
WITH participants AS (
  SELECT DISTINCT school_login
  FROM stg_participants
  WHERE year = run_year() AND (included_at IS NULL OR included_at <= as_of_date())
),
flagged AS (
  SELECT m.*,
         CASE m.marker_code
           WHEN 'lowered' THEN '«понизили»'
           WHEN 'raised' THEN '«повысили» при высоком качестве'
           WHEN 'bunching_3' THEN 'скопление на первом балле «3»'
           WHEN 'bunching_4' THEN 'скопление на первом балле «4»'
           WHEN 'bunching_5' THEN 'скопление на первом балле «5»'
           WHEN 'change' THEN 'резкое изменение качества знаний'
           WHEN 'listed' THEN 'перечень ФИОКО'
           ELSE m.marker_name END AS marker_short,
         CASE m.marker_code
           WHEN 'lowered' THEN '«Понизили» (отметка за работу ниже отметки по журналу)'
           WHEN 'raised' THEN '«Повысили» (выше отметки по журналу) при высоком качестве знаний'
           WHEN 'bunching_3' THEN 'Скопление работ на первом балле отметки «3»'
           WHEN 'bunching_4' THEN 'Скопление работ на первом балле отметки «4»'
           WHEN 'bunching_5' THEN 'Скопление работ на первом балле отметки «5»'
           WHEN 'change' THEN 'Изменение качества знаний за год'
           WHEN 'listed' THEN 'В перечне ФИОКО'
           ELSE m.marker_name END AS marker_title,
         CASE m.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END AS assessment_order,
         concat_ws(', ', m.assessment_name, lower(s.name[1]) || s.name[2:],
                   CASE WHEN m.grade IS NOT NULL THEN m.grade || ' кл.' END) AS what
  FROM objectivity_markers m
  LEFT JOIN ref_subjects s ON s.subject_code = m.subject
  WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.flagged
),
by_kind AS (
  -- Each school's flagged markers of one kind, with the numbers behind each, in reading order.
  SELECT school_login, marker_code, marker_short, marker_title, min(assessment_order) AS first_assessment,
         list({
           'what': what, 'marker_code': marker_code,
           'n_works': n_works, 'numerator': numerator, 'value': value,
           'quality_share': quality_share, 'quality_threshold': quality_threshold,
           'boundary_mark': boundary_mark, 'boundary_score': boundary_score,
           'works_at_boundary': works_at_boundary, 'works_below_boundary': works_below_boundary,
           'previous_value': previous_value, 'list_marker': list_marker
         } ORDER BY assessment_order, what) AS items,
         count(*) AS cases
  FROM flagged
  GROUP BY school_login, marker_code, marker_short, marker_title
),
schools AS (
  SELECT DISTINCT school_login, municipality_code, municipality, school_name FROM flagged
)
SELECT
  s.municipality_code,
  coalesce(s.municipality, 'нет в реестре ОО') AS municipality,
  s.school_login,
  coalesce(s.school_name, s.school_login) AS school_name,
  -- The municipality for the sentence, unless the school's name already says it.
  CASE WHEN s.municipality IS NULL OR strpos(coalesce(s.school_name, ''), s.municipality) > 0 THEN NULL
       ELSE s.municipality END AS municipality_note,
  p.school_login IS NOT NULL AS is_participant,
  sum(k.cases) AS markers_flagged,
  string_agg(k.marker_short, '; ' ORDER BY k.cases DESC, k.marker_code) AS marker_kinds,
  list({'marker_title': k.marker_title, 'marker_code': k.marker_code, 'items': k.items}
       ORDER BY k.cases DESC, k.marker_code) AS kinds
FROM schools s
JOIN by_kind k USING (school_login)
LEFT JOIN participants p USING (school_login)
GROUP BY ALL
ORDER BY is_participant DESC, s.municipality_code NULLS LAST, school_name, s.school_login
