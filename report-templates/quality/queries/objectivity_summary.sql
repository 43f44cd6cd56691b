-- How many schools were checked for markers of possible non-objectivity and how many were flagged,
-- all and the project's own (DOMAIN §4.5), with the threshold N and the schools flagged per marker.
WITH participants AS (
  SELECT DISTINCT school_login
  FROM stg_participants
  WHERE year = run_year() AND (included_at IS NULL OR included_at <= as_of_date())
),
schools AS (
  SELECT o.school_login, o.met, p.school_login IS NOT NULL AS is_participant
  FROM objectivity_schools o
  LEFT JOIN participants p USING (school_login)
  WHERE o.year = run_year() AND o.as_of = as_of_date()
),
kinds AS (
  SELECT m.marker_code,
         CASE m.marker_code
           WHEN 'lowered' THEN '«понизили»'
           WHEN 'raised' THEN '«повысили» при высоком качестве знаний'
           WHEN 'bunching_3' THEN 'скопление работ на первом балле «3»'
           WHEN 'bunching_4' THEN 'скопление работ на первом балле «4»'
           WHEN 'bunching_5' THEN 'скопление работ на первом балле «5»'
           WHEN 'change' THEN 'резкое изменение качества знаний'
           WHEN 'listed' THEN 'перечень ФИОКО'
           ELSE any_value(m.marker_name) END AS marker_short,
         count(DISTINCT m.school_login) AS schools,
         count(*) AS cases
  FROM objectivity_markers m
  WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.flagged
  GROUP BY m.marker_code
),
thresholds AS (
  SELECT
    CAST(max(value) FILTER (WHERE key = 'min_works') AS INTEGER) AS min_works,
    max(value) FILTER (WHERE key = 'lowered_min_pct') AS lowered_min_pct,
    max(value) FILTER (WHERE key = 'raised_min_pct') AS raised_min_pct,
    CAST(max(value) FILTER (WHERE key = 'raised_quality_percentile') AS INTEGER) AS raised_quality_percentile,
    max(value) FILTER (WHERE key = 'bunching_ratio') AS bunching_ratio,
    CAST(max(value) FILTER (WHERE key = 'bunching_min_at_first_score') AS INTEGER) AS bunching_min_works,
    max(value) FILTER (WHERE key = 'change_min_pp') AS change_min_pp,
    max(value) FILTER (WHERE key = 'change_upward_only') = 1 AS change_upward_only
  FROM ref_objectivity_thresholds
)
SELECT
  t.*,
  (SELECT count(*) FROM schools) AS schools_checked,
  (SELECT count(*) FROM schools WHERE NOT met) AS schools_flagged,
  (SELECT count(*) FROM schools WHERE is_participant) AS participants_checked,
  (SELECT count(*) FROM schools WHERE is_participant AND NOT met) AS participants_flagged,
  (SELECT list({'marker_short': marker_short, 'schools': schools, 'cases': cases}
               ORDER BY schools DESC, cases DESC, marker_code) FROM kinds) AS kinds
FROM thresholds t
