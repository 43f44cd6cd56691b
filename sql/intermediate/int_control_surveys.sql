-- Completion of the ФИОКО questionnaires per participant and respondent group (DOMAIN §4.1). The
-- groups required are those present in the year's export (usually директор, учителя, ученики,
-- родители), so a region whose export omits a group is not failed for it, while a school missing a
-- row of a group the others have is. A group is completed when completed ≥ expected; with no
-- expected count, when at least one questionnaire is completed.
WITH status AS (
  SELECT school_login, respondent_group, expected, completed
  FROM stg_survey_status
  WHERE year = run_year()
),
groups AS (
  SELECT DISTINCT respondent_group FROM status
)
SELECT
  run_year() AS year,
  p.school_login,
  g.respondent_group,
  s.expected,
  s.completed,
  coalesce(CASE WHEN s.expected IS NULL THEN s.completed > 0 ELSE s.completed >= s.expected END, false)
    AS group_completed
FROM int_control_participants p
CROSS JOIN groups g
LEFT JOIN status s ON s.school_login = p.school_login AND s.respondent_group = g.respondent_group
