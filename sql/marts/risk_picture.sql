-- Risk picture (DOMAIN §4.2): per risk factor, how many participants of the year activated the
-- direction in ИС МЭДК and how many have it at высокий/средний level in РПШ, for the region and
-- for each municipality. Denominator: all participants of the year (int_risk_participants).
WITH counts AS (
  SELECT
    CASE WHEN grouping(municipality) = 1 THEN 'region' ELSE 'municipality' END AS scope,
    municipality_code,
    municipality,
    factor_code,
    count(*) AS participants,
    count(*) FILTER (WHERE activated) AS activated,
    count(risk_level) AS profiled,
    count(*) FILTER (WHERE high_or_medium) AS high_or_medium
  FROM int_risk_directions
  GROUP BY GROUPING SETS ((factor_code), (municipality_code, municipality, factor_code))
)
SELECT
  c.scope,
  c.municipality_code,
  c.municipality,
  c.factor_code,
  f.name AS factor_name,
  f.short_name,
  c.participants,
  c.activated,
  share(c.activated, c.participants) AS share_activated,
  pct(c.activated, c.participants, 1) AS pct_activated,
  pct(c.activated, c.participants, 0) AS pct_activated_whole,
  -- the seed note's ranking: by activation share within the scope, ties by factor code
  CAST(row_number() OVER (
    PARTITION BY c.scope, c.municipality_code, c.municipality
    ORDER BY c.activated DESC, c.factor_code
  ) AS INTEGER) AS rank_activated,
  c.profiled,
  c.high_or_medium,
  share(c.high_or_medium, c.participants) AS share_high_or_medium,
  pct(c.high_or_medium, c.participants, 1) AS pct_high_or_medium
FROM counts c
JOIN ref_risk_factor f USING (factor_code)
