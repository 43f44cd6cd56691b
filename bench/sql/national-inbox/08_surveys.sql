-- file: surveys/otvety_{{year}}.csv
-- years: raw_surveys
SELECT year AS "Год", school_login AS "Логин ОО", respondent_group AS "Группа респондентов",
       respondent_id AS "Код респондента", question_code AS "Код вопроса", answer AS "Ответ"
FROM raw_surveys WHERE year = {{year}};
