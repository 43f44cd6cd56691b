-- The cohort's schools behind project_effect (DOMAIN §4.4), one row per cohort × assessment ×
-- subject × school: the share of «2» before and after and whether the school's own share fell
-- without an objectivity flag (met). NOT met rows are the list for each municipality. The
-- comparison schools stay in int_effect_deltas: they are not the project's to act on.
WITH flags AS (
  SELECT d.cohort, d.assessment, d.assessment_name, d.subject, d.school_login,
         string_agg(DISTINCT o.marker_code, ', ' ORDER BY o.marker_code) AS markers
  FROM int_effect_deltas d
  JOIN int_objectivity_markers o
    ON o.flagged AND o.year = d.after_year AND o.school_login = d.school_login
   AND o.assessment = d.assessment AND o.assessment_name = d.assessment_name
   AND (o.subject = d.subject OR o.subject IS NULL)
  WHERE d.group_name = 'shnor'
  GROUP BY ALL
)
SELECT
  d.cohort,
  d.assessment,
  d.assessment_name,
  d.subject,
  d.measure,
  d.before_year,
  d.after_year,
  s.municipality_code,
  s.municipality,
  d.school_login,
  s.school_name,
  d.baseline_quintile,
  d.in_estimate,
  d.works_before,
  d.fails_before,
  100 * d.share_before AS share2_before_pct,
  d.works_after,
  d.fails_after,
  100 * d.share_after AS share2_after_pct,
  100 * d.delta AS share2_change_pp,
  f.markers IS NOT NULL AS has_marker,
  f.markers,
  d.delta < 0 AND f.markers IS NULL AS met
FROM int_effect_deltas d
LEFT JOIN flags f USING (cohort, assessment, assessment_name, subject, school_login)
LEFT JOIN int_schools s ON s.school_login = d.school_login
WHERE d.group_name = 'shnor'
