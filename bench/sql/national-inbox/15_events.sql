-- file: events/meropriyatiya_{{year}}.csv
-- years: raw_events
SELECT event_id AS "Код мероприятия", event_name AS "Название мероприятия", event_kind AS "Вид мероприятия",
       d(event_date) AS "Дата мероприятия", school_login AS "Логин ОО", attendance AS "Форма участия"
FROM raw_events WHERE year = {{year}} ORDER BY event_date, event_id, school_login;
