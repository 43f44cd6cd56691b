-- file: diro/deficity_pedagogov_{{year}}.csv
-- years: raw_teacher_diagnostics
SELECT year AS "Год", wave AS "Волна", teacher_id AS "Код педагога", school_login AS "Логин ОО",
       coalesce(s.name, t.subject) AS "Предмет", block AS "Блок", item_no AS "№ задания", topic AS "Тема",
       n(score) AS "Балл", n(max_score) AS "Макс балл"
FROM raw_teacher_diagnostics t LEFT JOIN ref_subjects s ON s.subject_code = t.subject
WHERE year = {{year}};
