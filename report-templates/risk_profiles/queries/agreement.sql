-- How the directions chosen in ИС МЭДК agree with the РПШ (both from int_risk_directions, the risk
-- picture's input for the run's year and date): chosen at высокий / средний level, chosen at a lower level
-- or without a level, and factors at высокий level that the school has not chosen (for curators to discuss).
SELECT
  count(*) FILTER (WHERE activated)::INTEGER AS directions,
  count(*) FILTER (WHERE activated AND high_or_medium)::INTEGER AS directions_high_or_medium,
  count(*) FILTER (WHERE activated AND NOT high_or_medium)::INTEGER AS directions_low,
  count(*) FILTER (WHERE activated AND risk_level IS NULL)::INTEGER AS directions_no_profile,
  count(*) FILTER (WHERE NOT activated AND risk_level = 3)::INTEGER AS high_not_chosen,
  count(DISTINCT school_login) FILTER (WHERE NOT activated AND risk_level = 3)::INTEGER AS schools_high_not_chosen,
  count(*) FILTER (WHERE NOT activated AND risk_level = 2)::INTEGER AS medium_not_chosen
FROM int_risk_directions
