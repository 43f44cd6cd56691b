-- The rows of the model a test is checking (TEMP this), to tell an empty mart.
SELECT count(*) FROM this
