-- Stays empty: /healthz writes a row here inside a transaction it rolls back, to learn whether the database can
-- still be written (a read-only file, a damaged page, a size limit fail that write as they would fail any other).
CREATE TABLE health_probe (
  id    INTEGER PRIMARY KEY,
  data  BLOB NOT NULL
);
