-- The chart's rows: items by the month their period ends and their state on the date (items whose
-- period could not be read have no month and are left out; the note counts them apart).
WITH items AS (
  SELECT
    month(period_end) AS month_no,
    CASE
      WHEN overdue THEN 'просрочено'
      WHEN due AND done_on_time THEN 'выполнено в срок'
      WHEN due AND done AND NOT done_on_time THEN 'выполнено с опозданием'
      WHEN due AND done THEN 'выполнено, дата не указана'
      WHEN done THEN 'выполнено досрочно'
      ELSE 'срок не наступил'
    END AS state
  FROM roadmap_items
  WHERE year = run_year() AND as_of = as_of_date() AND period_end IS NOT NULL
)
SELECT
  month_no,
  ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'][month_no] AS month,
  state,
  CASE state WHEN 'выполнено в срок' THEN 1 WHEN 'выполнено, дата не указана' THEN 2
             WHEN 'выполнено с опозданием' THEN 3 WHEN 'просрочено' THEN 4
             WHEN 'выполнено досрочно' THEN 5 ELSE 6 END AS state_order,
  count(*) AS items
FROM items
GROUP BY ALL
ORDER BY month_no, state_order
