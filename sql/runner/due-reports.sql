-- The reports due for a month (report_calendar, DOMAIN §5): those whose months list it, and those
-- without fixed months (after each wave) when one of their sources got a version dated in that month.
WITH calendar AS (
  SELECT report,
         list_transform(string_split(coalesce(months, ''), '|'), m -> TRY_CAST(trim(m) AS INTEGER)) AS months,
         list_transform(string_split(sources, '|'), s -> trim(s)) AS sources
  FROM ref_report_calendar
),
fresh AS (
  SELECT DISTINCT source
  FROM load_batch
  WHERE status = 'loaded'
    AND date_trunc('month', snapshot_date) = date_trunc('month', CAST(getvariable('as_of') AS DATE))
)
SELECT report
FROM calendar
WHERE list_contains(months, month(CAST(getvariable('as_of') AS DATE)))
   OR (list_filter(months, m -> m IS NOT NULL) = []
       AND EXISTS (SELECT 1 FROM fresh WHERE list_contains(sources, fresh.source)))
ORDER BY report
