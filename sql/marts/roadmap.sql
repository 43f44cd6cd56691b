-- Execution of each regional roadmap of the run year as of the run date (DOMAIN §4.1, §4.9):
-- share done = items done among those due by the date; share on time = done by the end of their
-- period among those due. Items whose period could not be read are counted apart, never as due.
SELECT
  roadmap_code,
  count(*) AS items,
  count(*) FILTER (WHERE NOT period_known) AS items_period_unknown,
  count(*) FILTER (WHERE NOT due) AS not_due,
  count(*) FILTER (WHERE due) AS due,
  count(*) FILTER (WHERE done) AS done,
  count(*) FILTER (WHERE due AND done) AS done_of_due,
  count(*) FILTER (WHERE due AND done_on_time) AS done_on_time,
  count(*) FILTER (WHERE due AND done AND done_on_time IS NULL) AS done_date_unknown,
  count(*) FILTER (WHERE due AND done AND NOT done_on_time) AS done_late,
  count(*) FILTER (WHERE overdue) AS overdue,
  count(*) FILTER (WHERE NOT due AND done) AS done_before_due,
  count(*) FILTER (WHERE NOT period_known AND done) AS done_period_unknown,
  share(count(*) FILTER (WHERE due AND done), count(*) FILTER (WHERE due)) AS share_done,
  pct(count(*) FILTER (WHERE due AND done), count(*) FILTER (WHERE due), 1) AS pct_done,
  pct(count(*) FILTER (WHERE due AND done), count(*) FILTER (WHERE due), 0) AS pct_done_whole,
  share(count(*) FILTER (WHERE due AND done_on_time), count(*) FILTER (WHERE due)) AS share_on_time,
  pct(count(*) FILTER (WHERE due AND done_on_time), count(*) FILTER (WHERE due), 1) AS pct_on_time,
  pct(count(*) FILTER (WHERE due AND done_on_time), count(*) FILTER (WHERE due), 0) AS pct_on_time_whole
FROM int_roadmap_items
GROUP BY roadmap_code
