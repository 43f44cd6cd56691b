-- file: schools/reestr_oo.csv
-- The registry's latest version (one file replaces the registry).
SELECT school_login AS "Логин ОО", school_name AS "Полное наименование ОО",
       municipality AS "Муниципальное образование", municipality_code AS "Код МСУ",
       region_code AS "Код региона", rcoi_code AS "Код ОО", settlement_type AS "Тип населенного пункта",
       students_total AS "Количество обучающихся", b(is_small_school) AS "Малокомплектная"
FROM raw_schools WHERE _batch_id = (SELECT max(_batch_id) FROM raw_schools)
ORDER BY school_login;
