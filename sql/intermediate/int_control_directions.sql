-- Risk directions activated in ИС МЭДК in the run year as of the run date: activated, with an
-- activation date on or before the run date or none (the snapshot itself is as of the date).
-- Shared by the control indicators (≥ 1 direction, one антирисковая программа each) and monitoring.
SELECT
  d.year,
  d.school_login,
  d.factor_code,
  d.activated_at,
  d.verified_by_curator
FROM stg_medk_directions d
WHERE d.year = run_year()
  AND d.activated
  AND (d.activated_at IS NULL OR d.activated_at <= as_of_date())
