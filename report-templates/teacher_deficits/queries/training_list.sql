-- «Для служебного пользования»: teachers with a deficit found this year in a block not yet closed by a
-- completed course of that block by the date — whom ДИРО still has to send to a course. Code as the
-- data holds it, school, block, worst and latest band, courses begun but not completed. Only in the
-- restricted XLSX (restricted: true), never in the PDF or HTML.
SELECT municipality_code, municipality, school_login, school_name, teacher_id, block,
       worst_band, latest_wave, latest_band, courses_not_completed::INTEGER AS courses_not_completed
FROM teacher_training
WHERE year = run_year() AND as_of = as_of_date() AND deficit_found AND NOT covered
ORDER BY municipality_code, school_login, teacher_id, block
