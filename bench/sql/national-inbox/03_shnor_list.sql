-- file: fioko/перечень_ШНОР_{{year}}.csv
-- years: raw_shnor_list
SELECT school_login AS "Логин ОО", year AS "Год" FROM raw_shnor_list WHERE year = {{year}} ORDER BY school_login;
