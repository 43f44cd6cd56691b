-- The checksum of each reference table's file as last loaded.
SELECT name, sha256 FROM reference_version
