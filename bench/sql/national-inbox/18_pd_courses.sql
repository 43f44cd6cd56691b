-- file: diro/kursy_pk_{{year}}.csv
-- years: raw_pd_courses
SELECT year AS "Год", teacher_id AS "Код педагога", school_login AS "Логин ОО",
       course AS "Программа повышения квалификации", n(hours) AS "Объём, ч", block AS "Блок",
       d(completed_at) AS "Дата окончания"
FROM raw_pd_courses WHERE year = {{year}} ORDER BY completed_at, teacher_id;
