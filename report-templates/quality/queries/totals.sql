-- One row per assessment of the run year: the project's schools against the region, all subjects and
-- grades pooled (every work weighs the same) — the lead sentences and the conclusions. `participants`
-- is the number of the year's participants as of the date, with or without results.
WITH participants AS (
  SELECT DISTINCT school_login
  FROM stg_participants
  WHERE year = run_year() AND (included_at IS NULL OR included_at <= as_of_date())
),
shnor AS (
  SELECT q.assessment, q.assessment_name,
         count(DISTINCT q.school_login) FILTER (WHERE q.participants > 0) AS schools,
         sum(q.participants) AS works, sum(q.with_mark) AS with_mark, sum(q.mark_2) AS mark_2,
         sum(q.mark_4_5) AS mark_4_5, sum(q.with_min_check) AS with_min_check, sum(q.below_min) AS below_min,
         sum(q.journal_compared) AS journal_compared, sum(q.journal_lowered) AS journal_lowered,
         sum(q.journal_raised) AS journal_raised
  FROM quality q
  JOIN participants USING (school_login)
  WHERE q.year = run_year() AND q.as_of = as_of_date()
  GROUP BY ALL
),
flagged AS (
  -- The project's schools with a flagged marker in the assessment (any subject, grade or marker).
  SELECT m.assessment, m.assessment_name, count(DISTINCT m.school_login) AS schools
  FROM objectivity_markers m
  JOIN participants USING (school_login)
  WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.flagged
  GROUP BY ALL
),
region AS (
  SELECT assessment, assessment_name,
         count(DISTINCT school_login) FILTER (WHERE participants > 0) AS schools,
         sum(participants) AS works, sum(with_mark) AS with_mark, sum(mark_2) AS mark_2,
         sum(mark_4_5) AS mark_4_5, sum(with_min_check) AS with_min_check, sum(below_min) AS below_min,
         sum(journal_compared) AS journal_compared, sum(journal_lowered) AS journal_lowered,
         sum(journal_raised) AS journal_raised
  FROM quality
  WHERE year = run_year() AND as_of = as_of_date()
  GROUP BY ALL
)
SELECT
  r.assessment,
  r.assessment_name,
  (SELECT count(*) FROM participants) AS participants,
  coalesce(p.schools, 0) AS schools_shnor,
  coalesce(p.works, 0) AS works_shnor,
  r.schools AS schools_region,
  r.works AS works_region,
  share(p.mark_2, p.with_mark) AS share_2_shnor,
  share(r.mark_2, r.with_mark) AS share_2_region,
  share(p.mark_4_5, p.with_mark) AS quality_shnor,
  share(r.mark_4_5, r.with_mark) AS quality_region,
  share(p.below_min, p.with_min_check) AS below_min_shnor,
  share(r.below_min, r.with_min_check) AS below_min_region,
  coalesce(p.journal_compared, 0) AS journal_compared_shnor,
  share(p.journal_lowered, p.journal_compared) AS lowered_shnor,
  share(r.journal_lowered, r.journal_compared) AS lowered_region,
  share(p.journal_raised, p.journal_compared) AS raised_shnor,
  share(r.journal_raised, r.journal_compared) AS raised_region,
  coalesce(f.schools, 0) AS flagged_shnor
FROM region r
LEFT JOIN shnor p USING (assessment, assessment_name)
LEFT JOIN flagged f USING (assessment, assessment_name)
ORDER BY CASE r.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END, r.assessment_name
