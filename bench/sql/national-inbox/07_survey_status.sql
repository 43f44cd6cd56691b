-- file: surveys/zapolnenie_anket_{{year}}.csv
-- years: raw_survey_status
SELECT year AS "Год", school_login AS "Логин", respondent_group AS "Категория респондентов",
       expected AS "Ожидаемое количество анкет", completed AS "Количество заполненных анкет"
FROM raw_survey_status WHERE year = {{year}} ORDER BY school_login, respondent_group;
