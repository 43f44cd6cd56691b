-- Items of the regional roadmaps of the run year with their progress as of the run date
-- (DOMAIN §4.1, §4.9). One row per roadmap item; the status comes from the roadmap_status
-- version in force on the date.
-- «As of D» is applied twice: the status file is the latest one dated on or before D (staging), and
-- a «выполнено» whose done_at falls after D is not done yet on D (a later date typed into an older
-- file, or a status file read back for an earlier date). Such an item shows «в работе» on D.
-- An item whose period could not be read (period_end NULL) is neither due nor not due: its due,
-- overdue and done_on_time stay NULL so that the marts count it apart («срок не распознан»).
WITH items AS (
  SELECT roadmap_code, year, item_no, task, period, period_start, period_end, executor, indicator
  FROM stg_roadmap
  WHERE year = run_year()
),
progress AS (
  SELECT
    i.*,
    st.status AS status_reported,
    st.done_at,
    st.evidence,
    -- done on D: reported done, and not on a date after D (no date = done, date unknown)
    coalesce(st.status = 'выполнено' AND (st.done_at IS NULL OR st.done_at <= as_of_date()), false) AS done
  FROM items i
  LEFT JOIN stg_roadmap_status st
    ON st.roadmap_code = i.roadmap_code AND st.year = i.year AND st.item_no = i.item_no
)
SELECT
  roadmap_code,
  year,
  item_no,
  -- numeric part of the item number, for ordering («1.» → 1, «110» → 110); the number itself stays text
  TRY_CAST(regexp_extract(item_no, '^\s*(\d+)', 1) AS INTEGER) AS item_order,
  task,
  period,
  period_start,
  period_end,
  executor,
  indicator,
  period_end IS NOT NULL AS period_known,
  CASE
    WHEN period_end IS NULL THEN 'срок не распознан'
    WHEN period_end <= as_of_date() THEN 'срок наступил'
    ELSE 'срок не наступил'
  END AS due_state,
  CASE WHEN period_end IS NOT NULL THEN period_end <= as_of_date() END AS due,
  status_reported,
  CASE
    WHEN status_reported IS NULL THEN 'нет сведений'
    WHEN status_reported = 'выполнено' AND NOT done THEN 'в работе'
    ELSE status_reported
  END AS status,
  -- a completion dated after D is not known on D: neither its date nor its evidence is shown
  CASE WHEN done THEN done_at END AS done_at,
  CASE WHEN status_reported = 'выполнено' AND NOT done THEN NULL ELSE evidence END AS evidence,
  done,
  -- on time: done by the last day of the period; unknown when the period or the date is unknown
  CASE
    WHEN NOT done THEN false
    WHEN period_end IS NULL OR done_at IS NULL THEN NULL
    ELSE done_at <= period_end
  END AS done_on_time,
  CASE WHEN period_end IS NOT NULL THEN period_end <= as_of_date() AND NOT done END AS overdue,
  CASE WHEN period_end <= as_of_date() AND NOT done THEN CAST(as_of_date() - period_end AS INTEGER) END
    AS days_overdue
FROM progress
