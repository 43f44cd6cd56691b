-- The regional roadmap at the year's end (DOMAIN §4.9).
SELECT roadmap_code, items, due, done_of_due, done_on_time, overdue, share_done, share_on_time
FROM roadmap
WHERE year = run_year() AND as_of = as_of_date()
ORDER BY roadmap_code
