-- Each participant school's risk level per factor (its РПШ profile), the rows the clustering reads.
SELECT school_login, school_name, municipality_code, municipality, CAST(factor_code AS INTEGER) AS factor_code,
       CAST(risk_level AS INTEGER) AS risk_level
FROM int_risk_directions
ORDER BY school_login, factor_code
