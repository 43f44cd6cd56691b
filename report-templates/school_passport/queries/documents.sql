-- The concept documents the school must have approved (DOMAIN §4.1): Концепция развития, Среднесрочная
-- программа развития and one антирисковая программа per activated direction, with their status in ИС МЭДК.
SELECT d.school_login, d.doc_order, d.factor_code,
       CASE WHEN d.factor_code IS NULL THEN upper(d.doc_type[1]) || d.doc_type[2:]
            ELSE 'Антирисковая программа «' || f.short_name || '»' END AS document,
       d.uploaded_at,
       coalesce(d.curator_status, 'нет в ИС МЭДК') AS status,
       d.curator_status_at,
       d.approved
FROM int_control_documents d
LEFT JOIN ref_risk_factor f USING (factor_code)
WHERE getvariable('school') IS NULL OR d.school_login = getvariable('school')
ORDER BY d.school_login, d.doc_order, d.factor_code
