-- The same distribution as a table: one row per competence, a column per level (shares), «Все
-- компетенции» last.
WITH l AS (
  SELECT * FROM manager_levels
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region'
)
SELECT *
FROM (
  PIVOT (
    SELECT competence, is_overall, people_assessed, level, share
    FROM l
    WHERE wave_order = (SELECT max(wave_order) FROM l)
  )
  ON level IN ('высокий', 'продвинутый', 'базовый', 'удовлетворительный', 'низкий')
  USING first(share)
  GROUP BY competence, is_overall, people_assessed
)
ORDER BY is_overall, competence
