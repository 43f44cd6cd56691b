-- List 2: concept documents not approved by the curator as of the date, school by school, with what to
-- do: upload what is missing, revise what was returned, have the curator review what waits.
SELECT p.municipality_code, d.school_login, p.school_name,
       CASE WHEN d.factor_code IS NULL THEN upper(d.doc_type[1]) || d.doc_type[2:]
            ELSE 'Антирисковая программа «' || f.short_name || '»' END AS document,
       coalesce(d.curator_status, 'нет в ИС МЭДК') AS status,
       d.curator_status_at,
       CASE
         WHEN d.uploaded_at IS NULL AND d.curator_status IS NULL THEN 'школе — загрузить в ИС МЭДК'
         WHEN d.curator_status = 'на доработке' THEN 'школе — доработать и направить повторно'
         WHEN d.curator_status = 'согласовано' THEN 'куратору — проверить дату согласования'
         ELSE 'куратору — рассмотреть'
       END AS todo
FROM int_control_documents d
JOIN int_control_participants p USING (school_login)
LEFT JOIN ref_risk_factor f USING (factor_code)
WHERE NOT d.approved AND p.municipality_code IS NOT NULL
  AND (getvariable('municipality') IS NULL OR p.municipality_code = getvariable('municipality'))
ORDER BY p.municipality_code, d.school_login, d.doc_order, d.factor_code
