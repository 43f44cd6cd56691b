-- How many models were built for the report's (year, as of): none means the marts were not computed.
SELECT count(*)::INTEGER AS built
FROM model_build
WHERE year = getvariable('year') AND as_of = CAST(getvariable('as_of') AS DATE)
