-- Managers' results per wave × person × competence (and «Все компетенции»): score %, level and
-- where the level came from. Per-person rows: service use only, never in a ministry PDF.
SELECT
  wave,
  wave_order,
  person_id,
  position,
  school_login,
  school_name,
  municipality_code,
  municipality,
  competence,
  is_overall,
  score,
  max_score,
  pct(score, max_score, 1) AS score_pct,
  level,
  level_order,
  level_source,
  level_instrument,
  level_by_score
FROM int_manager_scores
