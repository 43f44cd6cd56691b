-- The rule «положительная тенденция» as configured (ref_monitoring_rule), to say it in words.
SELECT CAST(max(value) FILTER (WHERE parameter = 'verdict_stage') AS INTEGER) AS verdict_stage,
       max(value) FILTER (WHERE parameter = 'min_share_confirmed') AS min_share_confirmed,
       max(value) FILTER (WHERE parameter = 'min_share_moved') AS min_share_moved
FROM ref_monitoring_rule
ORDER BY 1
