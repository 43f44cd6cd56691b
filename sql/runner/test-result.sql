-- The outcome of one data test for one run (shnor test).
INSERT OR REPLACE INTO test_result
VALUES ($test, $model, $severity, $status, $failures, $audit, $year, CAST($as_of AS DATE), $message, current_timestamp)
