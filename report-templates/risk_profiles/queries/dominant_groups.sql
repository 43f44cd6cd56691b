-- The simpler grouping by each school's leading activated directions: one row a group, largest first.
-- Schools without directions are not a group of risks: they are counted and listed elsewhere.
SELECT group_name, group_factor_codes, any_value(group_schools) AS schools,
       any_value(participants) AS participants, any_value(share_group) AS share_group,
       (SELECT CAST(value AS INTEGER) FROM ref_risk_settings WHERE parameter = 'dominant_group_factors') AS n_factors
FROM risk_dominant_groups
WHERE year = run_year() AND as_of = as_of_date() AND group_factor_codes IS NOT NULL
GROUP BY group_name, group_factor_codes
ORDER BY schools DESC, group_name
