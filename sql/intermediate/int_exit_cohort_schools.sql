-- Schools of each «500+» cohort and their place in the ФИОКО ШНОР lists around the run year Y
-- (DOMAIN §4.11). The outcome of year Y is leaving between two consecutive lists: a cohort school
-- that was in the list of Y−1 and is not in the list of Y has left. Only cohorts that entered
-- before Y: a cohort of Y was selected from the list of Y itself, its «next year» is Y+1.
-- Cohort membership comes from every participants list up to Y as of the date (a school that left
-- the list usually leaves the project too, so Y's participants alone would miss it); a school that
-- entered twice belongs to both cohorts — cohorts are never pooled.
-- A list that is not loaded as of the date is not «nobody listed»: list_available says so and the
-- flags that depend on it stay NULL.
WITH cohort_schools AS (
  SELECT DISTINCT cohort, school_login
  FROM stg_participants
  WHERE year <= run_year() AND cohort < run_year()
),
lists AS (
  SELECT
    count(*) FILTER (WHERE year = run_year() - 1) > 0 AS prev_list_available,
    count(*) FILTER (WHERE year = run_year()) > 0 AS list_available
  FROM stg_shnor_list
),
flags AS (
  SELECT
    c.cohort,
    c.school_login,
    l.prev_list_available,
    l.list_available,
    CASE WHEN l.prev_list_available
         THEN EXISTS (SELECT 1 FROM stg_shnor_list x WHERE x.year = run_year() - 1 AND x.school_login = c.school_login)
    END AS in_prev_list,
    CASE WHEN l.list_available
         THEN EXISTS (SELECT 1 FROM stg_shnor_list x WHERE x.year = run_year() AND x.school_login = c.school_login)
    END AS in_list,
    EXISTS (SELECT 1 FROM stg_participants p WHERE p.year = run_year() AND p.school_login = c.school_login)
      AS participant_in_year
  FROM cohort_schools c
  CROSS JOIN lists l
)
SELECT
  f.cohort,
  f.school_login,
  coalesce(s.school_name, f.school_login) AS school_name,
  s.municipality_code,
  -- a school the registry does not know keeps a placeholder, so region = sum of municipalities
  coalesce(s.municipality, 'нет в реестре ОО') AS municipality,
  CAST(run_year() - 1 AS INTEGER) AS prev_list_year,
  CAST(run_year() AS INTEGER) AS list_year,
  f.prev_list_available,
  f.list_available,
  f.in_prev_list,
  f.in_list,
  -- left: in the list of Y−1, not in the list of Y; unknown without either list; not applicable
  -- (NULL) to a school that was not in the list of Y−1
  CASE WHEN f.in_prev_list AND f.list_available THEN NOT f.in_list END AS left_list,
  f.participant_in_year
FROM flags f
LEFT JOIN int_schools s USING (school_login)
