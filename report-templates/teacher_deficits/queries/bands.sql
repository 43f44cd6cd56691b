-- The deficit bands and their edges in % of the block's maximum score (ref_level_bands), from «no
-- deficit» down, with the upper edge of each (the lower edge of the band above).
SELECT level AS band,
       CAST(min_pct AS DOUBLE) AS min_pct,
       CAST(lag(min_pct) OVER (ORDER BY CAST(min_pct AS DOUBLE) DESC) AS DOUBLE) AS upper_pct
FROM ref_level_bands
WHERE instrument = 'teachers'
ORDER BY CAST(min_pct AS DOUBLE) DESC
