-- The regional roadmap, per roadmap and year, as of the run date: one row per item. item_no is
-- text as the export numbers it («1.», «33»); period_start / period_end are empty when the
-- period could not be read.
SELECT
  trim(r.roadmap_code) AS roadmap_code,
  r.year,
  trim(r.item_no) AS item_no,
  trim(r.task) AS task,
  trim(r.period) AS period,
  r.period_start,
  r.period_end,
  trim(r.executor) AS executor,
  trim(r.indicator) AS indicator,
  r._batch_id AS batch_id
FROM raw_roadmap r
JOIN partition_as_of('roadmap', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY trim(r.roadmap_code), r.year, trim(r.item_no)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
