-- The outcome (DOMAIN §4.11): per cohort that entered before the year, the share that left the ФИОКО
-- ШНОР list between last year's list and this year's; never pooled across cohorts.
SELECT cohort, 'Когорта ' || cohort || ' года' AS cohort_label, prev_list_year, list_year,
       prev_list_available, list_available, cohort_schools, in_prev_list, stayed, left_list, share_left,
       left_list_and_project, participants_in_year
FROM shnor_exit
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
ORDER BY cohort
