-- The region's row: participants of the year and how many chose at least one risk direction in ИС МЭДК,
-- with the municipalities where some participants have not chosen any (for the sentence).
SELECT r.participants, r.with_direction, r.without_direction, r.share_with_direction, r.directions,
       r.mean_directions,
       (SELECT list(m.municipality ORDER BY m.municipality_code NULLS LAST, m.municipality)
        FROM risk_participation m
        WHERE m.year = r.year AND m.as_of = r.as_of AND m.scope = 'municipality' AND m.without_direction > 0
       ) AS lagging_municipalities
FROM risk_participation r
WHERE r.year = run_year() AND r.as_of = as_of_date() AND r.scope = 'region'
ORDER BY r.participants
