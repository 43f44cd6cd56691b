-- The outcome school by school (DOMAIN §4.11): each school of a cohort that entered «500+» before
-- the run year Y, with its place in the ФИОКО ШНОР lists of Y−1 and Y. met = left the list; NULL
-- when it does not apply (not in the list of Y−1) or cannot be told yet (list of Y not loaded).
SELECT
  cohort,
  municipality_code,
  municipality,
  school_login,
  school_name,
  prev_list_year,
  list_year,
  prev_list_available,
  list_available,
  in_prev_list,
  in_list,
  left_list,
  left_list AS met,
  participant_in_year
FROM int_exit_cohort_schools
