-- The risk factors a school's profile has one level for, in code order.
SELECT CAST(factor_code AS INTEGER) AS factor_code, short_name FROM ref_risk_factor ORDER BY factor_code
