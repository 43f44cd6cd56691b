-- Macros the models and ad hoc queries share. A model run sets the session variables `year` and
-- `as_of` (SET VARIABLE); a plain session without them reads every source's latest version.

-- The date a model run computes as of: each source is read in its latest version on or before it.
CREATE OR REPLACE MACRO as_of_date() AS coalesce(CAST(getvariable('as_of') AS DATE), DATE '9999-12-31');

-- The project year a model run computes (a calendar year); defaults to the year of as_of_date().
CREATE OR REPLACE MACRO run_year() AS
  coalesce(CAST(getvariable('year') AS INTEGER), CAST(year(least(as_of_date(), current_date)) AS INTEGER));

-- A share in [0, 1]; NULL when there is nothing to divide by.
CREATE OR REPLACE MACRO share(num, den) AS
  CASE WHEN den IS NULL OR den = 0 THEN NULL ELSE CAST(num AS DOUBLE) / den END;

-- A percentage rounded half away from zero (DOMAIN §4): `digits` 0 in sentences, 1 in tables.
-- Counts are divided in integers, so 0,15 % stays 0,2 % and is not 0,1 % by a binary fraction
-- (DuckDB divides decimals as doubles); other values are divided as doubles.
CREATE OR REPLACE MACRO pct(num, den, digits := 1) AS
  CASE WHEN den IS NULL OR den = 0 THEN NULL
       WHEN num = trunc(num) AND den = trunc(den) THEN
         sign(num) * sign(den) * CAST(
           (2 * abs(CAST(num AS HUGEINT)) * CAST(100 * 10 ** digits AS HUGEINT) + abs(CAST(den AS HUGEINT)))
             // (2 * abs(CAST(den AS HUGEINT))) AS DOUBLE) / 10 ** digits
       ELSE round(CAST(num AS DOUBLE) * 100 / den, digits) END;
