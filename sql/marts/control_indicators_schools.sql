-- Показатели для контроля включенности региона (DOMAIN §4.1), one row per participant of the run
-- year × indicator: met or not as of the run date, the date behind it and a short evidence line in
-- Russian. Its NOT met rows are the lists sent to each municipality. The indicator list (code,
-- name, order) is ref_control_indicator: an indicator dropped from it is dropped from the marts.
WITH participants AS (
  SELECT school_login, school_name, municipality_code, municipality, curator_name, curator_assigned_at
  FROM int_control_participants
),
-- A curator counts when assigned on or before the date; a curator named without a date counts too.
curator AS (
  SELECT
    school_login,
    'curator_assigned' AS indicator_code,
    CASE
      WHEN curator_assigned_at IS NOT NULL THEN curator_assigned_at <= as_of_date()
      ELSE coalesce(curator_name, '') <> ''
    END AS met,
    curator_assigned_at AS evidence_date,
    CASE
      WHEN curator_assigned_at > as_of_date()
        THEN 'назначение куратора ' || strftime(curator_assigned_at, '%d.%m.%Y') || ' — после даты расчёта'
      WHEN coalesce(curator_name, '') <> '' THEN 'куратор: ' || curator_name
      WHEN curator_assigned_at IS NOT NULL THEN 'куратор назначен, ФИО не указано'
      ELSE 'куратор не назначен'
    END AS evidence
  FROM participants
),
surveys AS (
  SELECT
    school_login,
    'surveys_completed' AS indicator_code,
    count(*) > 0 AND bool_and(group_completed) AS met,
    CAST(NULL AS DATE) AS evidence_date,
    CASE
      WHEN count(*) = 0 THEN 'нет данных о заполнении анкет'
      WHEN bool_and(group_completed) THEN 'завершено всеми группами: ' || count(*)
      ELSE 'не завершено: ' || string_agg(
        respondent_group || ' (' || coalesce(CAST(completed AS VARCHAR), 'нет данных')
          || coalesce(' из ' || CAST(expected AS VARCHAR), '') || ')',
        ', ' ORDER BY respondent_group) FILTER (WHERE NOT group_completed)
    END AS evidence
  FROM int_control_surveys
  GROUP BY school_login
),
-- In-person attendance at an установочный семинар of the year held on or before the date.
seminar_rows AS (
  SELECT school_login, event_date, attendance
  FROM stg_events
  WHERE year = run_year() AND event_kind = 'установочный семинар' AND event_date <= as_of_date()
),
seminar AS (
  SELECT
    school_login,
    'seminar_attended' AS indicator_code,
    count_if(attendance = 'очно') > 0 AS met,
    coalesce(min(event_date) FILTER (WHERE attendance = 'очно'), max(event_date)) AS evidence_date,
    CASE
      WHEN count_if(attendance = 'очно') > 0 THEN 'очно'
      ELSE 'участие: ' || string_agg(DISTINCT attendance, ', ')
    END AS evidence
  FROM seminar_rows
  GROUP BY school_login
),
visit_rows AS (
  SELECT school_login, visit_date
  FROM stg_curator_visits
  WHERE year = run_year() AND visit_date <= as_of_date()
),
visits AS (
  SELECT
    school_login,
    'curator_visited' AS indicator_code,
    true AS met,
    min(visit_date) AS evidence_date,
    'посещений: ' || count(*) || ', первое ' || strftime(min(visit_date), '%d.%m.%Y') AS evidence
  FROM visit_rows
  GROUP BY school_login
),
directions AS (
  SELECT
    a.school_login,
    'directions_activated' AS indicator_code,
    true AS met,
    min(a.activated_at) AS evidence_date,
    'направлений: ' || count(*) || ' (' || string_agg(f.short_name, ', ' ORDER BY a.factor_code) || ')' AS evidence
  FROM int_control_directions a
  LEFT JOIN ref_risk_factor f ON f.factor_code = a.factor_code
  GROUP BY a.school_login
),
-- All required documents approved; a school with no activated direction has no антирисковая
-- программа to approve and does not meet the indicator.
documents AS (
  SELECT
    d.school_login,
    'documents_approved' AS indicator_code,
    count_if(d.doc_type = 'антирисковая программа') > 0 AND bool_and(d.approved) AS met,
    max(d.curator_status_at) FILTER (WHERE d.approved) AS evidence_date,
    CASE
      WHEN count_if(d.doc_type = 'антирисковая программа') = 0 THEN 'нет активированных направлений'
      WHEN bool_and(d.approved) THEN 'согласовано документов: ' || count(*)
      ELSE 'согласовано ' || count_if(d.approved) || ' из ' || count(*) || '; не согласованы: ' || string_agg(
        CASE WHEN d.factor_code IS NULL THEN d.doc_type ELSE d.doc_type || ' (' || coalesce(f.short_name, CAST(d.factor_code AS VARCHAR)) || ')' END
          || ' — ' || CASE
            WHEN d.curator_status IS NULL THEN 'нет в ИС МЭДК'
            WHEN d.curator_status = 'согласовано' THEN 'согласовано ' || strftime(d.curator_status_at, '%d.%m.%Y') || ', после даты расчёта'
            ELSE d.curator_status
          END,
        '; ' ORDER BY d.doc_order, d.factor_code) FILTER (WHERE NOT d.approved)
    END AS evidence
  FROM int_control_documents d
  LEFT JOIN ref_risk_factor f ON f.factor_code = d.factor_code
  GROUP BY d.school_login
),
monitoring AS (
  SELECT
    m.school_login,
    'monitoring_stage' || m.stage || '_confirmed' AS indicator_code,
    bool_and(m.confirmed_by_curator) AS met,
    max(m.submitted_at) AS evidence_date,
    CASE
      WHEN bool_and(m.confirmed_by_curator) THEN 'подтверждено направлений: ' || count(*)
      ELSE concat_ws('; ',
        'подтверждено ' || count_if(m.confirmed_by_curator) || ' из ' || count(*),
        'не сданы: ' || string_agg(coalesce(f.short_name, CAST(m.factor_code AS VARCHAR)), ', ' ORDER BY m.factor_code)
          FILTER (WHERE NOT m.reported),
        'не подтверждены куратором: ' || string_agg(coalesce(f.short_name, CAST(m.factor_code AS VARCHAR)), ', ' ORDER BY m.factor_code)
          FILTER (WHERE m.reported AND NOT m.confirmed_by_curator))
    END AS evidence
  FROM int_monitoring_stages m
  LEFT JOIN ref_risk_factor f ON f.factor_code = m.factor_code
  GROUP BY m.school_login, m.stage
),
results AS (
  SELECT school_login, indicator_code, met, evidence_date, evidence FROM curator
  UNION ALL SELECT school_login, indicator_code, met, evidence_date, evidence FROM surveys
  UNION ALL SELECT school_login, indicator_code, met, evidence_date, evidence FROM seminar
  UNION ALL SELECT school_login, indicator_code, met, evidence_date, evidence FROM visits
  UNION ALL SELECT school_login, indicator_code, met, evidence_date, evidence FROM directions
  UNION ALL SELECT school_login, indicator_code, met, evidence_date, evidence FROM documents
  UNION ALL SELECT school_login, indicator_code, met, evidence_date, evidence FROM monitoring
),
-- What a school with no row for an indicator is told (no seminar, no visit, no direction…).
absent AS (
  SELECT * FROM (VALUES
    ('surveys_completed', 'нет данных о заполнении анкет'),
    ('seminar_attended', 'нет отметки об участии в установочном семинаре'),
    ('curator_visited', 'посещений куратора нет'),
    ('directions_activated', 'активированных направлений нет'),
    ('documents_approved', 'нет активированных направлений'),
    ('monitoring_stage1_confirmed', 'нет активированных направлений'),
    ('monitoring_stage2_confirmed', 'нет активированных направлений')
  ) AS t(indicator_code, evidence)
)
SELECT
  i.indicator_code,
  CAST(i.indicator_order AS INTEGER) AS indicator_order,
  i.indicator_name,
  p.municipality_code,
  p.municipality,
  p.school_login,
  p.school_name,
  coalesce(r.met, false) AS met,
  r.evidence_date,
  coalesce(r.evidence, a.evidence) AS evidence
FROM participants p
CROSS JOIN ref_control_indicator i
LEFT JOIN results r ON r.school_login = p.school_login AND r.indicator_code = i.indicator_code
LEFT JOIN absent a ON a.indicator_code = i.indicator_code
