-- Schools of earlier cohorts that were in last year's ШНОР list: left it or stayed (those that stayed
-- need support to continue).
SELECT cohort, municipality_code, municipality, school_login, school_name,
       CASE WHEN met THEN 'вышла из перечня'
            WHEN NOT met THEN 'осталась в перечне'
            ELSE 'перечень ' || list_year || ' года не загружен' END AS outcome,
       CASE WHEN participant_in_year THEN 'да' ELSE 'нет' END AS in_project
FROM shnor_exit_schools
WHERE year = run_year() AND as_of = as_of_date() AND in_prev_list
ORDER BY cohort, met DESC NULLS LAST, municipality_code NULLS LAST, school_login
