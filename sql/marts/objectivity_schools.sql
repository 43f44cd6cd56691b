-- Per school, the signs of possibly biased results of the run year (DOMAIN §4.5): every school
-- with a checked class or a ФИОКО list entry; met = no marker fired. NOT met rows are the list a
-- municipality receives to check, with the markers named.
WITH per_school AS (
  SELECT
    o.school_login,
    count(*) AS checks,
    count(*) FILTER (WHERE o.flagged) AS markers_flagged,
    count(DISTINCT o.marker_code) FILTER (WHERE o.flagged) AS marker_kinds,
    string_agg(
      o.marker_name || ' — ' || o.assessment_name || ', ' || coalesce(r.name, o.subject, 'все предметы')
        || coalesce(', ' || o.grade || ' кл.', ''),
      '; ' ORDER BY o.marker_code, o.assessment, o.subject, o.grade
    ) FILTER (WHERE o.flagged) AS marker_list
  FROM int_objectivity_markers o
  LEFT JOIN ref_subjects r ON r.subject_code = o.subject
  WHERE o.year = run_year()
  GROUP BY o.school_login
),
participants AS (
  SELECT DISTINCT school_login FROM stg_participants WHERE year = run_year()
)
SELECT
  s.municipality_code,
  s.municipality,
  p.school_login,
  s.school_name,
  pt.school_login IS NOT NULL AS is_participant,
  p.checks,
  p.markers_flagged,
  p.marker_kinds,
  p.marker_list,
  p.markers_flagged = 0 AS met
FROM per_school p
LEFT JOIN int_schools s USING (school_login)
LEFT JOIN participants pt USING (school_login)
