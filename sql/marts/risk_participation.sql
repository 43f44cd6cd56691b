-- Share of participants of the year with at least one activated risk direction (DOMAIN §4.2),
-- for the region and each municipality; counted from the school list so the two always agree.
SELECT
  CASE WHEN grouping(municipality) = 1 THEN 'region' ELSE 'municipality' END AS scope,
  municipality_code,
  municipality,
  count(*) AS participants,
  count(*) FILTER (WHERE met) AS with_direction,
  share(count(*) FILTER (WHERE met), count(*)) AS share_with_direction,
  pct(count(*) FILTER (WHERE met), count(*), 1) AS pct_with_direction,
  pct(count(*) FILTER (WHERE met), count(*), 0) AS pct_with_direction_whole,
  count(*) FILTER (WHERE NOT met) AS without_direction,
  CAST(sum(directions) AS INTEGER) AS directions,
  round(avg(directions), 2) AS mean_directions
FROM risk_participation_schools
WHERE year = run_year() AND as_of = as_of_date()
GROUP BY GROUPING SETS ((), (municipality_code, municipality))
-- no participants loaded for the year: no rows rather than a region row of zeros
HAVING count(*) > 0
