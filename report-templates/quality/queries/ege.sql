-- ЕГЭ by subject (DOMAIN §4.4): «не преодолели минимальный порог» (ref_ege_min_score; базовая
-- математика — «2») and the mean test score, the project's schools against the whole region. The
-- participants' mean test score is pooled from each school's mean (rounded to 0,1) × works, so it is
-- within 0,05 of the exact mean.
WITH participants AS (
  SELECT DISTINCT school_login
  FROM stg_participants
  WHERE year = run_year() AND (included_at IS NULL OR included_at <= as_of_date())
),
shnor AS (
  SELECT q.subject,
         count(DISTINCT q.school_login) FILTER (WHERE q.participants > 0) AS schools,
         sum(q.participants) AS participants,
         sum(q.with_min_check) AS with_min_check,
         sum(q.below_min) AS below_min,
         sum(q.with_test_score) AS with_test_score,
         sum(q.mean_test_score * q.with_test_score) AS test_score_sum
  FROM quality q
  JOIN participants USING (school_login)
  WHERE q.year = run_year() AND q.as_of = as_of_date() AND q.assessment = 'ege'
  GROUP BY ALL
)
SELECT
  r.subject,
  s.name AS subject_name,
  coalesce(p.schools, 0) AS schools_shnor,
  coalesce(p.participants, 0) AS works_shnor,
  r.participants AS works_region,
  coalesce(p.below_min, 0) AS below_min_shnor,
  share(p.below_min, p.with_min_check) AS below_min_share_shnor,
  r.below_min AS below_min_region,
  r.share_below_min AS below_min_share_region,
  round(p.test_score_sum / nullif(p.with_test_score, 0), 1) AS mean_test_score_shnor,
  r.mean_test_score AS mean_test_score_region,
  -- The ranking sentence names only subjects with at least 20 works of participants.
  CASE WHEN p.participants >= 20 THEN share(p.below_min, p.with_min_check) END AS rank_share
FROM quality_region r
JOIN ref_subjects s ON s.subject_code = r.subject
LEFT JOIN shnor p ON p.subject = r.subject
WHERE r.year = run_year() AND r.as_of = as_of_date() AND r.scope = 'region' AND r.assessment = 'ege'
ORDER BY rank_share DESC NULLS LAST, s.name
