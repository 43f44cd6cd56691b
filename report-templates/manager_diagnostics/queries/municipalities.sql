-- The overall level («Все компетенции») by municipality in the latest wave: people assessed, mean % of
-- the maximum, share at each level. A municipality with fewer people than ref_suppression allows shows
-- no figure (with one or two managers its shares would be their own levels).
WITH l AS (
  SELECT * FROM manager_levels
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality' AND is_overall
),
latest AS (
  SELECT * FROM l WHERE wave_order = (SELECT max(wave_order) FROM l)
),
min_people AS (
  SELECT CAST(value AS INTEGER) AS n FROM ref_suppression WHERE parameter = 'teachers_min_people'
),
pivoted AS (
  PIVOT (SELECT municipality_code, municipality, people_assessed, level, share FROM latest)
  ON level IN ('высокий', 'продвинутый', 'базовый', 'удовлетворительный', 'низкий')
  USING first(share)
  GROUP BY municipality_code, municipality, people_assessed
),
means AS (
  SELECT municipality_code, mean_score_pct
  FROM manager_waves
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality' AND is_overall
    AND wave_order = (SELECT max(wave_order) FROM l)
)
SELECT
  p.municipality_code,
  p.municipality,
  p.people_assessed < m.n AS suppressed,
  CASE WHEN p.people_assessed < m.n
       THEN p.municipality || chr(160) || '— данные скрыты: меньше ' || m.n
            || CASE WHEN m.n % 10 = 1 AND m.n % 100 <> 11 THEN chr(160) || 'человека' ELSE chr(160) || 'человек' END
       ELSE p.municipality END AS municipality_shown,
  CASE WHEN p.people_assessed >= m.n THEN p.people_assessed::INTEGER END AS people,
  CASE WHEN p.people_assessed >= m.n THEN s.mean_score_pct END AS mean_score_pct,
  CASE WHEN p.people_assessed >= m.n THEN p."высокий" END AS "высокий",
  CASE WHEN p.people_assessed >= m.n THEN p."продвинутый" END AS "продвинутый",
  CASE WHEN p.people_assessed >= m.n THEN p."базовый" END AS "базовый",
  CASE WHEN p.people_assessed >= m.n THEN p."удовлетворительный" END AS "удовлетворительный",
  CASE WHEN p.people_assessed >= m.n THEN p."низкий" END AS "низкий"
FROM pivoted p
CROSS JOIN min_people m
LEFT JOIN means s USING (municipality_code)
ORDER BY p.municipality_code
