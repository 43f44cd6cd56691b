-- The managers' levels and their edges in % of the maximum score (ref_level_bands), highest first,
-- with the upper edge of each (the lower edge of the level above) for «от 50 до 70 %».
SELECT level,
       CAST(min_pct AS DOUBLE) AS min_pct,
       CAST(lag(min_pct) OVER (ORDER BY CAST(min_pct AS DOUBLE) DESC) AS DOUBLE) AS upper_pct
FROM ref_level_bands
WHERE instrument = 'managers'
ORDER BY CAST(min_pct AS DOUBLE) DESC
