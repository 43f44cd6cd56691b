-- «Для служебного пользования»: teachers of the latest wave with a deficit in at least one block,
-- under the code the data holds (a pseudonym or the code of ДИРО's own system), with the school, the
-- subject, the blocks with a deficit and the worst band. Only in the restricted XLSX (restricted:
-- true), never in the PDF or HTML.
WITH d AS (
  SELECT * FROM teacher_deficits WHERE year = run_year() AND as_of = as_of_date()
),
latest AS (
  SELECT * FROM d WHERE wave_order = (SELECT max(wave_order) FROM d)
)
SELECT
  l.municipality_code, l.municipality, l.school_login, l.school_name, l.teacher_id,
  coalesce(r.name, l.subject) AS subject_name,
  string_agg(l.block || ' — ' || l.band || ' (' || replace(CAST(l.score_pct AS VARCHAR), '.', ',') || chr(160) || '%)', '; '
             ORDER BY l.band_order DESC, l.score_pct, l.block) FILTER (WHERE l.is_deficit) AS deficit_blocks,
  count(*) FILTER (WHERE l.is_deficit)::INTEGER AS deficit_blocks_count,
  arg_max(l.band, l.band_order) AS worst_band,
  max(l.band_order) AS worst_band_order
FROM latest l
LEFT JOIN ref_subjects r ON r.subject_code = l.subject
GROUP BY ALL
HAVING bool_or(l.is_deficit)
ORDER BY worst_band_order DESC, l.municipality_code, l.school_login, l.teacher_id, subject_name
