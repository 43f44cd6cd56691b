-- Every school listed in a registry version on or before the run date, with its history as of
-- that date (like school_registry_history, which reads every version): attributes from the latest
-- version that lists it; open when the latest version lists it; valid from the first version that
-- lists it until the first later version that no longer does (closed, never erased).
-- Versions are ordered as partition_as_of orders them: snapshot date, then the later load.
WITH versions AS (
  SELECT bp.batch_id, bp.snapshot_date,
         row_number() OVER (ORDER BY bp.snapshot_date, bp.batch_id) AS version_no
  FROM batch_partition bp
  JOIN load_batch b USING (batch_id)
  WHERE bp.source = 'schools' AND b.status = 'loaded' AND bp.snapshot_date <= as_of_date()
),
presence AS (
  SELECT r.*, v.snapshot_date, v.version_no
  FROM raw_schools r
  JOIN versions v ON r._batch_id = v.batch_id
),
spans AS (
  SELECT school_login, min(snapshot_date) AS valid_from, max(version_no) AS last_version
  FROM presence
  GROUP BY school_login
),
latest AS (
  SELECT * FROM presence
  QUALIFY row_number() OVER (PARTITION BY school_login ORDER BY version_no DESC, _sheet DESC, _line DESC) = 1
)
SELECT
  l.school_login,
  trim(l.school_name) AS school_name,
  trim(l.municipality) AS municipality,
  trim(l.municipality_code) AS municipality_code,
  coalesce(trim(l.region_code), substr(l.school_login, 4, 2)) AS region_code,
  trim(l.rcoi_code) AS rcoi_code,
  l.settlement_type,
  l.students_total,
  l.is_small_school,
  s.last_version = (SELECT max(version_no) FROM versions) AS is_open,
  s.valid_from,
  nv.snapshot_date AS valid_to
FROM latest l
JOIN spans s USING (school_login)
LEFT JOIN versions nv ON nv.version_no = s.last_version + 1
