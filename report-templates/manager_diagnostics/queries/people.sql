-- «Для служебного пользования»: every manager of the latest wave under the code the data holds, with
-- the overall level and the competences at the two lower levels — what ДИРО builds individual
-- trajectories from. Only in the restricted XLSX (restricted: true), never in the PDF or HTML.
WITH m AS (
  SELECT * FROM manager_competences WHERE year = run_year() AND as_of = as_of_date()
),
latest AS (
  SELECT * FROM m WHERE wave_order = (SELECT max(wave_order) FROM m)
),
lowest AS (
  SELECT max(level_order) AS level_order FROM latest
)
SELECT
  p.municipality_code, p.municipality, p.school_login, p.school_name, p.person_id, p.position,
  o.score_pct AS overall_pct, o.level AS overall_level, o.level_order AS overall_level_order,
  string_agg(p.competence || ' (' || p.level || ')', '; ' ORDER BY p.level_order DESC, p.competence)
    FILTER (WHERE p.level_order >= (SELECT level_order - 1 FROM lowest)) AS weak_competences
FROM latest p
LEFT JOIN latest o ON o.person_id = p.person_id AND o.is_overall
WHERE NOT p.is_overall
GROUP BY ALL
ORDER BY o.level_order DESC NULLS FIRST, p.municipality_code, p.school_login, p.person_id
