-- file: oge/ОГЭ_{{year}}.csv
-- years: raw_oge_results
-- «ФИО» is made up from the stored pseudonym: the ingest hashes it again.
SELECT year AS "Год", d(exam_date) AS "Дата экзамена", coalesce(s.name, o.subject) AS "Предмет",
       o.rcoi_code AS "Код ОО", municipality_code AS "Код МСУ", class_name AS "Класс",
       'Участник ' || student AS "ФИО", attempt AS "Попытка", n(primary_score) AS "Первичный балл",
       mark AS "Отметка", note AS "Примечание"
FROM raw_oge_results o LEFT JOIN ref_subjects s ON s.subject_code = o.subject
WHERE year = {{year}};
