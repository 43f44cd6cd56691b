-- Sources this report reads that report_calendar does not list for it (its «needs» cannot name them):
-- for each section, the exports with no file as of the date, so the section says «Нет данных» itself.
-- Same rule as the shared data_quality query: a partition's latest loaded version on or before the date.
WITH sections(section, source, title) AS (
  VALUES ('indicators', 'schools', 'реестр ОО'),
         ('indicators', 'survey_status', 'ход анкетирования'),
         ('indicators', 'events', 'семинары и вебинары'),
         ('indicators', 'curator_visits', 'посещения школ кураторами'),
         ('indicators', 'medk_directions', 'рисковые направления в ИС МЭДК'),
         ('indicators', 'medk_documents', 'концептуальные документы в ИС МЭДК'),
         ('risk', 'medk_directions', 'рисковые направления в ИС МЭДК'),
         ('risk', 'risk_profiles', 'рисковые профили школ (РПШ)'),
         ('roadmap', 'roadmap', 'региональная дорожная карта'),
         ('roadmap', 'roadmap_status', 'исполнение дорожной карты')
),
loaded AS (
  SELECT DISTINCT bp.source
  FROM batch_partition bp
  JOIN load_batch b USING (batch_id)
  WHERE b.status = 'loaded' AND bp.snapshot_date <= as_of_date()
)
SELECT
  list(s.title ORDER BY s.source) FILTER (WHERE s.section = 'indicators' AND l.source IS NULL) AS indicators_missing,
  list(s.title ORDER BY s.source) FILTER (WHERE s.section = 'risk' AND l.source IS NULL) AS risk_missing,
  list(s.title ORDER BY s.source) FILTER (WHERE s.section = 'roadmap' AND l.source IS NULL) AS roadmap_missing
FROM sections s
LEFT JOIN loaded l USING (source)
ORDER BY 1
