-- Values of the column that occur more than once.
SELECT :column, count(*) AS n FROM this WHERE :column IS NOT NULL GROUP BY :column HAVING count(*) > 1
