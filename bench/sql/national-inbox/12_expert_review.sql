-- file: fioko/ekspertiza_dokumentov_{{year}}.csv
-- years: raw_expert_review
SELECT year AS "Год", round AS "Период экспертизы", school_login AS "Логин ОО", doc_type AS "Тип документа",
       factor_code AS "Код фактора", criterion AS "Критерий", n(score) AS "Балл", n(max_score) AS "Максимальный балл"
FROM raw_expert_review WHERE year = {{year}} ORDER BY school_login;
