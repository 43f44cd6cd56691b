-- file: diro/upravlencheskie_kompetencii_{{year}}.csv
-- years: raw_manager_diagnostics
SELECT year AS "Год", wave AS "Волна", person_id AS "Идентификатор участника", position AS "Должность",
       school_login AS "Логин ОО", competence AS "Компетенция", n(score) AS "Балл", n(max_score) AS "Максимальный балл",
       level AS "Уровень сформированности"
FROM raw_manager_diagnostics WHERE year = {{year}} ORDER BY wave, school_login, person_id;
