-- Waves of the year compared: per competence (and «Все компетенции») × scope × wave, the mean
-- score % (people weighted equally) and its change in п. п. against the previous wave of the year;
-- also the change among the same people (present in both waves), so a change of who took part
-- does not pass for growth.
WITH scores AS (
  SELECT wave, wave_order, person_id, competence, is_overall, score_pct_exact, municipality_code, municipality
  FROM int_manager_scores
),
-- Each result beside the same person's result in the previous wave (any school).
paired AS (
  SELECT s.*, p.score_pct_exact AS prev_score_pct_exact
  FROM scores s
  LEFT JOIN scores p
    ON p.person_id = s.person_id AND p.competence = s.competence AND p.wave_order = s.wave_order - 1
),
scoped AS (
  SELECT 'region' AS scope, NULL AS municipality_code, NULL AS municipality,
         wave, wave_order, competence, is_overall, score_pct_exact, prev_score_pct_exact
  FROM paired
  UNION ALL
  SELECT 'municipality', municipality_code, municipality,
         wave, wave_order, competence, is_overall, score_pct_exact, prev_score_pct_exact
  FROM paired
  WHERE municipality IS NOT NULL
),
-- Sums kept in decimals so the rounded mean is exact (pct rounds half away from zero).
per_wave AS (
  SELECT scope, municipality_code, municipality, wave, wave_order, competence, is_overall,
         count(*) AS people,
         sum(CAST(score_pct_exact AS DECIMAL(38, 10))) AS sum_pct,
         count(prev_score_pct_exact) AS people_both,
         sum(CAST(score_pct_exact AS DECIMAL(38, 10)) - CAST(prev_score_pct_exact AS DECIMAL(38, 10)))
           FILTER (WHERE prev_score_pct_exact IS NOT NULL) AS sum_change_both
  FROM scoped
  GROUP BY ALL
)
SELECT
  c.competence,
  c.is_overall,
  c.scope,
  c.municipality_code,
  c.municipality,
  c.wave,
  c.wave_order,
  c.people,
  pct(c.sum_pct, 100 * c.people, 1) AS mean_score_pct,
  p.wave AS prev_wave,
  p.people AS prev_people,
  pct(p.sum_pct, 100 * p.people, 1) AS prev_mean_score_pct,
  -- Difference of the unrounded means: Σc/nc − Σp/np = (Σc·np − Σp·nc) / (nc·np).
  pct(c.sum_pct * p.people - p.sum_pct * c.people, 100 * c.people * p.people, 1) AS change_pp,
  CASE WHEN p.wave IS NOT NULL THEN c.people_both END AS people_both,
  pct(c.sum_change_both, 100 * c.people_both, 1) AS change_pp_same_people
FROM per_wave c
LEFT JOIN per_wave p
  ON p.scope = c.scope
 AND p.municipality_code IS NOT DISTINCT FROM c.municipality_code
 AND p.municipality IS NOT DISTINCT FROM c.municipality
 AND p.competence = c.competence
 AND p.wave_order = c.wave_order - 1
