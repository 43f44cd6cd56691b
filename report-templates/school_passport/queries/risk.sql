-- The school's risk profile: each of the ten factors with its РПШ level and whether the direction is
-- activated in ИС МЭДК, beside the share of the region's participants that activated it.
WITH region AS (
  SELECT factor_code, share_activated
  FROM risk_picture
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
)
SELECT d.school_login, d.factor_code, f.name AS factor_name, d.short_name,
       d.risk_level,
       CASE d.risk_level WHEN 3 THEN 'высокий' WHEN 2 THEN 'средний' WHEN 1 THEN 'низкий'
                         WHEN 0 THEN 'отсутствует' ELSE 'нет в РПШ' END AS level_name,
       d.activated,
       d.activated_at,
       CASE WHEN NOT d.activated THEN 'не активировано'
            WHEN d.activated_at IS NULL THEN 'активировано'
            ELSE 'активировано ' || strftime(d.activated_at, '%d.%m.%Y') END AS activated_text,
       r.share_activated AS region_share_activated
FROM int_risk_directions d
JOIN ref_risk_factor f USING (factor_code)
LEFT JOIN region r USING (factor_code)
WHERE getvariable('school') IS NULL OR d.school_login = getvariable('school')
ORDER BY d.school_login, d.factor_code
