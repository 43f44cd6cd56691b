-- file: regional/rdr_{{year}}.csv
-- years: raw_regional_assessment
SELECT assessment_name AS "Оценочная процедура", year AS "Год", school_login AS "Логин ОО",
       coalesce(s.name, r.subject) AS "Предмет", grade AS "Параллель", class_name AS "Наименование класса",
       student_code AS "Код участника", variant AS "Вариант", n(total_score) AS "Первичный балл",
       mark AS "Отметка", journal_mark AS "Отметка по журналу", note AS "Примечание"
FROM raw_regional_assessment r LEFT JOIN ref_subjects s ON s.subject_code = r.subject
WHERE year = {{year}};
