-- file: regional/regionalnaya_programma_{{year}}.csv
-- years: raw_regional_programme
SELECT school_login AS "Логин ОО", category AS "Категория", year AS "Год"
FROM raw_regional_programme WHERE year = {{year}} ORDER BY school_login;
