-- The registry lookups the typed SELECT of every other source joins (TEMP: one set per connection that
-- loads): every school ever registered, and the school each РЦОИ code stands for (its latest holder).
CREATE OR REPLACE TEMP TABLE known_school AS
SELECT school_login FROM school_registry_history;

CREATE OR REPLACE TEMP TABLE rcoi_school AS
SELECT rcoi_code, any_value(school_login ORDER BY valid_to DESC NULLS FIRST, valid_from DESC) AS school_login
FROM school_registry_history
WHERE rcoi_code IS NOT NULL
GROUP BY rcoi_code;
