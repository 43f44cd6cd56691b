-- file: fioko/rpsh_{{year}}.csv
-- years: raw_risk_profiles
SELECT year AS "Год", school_login AS "Логин", factor_code AS "Фактор риска", risk_level AS "Уровень риска"
FROM raw_risk_profiles WHERE year = {{year}} ORDER BY school_login, factor_code;
