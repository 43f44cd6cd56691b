-- Each wave of the year against the one before it (the region): people, mean % of the maximum in
-- both, the change in п. п., and the change among those who took both waves. The first wave has no
-- row. `comparable`: both waves large enough for a sentence (settings.sql: 20 people).
SELECT competence, is_overall, prev_wave, wave, wave_order,
       wave_order = (SELECT max(wave_order) FROM manager_waves
                     WHERE year = run_year() AND as_of = as_of_date()) AS is_latest,
       prev_wave || ' → ' || wave AS waves,
       prev_people::INTEGER AS prev_people, people::INTEGER AS people,
       prev_mean_score_pct, mean_score_pct, change_pp,
       people_both::INTEGER AS people_both, change_pp_same_people,
       prev_people >= 20 AND people >= 20 AS comparable,
       coalesce(people_both >= 20, FALSE) AS comparable_same_people
FROM manager_waves
WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND wave_order > 1
ORDER BY wave_order, is_overall DESC, competence
