-- file: roadmap/dorozhnaya_karta_{{year}}.csv
-- years: raw_roadmap
SELECT roadmap_code AS "Дорожная карта", year AS "Год", item_no AS "№ п/п", task AS "Наименование мероприятия",
       period AS "Сроки реализации", executor AS "Ответственные исполнители", indicator AS "Показатель реализации"
FROM raw_roadmap WHERE year = {{year}} ORDER BY _line;
