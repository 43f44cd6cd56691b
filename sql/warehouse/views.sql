-- Views over the raw tables that exist once the registry has been loaded.

-- The school registry with history: a school is valid from the first registry version that lists
-- it until the first later version that no longer does (closed, never erased). Attributes come
-- from the latest version that lists it.
CREATE OR REPLACE VIEW school_registry_history AS
WITH versions AS (
  SELECT DISTINCT b.batch_id, b.snapshot_date
  FROM load_batch b
  WHERE b.source = 'schools' AND b.status = 'loaded'
),
presence AS (
  SELECT r.school_login, v.snapshot_date, v.batch_id, r.school_name, r.municipality, r.municipality_code,
         r.region_code, r.rcoi_code, r.settlement_type, r.students_total, r.is_small_school
  FROM raw_schools r
  JOIN versions v ON r._batch_id = v.batch_id
),
spans AS (
  SELECT school_login, min(snapshot_date) AS valid_from, max(snapshot_date) AS last_seen
  FROM presence
  GROUP BY school_login
),
latest AS (
  SELECT * FROM presence
  QUALIFY row_number() OVER (PARTITION BY school_login ORDER BY snapshot_date DESC, batch_id DESC) = 1
)
SELECT l.school_login, l.school_name, l.municipality, l.municipality_code, l.region_code, l.rcoi_code,
       l.settlement_type, l.students_total, l.is_small_school, s.valid_from,
       (SELECT min(v.snapshot_date) FROM versions v WHERE v.snapshot_date > s.last_seen) AS valid_to
FROM latest l
JOIN spans s USING (school_login);
