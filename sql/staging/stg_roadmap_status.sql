-- Progress of the regional roadmap's items, per roadmap and year, as of the run date.
SELECT
  trim(r.roadmap_code) AS roadmap_code,
  r.year,
  trim(r.item_no) AS item_no,
  r.status,
  r.done_at,
  trim(r.evidence) AS evidence,
  r._batch_id AS batch_id
FROM raw_roadmap_status r
JOIN partition_as_of('roadmap_status', as_of_date()) p
  ON r._batch_id = p.batch_id AND r._partition = p.partition_key
QUALIFY row_number() OVER (
  PARTITION BY trim(r.roadmap_code), r.year, trim(r.item_no)
  ORDER BY r._batch_id DESC, r._sheet DESC, r._line DESC
) = 1
