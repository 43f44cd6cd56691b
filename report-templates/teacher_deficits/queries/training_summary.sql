-- Training in one row: the range of the share of deficits closed by a course over the blocks (the
-- region; blocks of 20 teachers with a deficit and more, settings.sql), deficits not yet closed, and
-- how many municipal figures the mart hides (fewer teachers than ref_suppression).
WITH r AS (
  SELECT * FROM teacher_training_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'region' AND NOT suppressed
),
m AS (
  SELECT * FROM teacher_training_shares
  WHERE year = run_year() AND as_of = as_of_date() AND scope = 'municipality'
)
SELECT
  (SELECT min(share_covered) FROM r WHERE with_deficit >= 20) AS min_share_covered,
  (SELECT max(share_covered) FROM r WHERE with_deficit >= 20) AS max_share_covered,
  (SELECT count(*) FROM r WHERE with_deficit >= 20)::INTEGER AS blocks_large_enough,
  (SELECT sum(with_deficit - covered) FROM r)::INTEGER AS not_covered,
  (SELECT count(*) FROM m WHERE suppressed)::INTEGER AS municipal_cells_hidden
