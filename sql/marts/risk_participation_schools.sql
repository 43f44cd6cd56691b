-- Per participant of the year: how many risk directions it has activated in ИС МЭДК as of the run
-- date and which. `met` = at least one; the NOT met rows are the list sent to each municipality.
SELECT
  municipality_code,
  municipality,
  school_login,
  school_name,
  CAST(count(*) FILTER (WHERE activated) AS INTEGER) AS directions,
  -- short names in factor-code order, for the list sent to the municipality
  string_agg(short_name, ', ' ORDER BY factor_code) FILTER (WHERE activated) AS activated_factors,
  count(*) FILTER (WHERE activated) >= 1 AS met
FROM int_risk_directions
GROUP BY municipality_code, municipality, school_login, school_name
