-- file: fioko/oo_priznaki_neobektivnosti_{{year}}.csv
-- years: raw_objectivity_list
SELECT school_login AS "Логин ОО", subject AS "Предмет", grade AS "Класс", marker AS "Признак", year AS "Год"
FROM raw_objectivity_list WHERE year = {{year}} ORDER BY school_login;
