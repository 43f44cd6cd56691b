-- ОГЭ by subject (DOMAIN §4.4): the project's schools (participants of the year as of the date)
-- against the whole region; participants' figures pooled from their schools' rows of `quality`
-- (every work weighs the same), the region's from quality_region. The participants' mean mark is
-- pooled from each school's mean × works (within 0,005 of the exact mean).
WITH participants AS (
  SELECT DISTINCT school_login
  FROM stg_participants
  WHERE year = run_year() AND (included_at IS NULL OR included_at <= as_of_date())
),
shnor AS (
  SELECT q.subject,
         count(DISTINCT q.school_login) FILTER (WHERE q.participants > 0) AS schools,
         sum(q.participants) AS participants,
         sum(q.with_mark) AS with_mark,
         sum(q.mark_2) AS mark_2,
         sum(q.mark_4_5) AS mark_4_5,
         sum(q.mean_mark * q.with_mark) AS mark_sum
  FROM quality q
  JOIN participants USING (school_login)
  WHERE q.year = run_year() AND q.as_of = as_of_date() AND q.assessment = 'oge'
  GROUP BY ALL
),
flagged AS (
  SELECT m.subject, count(DISTINCT m.school_login) AS schools
  FROM objectivity_markers m
  JOIN participants USING (school_login)
  WHERE m.year = run_year() AND m.as_of = as_of_date() AND m.flagged AND m.assessment = 'oge'
  GROUP BY ALL
),
cells AS (
  SELECT
    r.subject,
    s.name AS subject_name,
    coalesce(p.schools, 0) AS schools_shnor,
    coalesce(p.participants, 0) AS works_shnor,
    r.schools AS schools_region,
    r.participants AS works_region,
    share(p.mark_2, p.with_mark) AS share_2_shnor,
    r.share_2 AS share_2_region,
    share(p.mark_4_5, p.with_mark) AS quality_shnor,
    r.quality_share AS quality_region,
    round(p.mark_sum / nullif(p.with_mark, 0), 2) AS mean_mark_shnor,
    r.mean_mark AS mean_mark_region,
    coalesce(f.schools, 0) AS flagged_shnor,
    -- Sentences compare whole percents, as they show them, and only groups of at least 20 works.
    coalesce(p.participants, 0) >= 20 AS comparable,
    round(100 * share(p.mark_2, p.with_mark)) - round(100 * r.share_2) AS gap_2_whole
  FROM quality_region r
  JOIN ref_subjects s ON s.subject_code = r.subject
  LEFT JOIN shnor p ON p.subject = r.subject
  LEFT JOIN flagged f ON f.subject = r.subject
  WHERE r.year = run_year() AND r.as_of = as_of_date() AND r.scope = 'region' AND r.assessment = 'oge'
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
  -- The subjects where the participants' share of «2» is higher, widest gap first.
  list({'label': lower(subject_name[1]) || subject_name[2:], 'shnor': share_2_shnor, 'region': share_2_region}
       ORDER BY gap_2_whole DESC, subject_name) FILTER (WHERE higher) OVER () AS higher_items
FROM flags
ORDER BY subject_name
