-- Combinations of the grain columns that occur more than once.
SELECT :columns, count(*) AS n FROM this GROUP BY :columns HAVING count(*) > 1
