-- Signs of possibly biased results (DOMAIN §4.5), every year as of the run date: one row per
-- school × assessment × subject × grade × marker that could be checked, with the numbers behind
-- it and whether it fires. A flag is for a person to check, never a verdict. Markers are checked
-- only where the class has at least min_works works; the ФИОКО list is taken as it is.
-- Thresholds: ref_objectivity_thresholds (key, value).
WITH t AS (
  SELECT
    CAST(max(value) FILTER (WHERE key = 'min_works') AS INTEGER) AS min_works,
    max(value) FILTER (WHERE key = 'lowered_min_pct') AS lowered_min_pct,
    max(value) FILTER (WHERE key = 'raised_min_pct') AS raised_min_pct,
    max(value) FILTER (WHERE key = 'raised_quality_percentile') / 100 AS raised_percentile,
    max(value) FILTER (WHERE key = 'bunching_ratio') AS bunching_ratio,
    max(value) FILTER (WHERE key = 'bunching_min_at_first_score') AS bunching_min_at,
    max(value) FILTER (WHERE key = 'change_min_pp') AS change_min_pp,
    max(value) FILTER (WHERE key = 'change_upward_only') = 1 AS change_upward_only
  FROM ref_objectivity_thresholds
),
cells AS (
  SELECT c.*, share(c.mark_4 + c.mark_5, c.with_mark) AS quality_share
  FROM int_quality_cells c
),
quality_sorted AS (
  SELECT c.assessment, c.assessment_name, c.session, c.year, c.subject, c.grade,
         list_sort(list(c.quality_share)) AS v, count(*) AS n, any_value(t.raised_percentile) AS p
  FROM cells c, t
  WHERE c.with_mark >= t.min_works
  GROUP BY c.assessment, c.assessment_name, c.session, c.year, c.subject, c.grade
),
quality_cut AS (
  -- The region's percentile of качество знаний over classes large enough to be checked, by linear
  -- interpolation between the sorted values (as quantile_cont, whose fraction must be a constant).
  SELECT assessment, assessment_name, session, year, subject, grade,
         v[CAST(floor(h) AS INTEGER) + 1]
           + (h - floor(h)) * (v[least(CAST(floor(h) AS INTEGER) + 2, n)] - v[CAST(floor(h) AS INTEGER) + 1])
           AS quality_percentile
  FROM (SELECT *, (n - 1) * p AS h FROM quality_sorted)
),
journal AS (
  SELECT
    c.year, c.school_login, c.assessment, c.assessment_name, c.session, c.subject, c.grade,
    m.marker_code, m.marker_name,
    c.journal_compared AS n_works,
    CASE m.marker_code WHEN 'lowered' THEN c.journal_lowered ELSE c.journal_raised END AS numerator,
    share(CASE m.marker_code WHEN 'lowered' THEN c.journal_lowered ELSE c.journal_raised END, c.journal_compared) AS value,
    CASE m.marker_code WHEN 'lowered' THEN t.lowered_min_pct ELSE t.raised_min_pct END / 100 AS threshold,
    -- Compared in whole numbers (numerator·100 ≥ percent·N), so 6 of 20 is exactly 30 %.
    100 * CASE m.marker_code WHEN 'lowered' THEN c.journal_lowered ELSE c.journal_raised END
      >= CASE m.marker_code WHEN 'lowered' THEN t.lowered_min_pct ELSE t.raised_min_pct END * c.journal_compared
      AS share_reached,
    'доля' AS value_unit,
    CASE WHEN m.marker_code = 'raised' THEN c.quality_share END AS quality_share,
    CASE WHEN m.marker_code = 'raised' THEN q.quality_percentile END AS quality_threshold
  FROM cells c
  CROSS JOIN t
  CROSS JOIN (VALUES
    ('lowered', '«Понизили»: отметка за работу ниже отметки по журналу'),
    ('raised', '«Повысили» при качестве знаний выше большинства школ региона')
  ) m(marker_code, marker_name)
  -- A regional work may have no session: NULL matches NULL here.
  LEFT JOIN quality_cut q
    ON q.assessment = c.assessment AND q.assessment_name = c.assessment_name AND q.session IS NOT DISTINCT FROM c.session
   AND q.year = c.year AND q.subject = c.subject AND q.grade = c.grade
  WHERE c.journal_compared >= t.min_works
),
journal_flags AS (
  SELECT *,
         CASE marker_code
           WHEN 'lowered' THEN share_reached
           ELSE share_reached AND coalesce(quality_share > quality_threshold, FALSE)
         END AS flagged
  FROM journal
),
score_hist AS (
  -- One pass over the works: how many ВПР works got each score, per school × subject × grade.
  SELECT r.year, r.session, r.school_login, r.subject, r.grade, r.scale_year, r.score, count(*) AS works
  FROM int_quality_results r
  WHERE r.assessment = 'vpr' AND NOT r.is_absent AND r.school_login IS NOT NULL
  GROUP BY ALL
),
score_counts AS (
  -- Works on the first score of marks 3, 4 and 5 (ref_vpr_scale, of the scale year int_quality_results
  -- chose: the work's year, else the nearest one in the reference) and on the score just below.
  SELECT year, session, school_login, subject, grade, boundary_mark, boundary_score,
         CAST(coalesce(sum(works) FILTER (WHERE score = boundary_score), 0) AS BIGINT) AS works_at_boundary,
         CAST(coalesce(sum(works) FILTER (WHERE score = boundary_score - 1), 0) AS BIGINT) AS works_below_boundary
  FROM (
    SELECT h.*, b.boundary_mark,
           CASE b.boundary_mark WHEN 3 THEN s.mark3_from WHEN 4 THEN s.mark4_from ELSE s.mark5_from END AS boundary_score
    FROM score_hist h
    JOIN ref_vpr_scale s ON s.year = h.scale_year AND s.subject_code = h.subject AND s.grade = h.grade
    CROSS JOIN (VALUES (3), (4), (5)) b(boundary_mark)
  )
  GROUP BY year, session, school_login, subject, grade, boundary_mark, boundary_score
),
bunching AS (
  SELECT
    c.year, c.school_login, c.assessment, c.assessment_name, c.session, c.subject, c.grade,
    'bunching_' || s.boundary_mark AS marker_code,
    'Скопление работ на первом балле отметки «' || s.boundary_mark || '»' AS marker_name,
    c.participants AS n_works,
    s.works_at_boundary AS numerator,
    CAST(s.works_at_boundary AS DOUBLE) / nullif(s.works_below_boundary, 0) AS value,
    t.bunching_ratio AS threshold,
    'раз' AS value_unit,
    s.boundary_mark, s.boundary_score, s.works_at_boundary, s.works_below_boundary,
    t.bunching_min_at AS min_works_at_boundary,
    s.works_at_boundary >= t.bunching_ratio * s.works_below_boundary
      AND s.works_at_boundary >= t.bunching_min_at AS flagged
  FROM cells c
  CROSS JOIN t
  JOIN score_counts s USING (year, session, school_login, subject, grade)
  WHERE c.assessment = 'vpr' AND c.participants >= t.min_works
),
change AS (
  -- Качество знаний against the same class (school, subject, grade) of the previous year. The
  -- flag compares whole numbers (|100·(a·m − b·n)| ≥ threshold·n·m), so 30 % − 50 % is exactly 20 п. п.
  -- Only a rise questions objectivity by default (change_upward_only = 1): a fall of a grade's
  -- results is not a sign of inflated marks, and counting both directions doubles the chance flags.
  SELECT *, (CASE WHEN upward_only THEN 100 * change_num ELSE abs(100 * change_num) END)
              >= threshold * n_works * previous_n AS flagged,
         100 * CAST(change_num AS DOUBLE) / (n_works * previous_n) AS value
  FROM (
  SELECT
    c.year, c.school_login, c.assessment, c.assessment_name, c.session, c.subject, c.grade,
    'change' AS marker_code,
    'Резкое изменение качества знаний по сравнению с прошлым годом' AS marker_name,
    c.with_mark AS n_works,
    c.mark_4 + c.mark_5 AS numerator,
    CAST(c.mark_4 + c.mark_5 AS HUGEINT) * p.with_mark - CAST(p.mark_4 + p.mark_5 AS HUGEINT) * c.with_mark AS change_num,
    t.change_min_pp AS threshold,
    t.change_upward_only AS upward_only,
    'п. п.' AS value_unit,
    c.quality_share,
    p.quality_share AS previous_value,
    p.with_mark AS previous_n
  FROM cells c
  CROSS JOIN t
  JOIN cells p ON p.assessment = c.assessment AND p.assessment_name = c.assessment_name
              AND p.school_login = c.school_login AND p.subject = c.subject AND p.grade = c.grade
              AND p.year = c.year - 1 AND p.is_comparable
  WHERE c.is_comparable AND c.with_mark >= t.min_works AND p.with_mark >= t.min_works
  )
),
listed AS (
  -- The ФИОКО list flags ВПР; a row without subject or grade concerns all of them.
  SELECT
    l.year, l.school_login, 'vpr' AS assessment, 'ВПР' AS assessment_name, CAST(NULL AS VARCHAR) AS session,
    l.subject, l.grade,
    'listed' AS marker_code,
    'В перечне ФИОКО ОО с признаками необъективности результатов' AS marker_name,
    max(c.participants) AS n_works,
    string_agg(DISTINCT l.marker, '; ') AS list_marker,
    TRUE AS flagged
  FROM stg_objectivity_list l
  LEFT JOIN cells c ON c.assessment = 'vpr' AND c.year = l.year AND c.school_login = l.school_login
                   AND c.subject = l.subject AND c.grade = l.grade
  GROUP BY l.year, l.school_login, l.subject, l.grade
)
SELECT year, school_login, assessment, assessment_name, session, subject, grade, marker_code, marker_name,
       n_works, numerator, value, threshold, value_unit, quality_share, quality_threshold,
       NULL::INTEGER AS boundary_mark, NULL::DOUBLE AS boundary_score, NULL::BIGINT AS works_at_boundary,
       NULL::BIGINT AS works_below_boundary, NULL::DOUBLE AS min_works_at_boundary,
       NULL::DOUBLE AS previous_value, NULL::BIGINT AS previous_n, NULL::VARCHAR AS list_marker, flagged
FROM journal_flags
UNION ALL BY NAME
SELECT year, school_login, assessment, assessment_name, session, subject, grade, marker_code, marker_name,
       n_works, numerator, value, threshold, value_unit,
       boundary_mark, boundary_score, works_at_boundary, works_below_boundary, min_works_at_boundary, flagged
FROM bunching
UNION ALL BY NAME
SELECT year, school_login, assessment, assessment_name, session, subject, grade, marker_code, marker_name,
       n_works, numerator, value, threshold, value_unit, quality_share, previous_value, previous_n, flagged
FROM change
UNION ALL BY NAME
SELECT year, school_login, assessment, assessment_name, session, subject, grade, marker_code, marker_name,
       n_works, list_marker, flagged
FROM listed
