-- Rows where the column is empty.
SELECT * FROM this WHERE :column IS NULL
