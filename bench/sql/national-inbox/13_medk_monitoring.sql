-- file: medk/monitoring_{{year}}.csv
-- years: raw_medk_monitoring
SELECT school_login AS "Логин ОО", year AS "Год", stage AS "Этап мониторинга", factor_code AS "Код фактора",
       indicator AS "Показатель", n(baseline_value) AS "Базовое значение", n(target_value) AS "Целевое значение",
       n(actual_value) AS "Фактическое значение", b(positive_change) AS "Положительная динамика",
       b(confirmed_by_curator) AS "Подтверждено куратором", d(submitted_at) AS "Дата внесения"
FROM raw_medk_monitoring WHERE year = {{year}} ORDER BY school_login, stage;
