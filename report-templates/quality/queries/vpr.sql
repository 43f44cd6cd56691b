-- ВПР by subject × grade (DOMAIN §4.4): the project's schools (participants of the year as of the date)
-- against the whole region. The region's figures are quality_region's; the participants' are their
-- schools' rows of `quality` pooled (every work weighs the same, as in quality_region). A mean mark is
-- not additive: it is pooled from each school's mean × works (a school's mean is rounded to 0,01, so the
-- pooled mean may differ from the exact one by less than 0,005).
WITH participants AS (
  SELECT DISTINCT school_login
  FROM stg_participants
  WHERE year = run_year() AND (included_at IS NULL OR included_at <= as_of_date())
),
shnor AS (
  SELECT q.assessment_name, q.session, q.subject, q.grade,
         count(DISTINCT q.school_login) FILTER (WHERE q.participants > 0) AS schools,
         sum(q.participants) AS participants,
         sum(q.with_mark) AS with_mark,
         sum(q.mark_2) AS mark_2,
         sum(q.mark_4_5) AS mark_4_5,
         sum(q.mean_mark * q.with_mark) AS mark_sum,
         sum(q.journal_compared) AS journal_compared,
         sum(q.journal_lowered) AS journal_lowered,
         sum(q.journal_confirmed) AS journal_confirmed,
         sum(q.journal_raised) AS journal_raised
  FROM quality q
  JOIN participants USING (school_login)
  WHERE q.year = run_year() AND q.as_of = as_of_date() AND q.assessment = 'vpr'
  GROUP BY ALL
),
flagged AS (
  -- The project's schools with a marker of possible non-objectivity in the subject and grade.
  SELECT m.subject, m.grade, count(DISTINCT m.school_login) AS schools
  FROM objectivity_markers m
  JOIN participants USING (school_login)
  WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.flagged AND m.assessment = 'vpr'
  GROUP BY ALL
),
cells AS (
  SELECT
    r.subject,
    s.name AS subject_name,
    r.grade,
    s.name || ', ' || r.grade || ' кл.' || CASE WHEN r.session = 'осень' THEN ' (осень)' ELSE '' END AS label,
    coalesce(p.schools, 0) AS schools_shnor,
    coalesce(p.participants, 0) AS works_shnor,
    r.schools AS schools_region,
    r.participants AS works_region,
    share(p.mark_2, p.with_mark) AS share_2_shnor,
    r.share_2 AS share_2_region,
    share(p.mark_4_5, p.with_mark) AS quality_shnor,
    r.quality_share AS quality_region,
    share(p.with_mark - p.mark_2, p.with_mark) AS success_shnor,
    r.success_share AS success_region,
    round(p.mark_sum / nullif(p.with_mark, 0), 2) AS mean_mark_shnor,
    r.mean_mark AS mean_mark_region,
    coalesce(p.journal_compared, 0) AS journal_compared_shnor,
    share(p.journal_lowered, p.journal_compared) AS lowered_shnor,
    share(p.journal_confirmed, p.journal_compared) AS confirmed_shnor,
    share(p.journal_raised, p.journal_compared) AS raised_shnor,
    share(r.journal_lowered, r.journal_compared) AS lowered_region,
    share(r.journal_raised, r.journal_compared) AS raised_region,
    coalesce(f.schools, 0) AS flagged_shnor,
    -- Sentences compare whole percents, as they show them, and only groups of at least 20 works.
    coalesce(p.participants, 0) >= 20 AS comparable,
    round(100 * share(p.mark_2, p.with_mark)) - round(100 * r.share_2) AS gap_2_whole
  FROM quality_region r
  JOIN ref_subjects s ON s.subject_code = r.subject
  LEFT JOIN shnor p
    ON p.assessment_name = r.assessment_name AND p.session IS NOT DISTINCT FROM r.session
   AND p.subject = r.subject AND p.grade = r.grade
  LEFT JOIN flagged f ON f.subject = r.subject AND f.grade = r.grade
  WHERE r.year = run_year() AND r.as_of = as_of_date() AND r.scope = 'region' AND r.assessment = 'vpr'
),
flags AS (
  SELECT *, comparable AND gap_2_whole > 0 AS higher, comparable AND gap_2_whole < 0 AS lower
  FROM cells
)
SELECT
  *,
  count(*) FILTER (WHERE comparable) OVER () AS rows_comparable,
  count(*) FILTER (WHERE higher) OVER () AS rows_higher,
  count(*) FILTER (WHERE lower) OVER () AS rows_lower,
  -- The cells where the participants' share of «2» is higher, widest gap first.
  list({'label': lower(label[1]) || label[2:], 'shnor': share_2_shnor, 'region': share_2_region}
       ORDER BY gap_2_whole DESC, subject_name, grade) FILTER (WHERE higher) OVER () AS higher_items
FROM flags
ORDER BY subject_name, grade
