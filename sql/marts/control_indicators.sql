-- Показатели для контроля включенности региона (DOMAIN §4.1) by region and municipality: of the
-- participants counted as of the run date (the denominator), how many meet each indicator. Read
-- from this run's rows of control_indicators_schools, so the counts and the lists always agree.
-- The region row exists for every indicator even with no participants (share NULL).
WITH schools AS (
  SELECT indicator_code, municipality_code, municipality, school_login, met
  FROM control_indicators_schools
  WHERE year = run_year() AND as_of = as_of_date()
),
by_municipality AS (
  SELECT
    'municipality' AS scope,
    municipality_code,
    municipality,
    indicator_code,
    count(*) AS participants,
    count(*) FILTER (WHERE met) AS met
  FROM schools
  GROUP BY ALL
),
by_region AS (
  SELECT
    'region' AS scope,
    CAST(NULL AS VARCHAR) AS municipality_code,
    CAST(NULL AS VARCHAR) AS municipality,
    i.indicator_code,
    count(s.school_login) AS participants,
    count(*) FILTER (WHERE s.met) AS met
  FROM ref_control_indicator i
  LEFT JOIN schools s USING (indicator_code)
  GROUP BY ALL
),
counts AS (
  SELECT * FROM by_region
  UNION ALL
  SELECT * FROM by_municipality
)
SELECT
  c.scope,
  c.municipality_code,
  c.municipality,
  c.indicator_code,
  CAST(i.indicator_order AS INTEGER) AS indicator_order,
  i.indicator_name,
  c.participants,
  c.met,
  c.participants - c.met AS not_met,
  share(c.met, c.participants) AS share_met,
  pct(c.met, c.participants, 1) AS pct_met
FROM counts c
JOIN ref_control_indicator i USING (indicator_code)
