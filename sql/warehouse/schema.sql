-- The warehouse's own tables: the load log, versions of partitions, rejected values.
-- Raw tables (raw_<source>) are created by the load step from the source contracts.

CREATE SEQUENCE IF NOT EXISTS load_batch_seq START 1;

CREATE TABLE IF NOT EXISTS warehouse_meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS load_batch (
  batch_id INTEGER PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  file_path VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  sheets VARCHAR,
  snapshot_date DATE NOT NULL,
  snapshot_origin VARCHAR NOT NULL,
  meta JSON,
  contract_fingerprint VARCHAR NOT NULL,
  registry_batch INTEGER,
  rows_read INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rows_skipped INTEGER NOT NULL,
  skipped_by_reason JSON,
  warnings JSON,
  status VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL,
  ended_at TIMESTAMP NOT NULL,
  unloaded_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS batch_partition (
  batch_id INTEGER NOT NULL,
  source VARCHAR NOT NULL,
  partition_key VARCHAR NOT NULL,
  snapshot_date DATE NOT NULL,
  rows INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS rejects (
  batch_id INTEGER NOT NULL,
  source VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sheet VARCHAR,
  line INTEGER NOT NULL,
  column_name VARCHAR,
  value VARCHAR,
  reason VARCHAR NOT NULL,
  school_login VARCHAR
);

CREATE TABLE IF NOT EXISTS reference_version (
  name VARCHAR PRIMARY KEY,
  sha256 VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);

-- For every partition of a source, the version current as of a date: the latest snapshot on or
-- before it (ties: the later load). Staging views join raw_<source> on (batch_id, partition_key).
CREATE OR REPLACE MACRO partition_as_of(src, as_of) AS TABLE
  SELECT partition_key, batch_id, snapshot_date
  FROM (
    SELECT bp.partition_key, bp.batch_id, bp.snapshot_date,
           row_number() OVER (PARTITION BY bp.partition_key ORDER BY bp.snapshot_date DESC, bp.batch_id DESC) AS rn
    FROM batch_partition bp
    JOIN load_batch b USING (batch_id)
    WHERE bp.source = src AND b.status = 'loaded' AND bp.snapshot_date <= CAST(as_of AS DATE)
  )
  WHERE rn = 1;

-- Models: what was built for which parameters, from which inputs (a fingerprint of the SQL, the
-- input versions, the reference tables and the parameters); a mart is rebuilt only when it changed.
CREATE TABLE IF NOT EXISTS model_build (
  model VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  as_of DATE NOT NULL,
  fingerprint VARCHAR NOT NULL,
  rows BIGINT,
  seconds DOUBLE NOT NULL,
  built_at TIMESTAMP NOT NULL,
  PRIMARY KEY (model, year, as_of)
);

-- Data tests: the outcome of each test per run; the failing rows are kept in audit.<model>__<test>.
CREATE SCHEMA IF NOT EXISTS audit;
CREATE TABLE IF NOT EXISTS test_result (
  test VARCHAR NOT NULL,
  model VARCHAR,
  severity VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  failures BIGINT,
  audit_table VARCHAR,
  year INTEGER NOT NULL,
  as_of DATE NOT NULL,
  message VARCHAR,
  run_at TIMESTAMP NOT NULL,
  PRIMARY KEY (test, year, as_of)
);
