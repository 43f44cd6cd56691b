-- Each municipality: participants, how many chose at least one direction, directions per school, and the
-- direction its participants activated most often (several when they tie; none when nobody activated).
WITH most_often AS (
  SELECT municipality_code, municipality, factor_code, short_name, share_activated
  FROM risk_picture
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality' AND activated > 0
  QUALIFY activated = max(activated) OVER (PARTITION BY municipality_code, municipality)
),
top AS (
  SELECT municipality_code, municipality,
         string_agg(short_name, ', ' ORDER BY factor_code) AS top_factors,
         max(share_activated) AS top_share
  FROM most_often
  GROUP BY municipality_code, municipality
)
SELECT p.municipality_code, p.municipality, p.participants, p.with_direction, p.without_direction,
       p.share_with_direction, p.mean_directions, t.top_factors, t.top_share
FROM risk_participation p
LEFT JOIN top t ON t.municipality_code IS NOT DISTINCT FROM p.municipality_code AND t.municipality = p.municipality
WHERE p.year = run_year() AND p.as_of = as_of_date() AND p.scope = 'municipality'
ORDER BY p.municipality_code NULLS LAST, p.municipality
