-- file: medk/dokumenty_{{year}}.csv
-- years: raw_medk_documents
SELECT school_login AS "Логин ОО", year AS "Год", doc_type AS "Вид документа", factor_code AS "Код фактора",
       d(uploaded_at) AS "Дата загрузки", curator_status AS "Статус согласования",
       d(curator_status_at) AS "Дата согласования"
FROM raw_medk_documents WHERE year = {{year}} ORDER BY school_login;
