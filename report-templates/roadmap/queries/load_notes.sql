-- What the roadmap files of the run year lost on the way in, so the note never counts silently less
-- than the files hold: rows rejected at ingest in the versions in force on the date, and rows whose
-- item number repeats within one version (staging keeps the last of them); and whether any progress
-- report (roadmap_status) of the year is loaded at all.
WITH current_versions AS (
  SELECT 'roadmap' AS source, batch_id, partition_key FROM partition_as_of('roadmap', as_of_date())
  UNION ALL
  SELECT 'roadmap_status', batch_id, partition_key FROM partition_as_of('roadmap_status', as_of_date())
),
of_year AS (
  SELECT DISTINCT source, batch_id FROM current_versions
  WHERE partition_key LIKE '%year=' || run_year() || '%'
),
-- a rejected row has one entry per faulty cell: rows are counted by file, sheet and line
rejected AS (
  SELECT count(DISTINCT (r.batch_id, r.sheet, r.line)) AS n
  FROM rejects r JOIN of_year y ON r.batch_id = y.batch_id AND r.source = y.source
),
repeated AS (
  SELECT coalesce(sum(n - 1), 0) AS n FROM (
    SELECT count(*) AS n
    FROM raw_roadmap r
    JOIN partition_as_of('roadmap', as_of_date()) p ON r._batch_id = p.batch_id AND r._partition = p.partition_key
    WHERE r.year = run_year()
    GROUP BY trim(r.roadmap_code), r.year, trim(r.item_no), r._batch_id
    HAVING count(*) > 1
  )
)
SELECT
  (SELECT n FROM rejected) AS rows_rejected,
  (SELECT n FROM repeated) AS rows_repeated,
  (SELECT count(*) FROM stg_roadmap_status WHERE year = run_year()) AS status_rows
ORDER BY rows_rejected
