-- file: ege/ЕГЭ_{{year}}.csv
-- years: raw_ege_results
SELECT year AS "Год", d(exam_date) AS "Дата экзамена", coalesce(s.name, e.subject) AS "Предмет",
       e.rcoi_code AS "Код ОО", municipality_code AS "Код МСУ", class_name AS "Класс",
       'Участник ' || student AS "ФИО", attempt AS "Попытка", n(primary_score) AS "Первичный балл",
       mark AS "Отметка", n(test_score) AS "Тестовый балл", note AS "Примечание"
FROM raw_ege_results e LEFT JOIN ref_subjects s ON s.subject_code = e.subject
WHERE year = {{year}};
