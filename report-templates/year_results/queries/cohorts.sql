-- Participants of the year counted by the control indicators (included by the date), by cohort (year of
-- entry), and the year whose ШНОР list will show the outcome of this year's cohort.
SELECT cohort, count(*)::INTEGER AS schools, CAST(run_year() + 1 AS INTEGER) AS next_year
FROM int_control_participants
GROUP BY cohort
ORDER BY cohort
