-- Registers the generated rows of raw_{{source}} as loaded versions, as the ingest would: one
-- load_batch row per batch, one batch_partition row per partition it holds. Snapshot: the run date,
-- except the school registry's two versions (1 Sep 2025, 1 Sep 2026).
INSERT INTO batch_partition
SELECT _batch_id, '{{source}}', _partition,
       CASE WHEN '{{source}}' = 'schools' AND _batch_id % 100 = 1 THEN DATE '2025-09-01'
            WHEN '{{source}}' = 'schools' THEN DATE '2026-09-01'
            ELSE DATE '2026-10-31' END,
       CAST(count(*) AS INTEGER)
FROM raw_{{source}}
GROUP BY _batch_id, _partition;

INSERT INTO load_batch
SELECT b.batch_id, '{{source}}_' || b.batch_id || '.csv', 'bench-data/national/{{source}}_' || b.batch_id || '.csv',
       sha256('{{source}}' || b.batch_id), '{{source}}', NULL, p.snapshot_date, 'генератор национального хранилища',
       NULL, 'bench-national', NULL, b.n, b.n, 0, 0, NULL, NULL, 'loaded',
       TIMESTAMP '2026-10-31 12:00:00', TIMESTAMP '2026-10-31 12:00:00', NULL
FROM (SELECT _batch_id AS batch_id, CAST(count(*) AS INTEGER) AS n FROM raw_{{source}} GROUP BY _batch_id) b
JOIN (SELECT DISTINCT batch_id, snapshot_date FROM batch_partition WHERE source = '{{source}}') p USING (batch_id);
