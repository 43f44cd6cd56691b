-- Records a reference table's file checksum once it is loaded.
INSERT OR REPLACE INTO reference_version VALUES ($name, $sha256, current_timestamp)
