-- file: roadmap/ispolnenie_dorozhnoy_karty_{{year}}.csv
-- years: raw_roadmap_status
SELECT roadmap_code AS "Дорожная карта", year AS "Год", item_no AS "№ п/п", status AS "Статус исполнения",
       d(done_at) AS "Дата выполнения", evidence AS "Подтверждающий документ"
FROM raw_roadmap_status WHERE year = {{year}} ORDER BY _line;
