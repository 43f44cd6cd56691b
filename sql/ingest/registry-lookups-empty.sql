-- The registry lookups before any registry is loaded: empty, so every school is reported unknown.
CREATE OR REPLACE TEMP TABLE known_school (school_login VARCHAR);
CREATE OR REPLACE TEMP TABLE rcoi_school (rcoi_code VARCHAR, school_login VARCHAR);
