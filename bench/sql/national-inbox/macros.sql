-- Cell formats of a Russian export: ДД.ММ.ГГГГ, «да»/«нет», decimal comma, no trailing «,0».
CREATE OR REPLACE TEMP MACRO d(x) AS strftime(x, '%d.%m.%Y');
CREATE OR REPLACE TEMP MACRO b(x) AS CASE WHEN x THEN 'да' WHEN NOT x THEN 'нет' END;
CREATE OR REPLACE TEMP MACRO n(x) AS replace(regexp_replace(CAST(x AS VARCHAR), '\.0$', ''), '.', ',');
