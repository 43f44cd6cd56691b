-- Rows whose value is not one of the accepted ones.
SELECT * FROM this WHERE :column IS NOT NULL AND CAST(:column AS VARCHAR) NOT IN (:values)
