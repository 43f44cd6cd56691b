-- The load log entry of a file's version $batch: what was read, loaded, rejected and skipped, and why.
INSERT INTO load_batch VALUES (
  $batch, $file, $path, $sha, $source, $sheet, CAST($snapshot AS DATE), $snapOrigin, $meta, $fingerprint,
  $registry, $read, $loaded, $rejected, $skipped, $skippedBy, $warnings, 'loaded',
  CAST($started AS TIMESTAMP), current_localtimestamp(), NULL
)
