-- Managers' results of the run's year, one row per wave × person × competence, plus one row per
-- wave × person «в целом» (every competence summed) for those assessed in all competences of the
-- wave. Score % is compared with the band edges unrounded (85 % exactly is «высокий», 84,9 % is
-- not); the instrument's own level wins when it names a level of the seed.
WITH diagnostics AS (
  SELECT wave, person_id, position, school_login, competence, score, max_score, level AS level_instrument
  FROM stg_manager_diagnostics
  WHERE year = run_year()
),
-- Waves are text: numbered waves in their number order, any others after them by name.
waves AS (
  SELECT
    wave,
    CAST(dense_rank() OVER (ORDER BY try_cast(wave AS INTEGER) NULLS LAST, wave) AS INTEGER) AS wave_order
  FROM (SELECT DISTINCT wave FROM diagnostics)
),
wave_competences AS (
  SELECT wave, count(DISTINCT competence) AS competences FROM diagnostics GROUP BY wave
),
per_competence AS (
  SELECT wave, person_id, position, school_login, competence, FALSE AS is_overall,
         score, max_score, level_instrument
  FROM diagnostics
),
-- The overall result is meaningful only over the same set of competences for everyone.
overall AS (
  SELECT d.wave, d.person_id, min(d.position) AS position, min(d.school_login) AS school_login,
         'Все компетенции' AS competence, TRUE AS is_overall,
         sum(d.score) AS score, sum(d.max_score) AS max_score, CAST(NULL AS VARCHAR) AS level_instrument
  FROM diagnostics d
  JOIN wave_competences w USING (wave)
  GROUP BY d.wave, d.person_id, w.competences
  HAVING count(DISTINCT d.competence) = w.competences
),
scored AS (
  SELECT *,
         -- Decimal product first, so 17 of 20 is exactly 85 and not 84,999…
         CASE WHEN max_score > 0
              THEN CAST(score AS DECIMAL(38, 10)) * 100 / CAST(max_score AS DECIMAL(38, 10)) END AS score_pct_exact
  FROM (SELECT * FROM per_competence UNION ALL SELECT * FROM overall)
),
banded AS (
  SELECT s.*, b.level AS level_by_score
  FROM scored s
  ASOF LEFT JOIN int_manager_bands b ON s.score_pct_exact >= b.min_pct
)
SELECT
  b.wave,
  w.wave_order,
  b.person_id,
  b.position,
  b.school_login,
  sc.school_name,
  sc.municipality_code,
  sc.municipality,
  b.competence,
  b.is_overall,
  b.score,
  b.max_score,
  b.score_pct_exact,
  b.level_instrument,
  b.level_by_score,
  coalesce(given.level, b.level_by_score) AS level,
  CASE WHEN given.level IS NOT NULL THEN 'инструмент' ELSE 'по баллу' END AS level_source,
  coalesce(given.level_order, by_score.level_order) AS level_order
FROM banded b
JOIN waves w USING (wave)
LEFT JOIN int_manager_bands given ON given.level = b.level_instrument
LEFT JOIN int_manager_bands by_score ON by_score.level = b.level_by_score
LEFT JOIN int_schools sc ON sc.school_login = b.school_login
