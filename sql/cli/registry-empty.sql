-- A stand-in for school_registry_history while no registry is loaded: the same columns, no rows.
CREATE OR REPLACE TEMP VIEW school_registry_history AS
SELECT CAST(NULL AS VARCHAR) AS school_login, CAST(NULL AS VARCHAR) AS school_name,
       CAST(NULL AS VARCHAR) AS municipality, CAST(NULL AS VARCHAR) AS municipality_code,
       CAST(NULL AS VARCHAR) AS region_code, CAST(NULL AS VARCHAR) AS rcoi_code,
       CAST(NULL AS VARCHAR) AS settlement_type, CAST(NULL AS INTEGER) AS students_total,
       CAST(NULL AS BOOLEAN) AS is_small_school, CAST(NULL AS DATE) AS valid_from, CAST(NULL AS DATE) AS valid_to
WHERE false;
