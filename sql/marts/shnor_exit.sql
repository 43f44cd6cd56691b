-- Share of a cohort's ШНОР that left the ФИОКО list (DOMAIN §4.11), per cohort, never pooled, for
-- the region and each municipality. Denominator: schools of the cohort that were in the list of
-- Y−1; numerator: those not in the list of Y. Without the list of Y (or of Y−1) as of the date,
-- the figures that need it are NULL and list_available says why — never 0 % leaving.
WITH counts AS (
  SELECT
    cohort,
    CASE WHEN grouping(municipality) = 1 THEN 'region' ELSE 'municipality' END AS scope,
    municipality_code,
    municipality,
    any_value(prev_list_year) AS prev_list_year,
    any_value(list_year) AS list_year,
    bool_and(prev_list_available) AS prev_list_available,
    bool_and(list_available) AS list_available,
    count(*) AS cohort_schools,
    count(*) FILTER (WHERE in_prev_list) AS in_prev_list,
    count(*) FILTER (WHERE in_prev_list AND in_list) AS stayed,
    count(*) FILTER (WHERE left_list) AS left_list,
    count(*) FILTER (WHERE left_list AND NOT participant_in_year) AS left_list_and_project,
    count(*) FILTER (WHERE participant_in_year) AS participants_in_year
  FROM shnor_exit_schools
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY GROUPING SETS ((cohort), (cohort, municipality_code, municipality))
),
known AS (
  -- what can be told as of the date: the base needs the list of Y−1, leaving needs both lists
  SELECT
    *,
    prev_list_available AND list_available AS outcome_known
  FROM counts
)
SELECT
  cohort,
  scope,
  municipality_code,
  municipality,
  prev_list_year,
  list_year,
  prev_list_available,
  list_available,
  cohort_schools,
  CASE WHEN prev_list_available THEN in_prev_list END AS in_prev_list,
  CASE WHEN outcome_known THEN stayed END AS stayed,
  CASE WHEN outcome_known THEN left_list END AS left_list,
  CASE WHEN outcome_known THEN share(left_list, in_prev_list) END AS share_left,
  CASE WHEN outcome_known THEN pct(left_list, in_prev_list, 1) END AS pct_left,
  CASE WHEN outcome_known THEN pct(left_list, in_prev_list, 0) END AS pct_left_whole,
  CASE WHEN outcome_known THEN left_list_and_project END AS left_list_and_project,
  participants_in_year
FROM known
