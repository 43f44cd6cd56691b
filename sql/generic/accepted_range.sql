-- Rows whose value is outside the inclusive range.
SELECT * FROM this WHERE :column < :min OR :column > :max
