-- The regional roadmap item by item as of the run date (DOMAIN §4.9): what was due, what is done,
-- on time or late, and what is overdue with its executor — the list the ministry asks about.
SELECT
  roadmap_code,
  item_no,
  item_order,
  task,
  period,
  period_start,
  period_end,
  executor,
  indicator,
  due_state,
  due,
  status,
  status_reported,
  done_at,
  evidence,
  done,
  done_on_time,
  overdue,
  days_overdue
FROM int_roadmap_items
