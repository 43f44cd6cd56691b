-- The rule «положительная тенденция» as ref_monitoring_rule sets it (the note names it), the stage of
-- this variant, and the smallest group that supports a sentence (ref_project_effect_settings).
SELECT
  CAST(getvariable('stage') AS INTEGER) AS stage,
  CAST(max(r.value) FILTER (WHERE r.parameter = 'verdict_stage') AS INTEGER) AS verdict_stage,
  CAST(max(r.value) FILTER (WHERE r.parameter = 'min_share_confirmed') AS DOUBLE) AS min_share_confirmed,
  CAST(max(r.value) FILTER (WHERE r.parameter = 'min_share_moved') AS DOUBLE) AS min_share_moved,
  (SELECT CAST(max(value) AS INTEGER) FROM ref_project_effect_settings WHERE key = 'min_group_schools')
    AS min_group
FROM ref_monitoring_rule r
ORDER BY stage
