-- Every flagged marker with its numbers, one row each (DOMAIN §4.5): the XLSX sheet behind the note's
-- list of schools to check.
WITH participants AS (
  SELECT DISTINCT school_login
  FROM stg_participants
  WHERE year = run_year() AND (included_at IS NULL OR included_at <= as_of_date())
)
SELECT
  m.municipality,
  m.school_login,
  m.school_name,
  p.school_login IS NOT NULL AS is_participant,
  m.assessment_name,
  s.name AS subject_name,
  m.grade,
  m.marker_name,
  m.n_works,
  m.numerator,
  m.value,
  m.value_unit,
  m.threshold,
  m.quality_share,
  m.previous_value
FROM objectivity_markers m
LEFT JOIN ref_subjects s ON s.subject_code = m.subject
LEFT JOIN participants p USING (school_login)
WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.flagged
ORDER BY is_participant DESC, m.municipality_code NULLS LAST, m.school_name, m.school_login,
         m.assessment, s.name, m.grade, m.marker_code
