-- file: curators/poseshcheniya_{{year}}.csv
-- years: raw_curator_visits
SELECT school_login AS "Логин ОО", curator_name AS "ФИО куратора", d(visit_date) AS "Дата посещения",
       visit_kind AS "Вид посещения"
FROM raw_curator_visits WHERE year = {{year}} ORDER BY visit_date, school_login;
