-- file: medk/napravleniya_{{year}}.csv
-- years: raw_medk_directions
SELECT school_login AS "Логин ОО", year AS "Год", factor_code AS "Код фактора", b(activated) AS "Активировано",
       d(activated_at) AS "Дата активации", b(verified_by_curator) AS "Подтверждено куратором"
FROM raw_medk_directions WHERE year = {{year}} ORDER BY school_login, factor_code;
