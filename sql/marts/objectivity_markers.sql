-- Signs of possibly biased results for the run year (DOMAIN §4.5): every marker that could be
-- checked (class of at least min_works works) with the numbers behind it, flagged or not, and
-- the ФИОКО list as it is. A flag is for a person to check. A short Russian line says why.
SELECT
  s.municipality_code,
  s.municipality,
  o.school_login,
  s.school_name,
  o.assessment,
  o.assessment_name,
  o.session,
  o.subject,
  o.grade,
  o.marker_code,
  o.marker_name,
  o.n_works,
  o.numerator,
  o.value,
  o.threshold,
  o.value_unit,
  o.quality_share,
  o.quality_threshold,
  o.boundary_mark,
  o.boundary_score,
  o.works_at_boundary,
  o.works_below_boundary,
  o.min_works_at_boundary,
  o.previous_value,
  o.previous_n,
  o.list_marker,
  o.flagged,
  CASE
    WHEN o.marker_code IN ('lowered', 'raised') THEN
      CASE o.marker_code WHEN 'lowered' THEN 'понизили ' ELSE 'повысили ' END
      || o.numerator || ' из ' || o.n_works || ' (' || replace(CAST(pct(o.numerator, o.n_works, 1) AS VARCHAR), '.', ',')
      || ' %), порог ' || replace(CAST(round(100 * o.threshold, 1) AS VARCHAR), '.', ',') || ' %'
      || CASE WHEN o.marker_code = 'raised'
           THEN '; качество знаний ' || replace(CAST(round(100 * o.quality_share, 1) AS VARCHAR), '.', ',')
                || ' % при процентиле региона ' || replace(CAST(round(100 * o.quality_threshold, 1) AS VARCHAR), '.', ',') || ' %'
           ELSE '' END
    WHEN o.marker_code LIKE 'bunching_%' THEN
      'на первом балле отметки «' || o.boundary_mark || '» (' || regexp_replace(CAST(o.boundary_score AS VARCHAR), '\.0$', '') || ' б.) ' || o.works_at_boundary
      || ' работ, на балле ниже ' || o.works_below_boundary || '; порог — вдвое больше и не меньше '
      || CAST(o.min_works_at_boundary AS INTEGER) || ' работ'
    WHEN o.marker_code = 'change' THEN
      'качество знаний ' || replace(CAST(round(100 * o.quality_share, 1) AS VARCHAR), '.', ',') || ' % против '
      || replace(CAST(round(100 * o.previous_value, 1) AS VARCHAR), '.', ',') || ' % в прошлом году ('
      || CASE WHEN o.value >= 0 THEN '+' ELSE '−' END || replace(CAST(round(abs(o.value), 1) AS VARCHAR), '.', ',')
      || ' п. п.), порог ' || CAST(o.threshold AS INTEGER) || ' п. п.'
    ELSE 'в перечне ФИОКО: ' || coalesce(o.list_marker, 'без формулировки')
  END AS detail
FROM int_objectivity_markers o
LEFT JOIN int_schools s USING (school_login)
WHERE o.year = run_year()
