-- Monitoring of positive changes per activated direction: each stage in words (not submitted; submitted,
-- not confirmed by the curator; confirmed) and whether the indicator moved toward its target.
WITH stages AS (
  SELECT school_login, factor_code, factor_short_name, stage, reported, confirmed_by_curator,
         moved_toward_target, submitted_at,
         CASE
           WHEN NOT reported THEN 'не сданы'
           WHEN NOT confirmed_by_curator THEN 'сданы, не подтверждены куратором'
           ELSE 'подтверждены куратором'
         END
         || CASE WHEN reported AND moved_toward_target THEN '; сдвиг к цели'
                 WHEN reported AND NOT moved_toward_target THEN '; сдвига к цели нет'
                 ELSE '' END AS status
  FROM monitoring_directions
  WHERE year = run_year() AND as_of = as_of_date()
    AND (getvariable('school') IS NULL OR school_login = getvariable('school'))
)
SELECT school_login, factor_code, any_value(factor_short_name) AS direction,
       any_value(status) FILTER (WHERE stage = 1) AS stage1,
       any_value(status) FILTER (WHERE stage = 2) AS stage2,
       bool_or(confirmed_by_curator) FILTER (WHERE stage = 1) AS confirmed1,
       bool_or(confirmed_by_curator) FILTER (WHERE stage = 2) AS confirmed2,
       bool_or(reported) FILTER (WHERE stage = 2) AS reported2
FROM stages
GROUP BY school_login, factor_code
ORDER BY school_login, factor_code
