-- file: participants/uchastniki_500plus_{{year}}.csv
-- years: raw_participants
SELECT year AS "Год участия", school_login AS "Логин ОО", cohort AS "Когорта",
       curator_name AS "ФИО куратора", d(curator_assigned_at) AS "Дата назначения куратора",
       municipal_coordinator AS "Муниципальный координатор", d(included_at) AS "Дата включения в проект"
FROM raw_participants WHERE year = {{year}} ORDER BY school_login;
