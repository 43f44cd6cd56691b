-- The appendix on data quality: for each source the report needs (report_calendar), the files it is
-- read from as of the report's date (each partition's latest version on or before it) and what
-- became of their rows. A source with no file gives one row with files = 0. `files_year` counts only
-- the files of the report's year (partitions keyed by another year do not count): a section needing a
-- source with files_year = 0 says «Нет данных».
WITH needed AS (
  SELECT DISTINCT trim(unnest(string_split(sources, '|'))) AS source
  FROM ref_report_calendar
  WHERE report = getvariable('report')
),
current_partitions AS (
  SELECT bp.source, bp.batch_id,
         bp.partition_key NOT LIKE '%year=%' OR bp.partition_key LIKE '%year=' || run_year() || '%' AS of_year
  FROM batch_partition bp
  JOIN load_batch b USING (batch_id)
  WHERE b.status = 'loaded' AND bp.snapshot_date <= as_of_date()
  QUALIFY row_number() OVER (PARTITION BY bp.source, bp.partition_key
                             ORDER BY bp.snapshot_date DESC, bp.batch_id DESC) = 1
),
current_batches AS (
  SELECT source, batch_id, bool_or(of_year) AS of_year
  FROM current_partitions
  GROUP BY source, batch_id
)
SELECT n.source,
       count(b.batch_id)::INTEGER AS files,
       count(b.batch_id) FILTER (WHERE c.of_year)::INTEGER AS files_year,
       min(b.snapshot_date) AS first_snapshot,
       max(b.snapshot_date) AS last_snapshot,
       coalesce(sum(b.rows_read), 0)::INTEGER AS rows_read,
       coalesce(sum(b.rows_loaded), 0)::INTEGER AS rows_loaded,
       coalesce(sum(b.rows_rejected), 0)::INTEGER AS rows_rejected,
       coalesce(sum(b.rows_skipped), 0)::INTEGER AS rows_skipped
FROM needed n
LEFT JOIN current_batches c ON c.source = n.source
LEFT JOIN load_batch b ON b.batch_id = c.batch_id
GROUP BY n.source
ORDER BY n.source
