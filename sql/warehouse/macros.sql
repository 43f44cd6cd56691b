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
-- Exact decimal arithmetic, so 49,5 % is 50 % and not 49 % by a binary fraction.
CREATE OR REPLACE MACRO pct(num, den, digits := 1) AS
  CASE WHEN den IS NULL OR den = 0 THEN NULL
       ELSE CAST(round(CAST(num AS DECIMAL(38, 10)) * 100 / CAST(den AS DECIMAL(38, 10)), digits) AS DOUBLE) END;
