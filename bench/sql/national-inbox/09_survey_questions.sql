-- file: surveys/voprosy_regionalnoy_ankety.csv
SELECT question_code AS "Код вопроса", factor_code AS "Код фактора", text AS "Текст вопроса", scale AS "Шкала"
FROM raw_survey_questions ORDER BY question_code;
