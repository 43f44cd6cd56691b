-- file: vpr/ВПР_{{year}}.csv
-- years: raw_vpr_results
-- One file a year for the whole country: the school, subject and grade are columns.
SELECT year AS "Год", school_login AS "Логин ОО", coalesce(s.name, v.subject) AS "Предмет",
       grade AS "Параллель", class_name AS "Наименование класса", student_code AS "Код участника",
       variant AS "Вариант", n(total_score) AS "Первичный балл", mark AS "Отметка",
       journal_mark AS "Отметка за предыдущую четверть", note AS "Примечание"
FROM raw_vpr_results v LEFT JOIN ref_subjects s ON s.subject_code = v.subject
WHERE year = {{year}};
