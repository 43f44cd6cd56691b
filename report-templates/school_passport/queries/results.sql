-- Results of the assessments for the school by procedure and subject (grades pooled, comparable results
-- only): share «2» (ЕГЭ: share below the minimum score) and качество знаний, this year and the year before,
-- beside the region's share «2» this year. A share of fewer than 3 works is not shown (suppression).
-- The year before is its latest run on or before the date. ВПР are the spring ones unless named «(осень)».
WITH previous_run AS (
  SELECT max(as_of) AS as_of FROM quality WHERE year = run_year() - 1 AND as_of <= as_of_date()
),
cells AS (
  SELECT q.year, q.school_login, q.assessment, q.assessment_name, coalesce(q.session, '') AS session, q.subject,
         sum(q.participants) AS participants,
         sum(CASE WHEN q.assessment = 'ege' THEN q.with_min_check ELSE q.with_mark END) AS fail_base,
         sum(CASE WHEN q.assessment = 'ege' THEN q.below_min ELSE q.mark_2 END) AS fails,
         sum(q.with_mark) AS with_mark,
         sum(q.mark_4_5) AS mark_4_5
  FROM quality q
  WHERE q.is_comparable
    AND ((q.year = run_year() AND q.as_of = as_of_date())
      OR (q.year = run_year() - 1 AND q.as_of = (SELECT as_of FROM previous_run)))
    AND q.school_login IN (SELECT school_login FROM int_risk_participants)
    AND (getvariable('school') IS NULL OR q.school_login = getvariable('school'))
  GROUP BY ALL
),
region AS (
  SELECT assessment, assessment_name, coalesce(session, '') AS session, subject,
         sum(CASE WHEN assessment = 'ege' THEN below_min ELSE mark_2 END)
           / nullif(sum(CASE WHEN assessment = 'ege' THEN with_min_check ELSE with_mark END), 0) AS share_fail
  FROM quality_region
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND is_comparable
  GROUP BY ALL
),
shares AS (
  SELECT *,
         CASE WHEN fail_base >= 3 THEN fails / fail_base END AS share_fail,
         CASE WHEN with_mark >= 3 THEN mark_4_5 / with_mark END AS share_quality
  FROM cells
),
shown AS (
  SELECT school_login, assessment, assessment_name, session, subject,
         CASE assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END AS procedure_order,
         -- compared with the region as the table shows it (one decimal), only where ≥ 20 took part (DOMAIN §4.4)
         coalesce(c.participants >= 20 AND round(c.share_fail, 3) > round(r.share_fail, 3), false) AS above_region,
         coalesce(c.participants >= 20 AND r.share_fail IS NOT NULL AND c.share_fail IS NOT NULL, false) AS compared,
         upper(assessment_name[1]) || assessment_name[2:]
           || CASE WHEN session NOT IN ('', 'весна') THEN ' (' || session || ')' ELSE '' END AS procedure,
         coalesce(s.name, subject) AS subject_name,
         c.participants,
         p.share_fail AS share_fail_before,
         c.share_fail,
         r.share_fail AS region_share_fail,
         p.share_quality AS share_quality_before,
         c.share_quality
  FROM (SELECT * FROM shares WHERE year = run_year()) c
  FULL JOIN (SELECT * FROM shares WHERE year = run_year() - 1) p
    USING (school_login, assessment, assessment_name, session, subject)
  LEFT JOIN region r USING (assessment, assessment_name, session, subject)
  LEFT JOIN ref_subjects s ON s.subject_code = subject
  -- Rows with a figure this year; the year before alone only while the school has nothing this year yet.
  WHERE coalesce(c.share_fail, c.share_quality, p.share_fail, p.share_quality) IS NOT NULL
  QUALIFY coalesce(c.share_fail, c.share_quality) IS NOT NULL
       OR count(coalesce(c.share_fail, c.share_quality)) OVER (PARTITION BY school_login) = 0
)
SELECT *,
       count(*) FILTER (WHERE compared) OVER whole AS subjects_compared,
       count(coalesce(share_fail_before, share_quality_before)) OVER whole > 0 AS has_before,
       list(procedure || ' — ' || lower(subject_name[1]) || subject_name[2:]) FILTER (WHERE above_region)
         OVER whole AS above_region_list
FROM shown
WINDOW whole AS (PARTITION BY school_login ORDER BY procedure_order, assessment_name, session, subject_name
                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
ORDER BY school_login, procedure_order, assessment_name, session, subject_name
