-- A retired table's build records: its runs are kept in the retired table, not rebuilt from them.
DELETE FROM model_build WHERE model = $model
