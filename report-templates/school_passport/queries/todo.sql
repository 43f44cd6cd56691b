-- What the school and its curator are to do, one row an action, in the order of the indicators: the
-- documents and monitoring directions named one by one, the other indicators by what they lack.
WITH actions AS (
  -- What to do about each indicator: the reference table's wording, one for passports and summaries.
  SELECT indicator_code, action FROM ref_control_indicator
),
documents AS (
  SELECT d.school_login,
         list(CASE WHEN d.factor_code IS NULL THEN d.doc_type ELSE 'антирисковая программа «' || f.short_name || '»' END
              || ' (' || coalesce(d.curator_status, 'нет в ИС МЭДК') || ')'
              ORDER BY d.doc_order, d.factor_code) AS names
  FROM int_control_documents d
  LEFT JOIN ref_risk_factor f USING (factor_code)
  WHERE NOT d.approved
  GROUP BY d.school_login
),
directions AS (
  SELECT school_login, stage,
         list('«' || factor_short_name || '»' ORDER BY factor_code) FILTER (WHERE NOT reported) AS not_reported,
         list('«' || factor_short_name || '»' ORDER BY factor_code) FILTER (WHERE reported AND NOT confirmed_by_curator)
           AS not_confirmed
  FROM monitoring_directions
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY school_login, stage
),
not_met AS (
  SELECT s.school_login, s.indicator_order, s.indicator_code, s.evidence, a.action
  FROM control_indicators_schools s
  JOIN actions a USING (indicator_code)
  WHERE s.year = run_year() AND s.as_of = as_of_date() AND NOT s.met
    AND (getvariable('school') IS NULL OR s.school_login = getvariable('school'))
),
items AS (
  -- documents: each one not approved, with its status
  SELECT n.school_login, n.indicator_order, 1 AS part, 'довести до согласования с куратором документы: ' AS lead, d.names
  FROM not_met n JOIN documents d USING (school_login)
  WHERE n.indicator_code = 'documents_approved'
  UNION ALL
  -- monitoring: directions not submitted, then directions submitted but not confirmed
  SELECT n.school_login, n.indicator_order, 1,
         'сдать данные мониторинга этапа ' || m.stage || ' по ' ||
         CASE WHEN len(m.not_reported) = 1 THEN 'направлению ' ELSE 'направлениям ' END, m.not_reported
  FROM not_met n JOIN directions m ON m.school_login = n.school_login
   AND n.indicator_code = 'monitoring_stage' || m.stage || '_confirmed'
  WHERE len(m.not_reported) > 0
  UNION ALL
  SELECT n.school_login, n.indicator_order, 2,
         'куратору — рассмотреть и подтвердить данные этапа ' || m.stage || ' по ' ||
         CASE WHEN len(m.not_confirmed) = 1 THEN 'направлению ' ELSE 'направлениям ' END, m.not_confirmed
  FROM not_met n JOIN directions m ON m.school_login = n.school_login
   AND n.indicator_code = 'monitoring_stage' || m.stage || '_confirmed'
  WHERE len(m.not_confirmed) > 0
),
-- the other indicators, by what they lack; monitoring is left out while no direction is activated (that
-- indicator's own action comes first)
general AS (
  SELECT n.school_login, n.indicator_order, 1 AS part, n.action || ' (' || n.evidence || ')' AS lead,
         CAST([] AS VARCHAR[]) AS names
  FROM not_met n
  WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.school_login = n.school_login AND i.indicator_order = n.indicator_order)
    AND NOT (n.indicator_code LIKE 'monitoring%' AND EXISTS (
      SELECT 1 FROM not_met d WHERE d.school_login = n.school_login AND d.indicator_code = 'directions_activated'))
)
-- names joined as a sentence does: «А», «Б» и «В»
SELECT school_login, indicator_order, part,
       lead || CASE WHEN len(names) <= 1 THEN coalesce(names[1], '')
                    ELSE array_to_string(names[1:len(names) - 1], ', ') || ' и ' || names[len(names)] END AS todo
FROM (SELECT * FROM items UNION ALL SELECT * FROM general)
ORDER BY school_login, indicator_order, part
