-- What to do about each indicator not met in the municipality, and at how many of its schools.
WITH actions(indicator_code, action) AS (
  VALUES
    ('curator_assigned', 'назначить куратора и внести его в перечень участников'),
    ('surveys_completed', 'завершить анкетирование в ФИС ОКО по всем группам респондентов'),
    ('seminar_attended', 'обеспечить очное участие команд школ в семинарах проекта'),
    ('curator_visited', 'организовать посещение школы куратором'),
    ('directions_activated', 'выбрать и активировать рисковые направления в ИС МЭДК'),
    ('documents_approved', 'загрузить документы в ИС МЭДК и довести до согласования с куратором (таблица 5)'),
    ('monitoring_stage1_confirmed', 'сдать данные мониторинга этапа 1, кураторам — подтвердить их (таблица 6)'),
    ('monitoring_stage2_confirmed', 'сдать данные мониторинга этапа 2, кураторам — подтвердить их (таблица 6)')
)
SELECT s.municipality_code, s.indicator_order, s.indicator_name,
       count(*)::INTEGER AS schools,
       string_agg(s.school_login, ', ' ORDER BY s.school_login) AS logins,
       a.action
FROM control_indicators_schools s
JOIN actions a USING (indicator_code)
WHERE s.year = run_year() AND s.as_of = as_of_date() AND NOT s.met
  AND s.municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR s.municipality_code = getvariable('municipality'))
GROUP BY s.municipality_code, s.indicator_order, s.indicator_name, a.action
ORDER BY s.municipality_code, s.indicator_order
