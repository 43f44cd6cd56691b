-- Markers of possible non-objectivity that fired for the school this year (objectivity_markers): each with
-- the procedure, subject, grade and the numbers behind it — flags for a person to check, not conclusions.
-- The table names a marker briefly; its full name is in objectivity_markers.marker_name.
SELECT m.school_login, m.marker_code, m.marker_name,
       CASE m.marker_code
         WHEN 'lowered' THEN '«Понизили»'
         WHEN 'raised' THEN '«Повысили» при высоком качестве'
         WHEN 'change' THEN 'Резкое изменение качества'
         WHEN 'listed' THEN 'Перечень ФИОКО'
         ELSE replace(m.marker_name, 'Скопление работ на первом балле отметки', 'Скопление на границе')
       END AS marker_short,
       m.assessment_name || CASE WHEN m.session IS NOT NULL AND m.session <> 'весна' THEN ' (' || m.session || ')' ELSE '' END
         AS procedure,
       coalesce(s.name, m.subject) AS subject_name, m.grade, m.n_works, m.detail
FROM objectivity_markers m
LEFT JOIN ref_subjects s ON s.subject_code = m.subject
WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.flagged
  AND m.school_login IN (SELECT school_login FROM int_risk_participants)
  AND (getvariable('school') IS NULL OR m.school_login = getvariable('school'))
ORDER BY m.school_login, m.marker_code, procedure, subject_name, m.grade
