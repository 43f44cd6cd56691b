-- Regional assessments by work × subject × grade (DOMAIN §4.4): the project's schools against the
-- whole region, as for ВПР (participants pooled from their schools' rows of `quality`).
WITH participants AS (
  SELECT DISTINCT school_login
  FROM stg_participants
  WHERE year = run_year() AND (included_at IS NULL OR included_at <= as_of_date())
),
shnor AS (
  SELECT q.assessment_name, q.session, q.subject, q.grade,
         sum(q.participants) AS participants,
         sum(q.with_mark) AS with_mark,
         sum(q.mark_2) AS mark_2,
         sum(q.mark_4_5) AS mark_4_5
  FROM quality q
  JOIN participants USING (school_login)
  WHERE q.year = run_year() AND q.as_of = as_of_date() AND q.assessment = 'regional'
  GROUP BY ALL
)
SELECT
  r.assessment_name,
  upper(r.assessment_name[1]) || r.assessment_name[2:] AS assessment_title,
  s.name AS subject_name,
  r.grade,
  coalesce(p.participants, 0) AS works_shnor,
  r.participants AS works_region,
  share(p.mark_2, p.with_mark) AS share_2_shnor,
  r.share_2 AS share_2_region,
  share(p.mark_4_5, p.with_mark) AS quality_shnor,
  r.quality_share AS quality_region
FROM quality_region r
JOIN ref_subjects s ON s.subject_code = r.subject
LEFT JOIN shnor p
  ON p.assessment_name = r.assessment_name AND p.session IS NOT DISTINCT FROM r.session
 AND p.subject = r.subject AND p.grade = r.grade
WHERE r.year = run_year() AND r.as_of = as_of_date() AND r.scope = 'region' AND r.assessment = 'regional'
ORDER BY r.assessment_name, s.name, r.grade
