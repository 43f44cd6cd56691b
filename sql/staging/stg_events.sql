-- Attendance of schools at seminars and webinars, per calendar year of the event, as of the run date.
-- event_kind is free text: lower case with single spaces, so «Установочный  семинар» is
-- «установочный семинар» (the kind §4.1 counts).
SELECT
  r.year,
  trim(r.event_id) AS event_id,
  trim(r.event_name) AS event_name,
  lower(regexp_replace(trim(r.event_kind), '\s+', ' ', 'g')) AS event_kind,
  r.event_date,
  r.school_login,
  r.attendance,
  r._batch_id AS batch_id
FROM raw_events r
JOIN partition_as_of('events', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (PARTITION BY trim(r.event_id), r.school_login ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC) = 1
