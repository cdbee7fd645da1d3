-- The search index gains a facets column: tokens for a measure's document, department names, region path,
-- document kind and due dates (src/core/search/facets.ts), so filters are intersected inside FTS5 instead of
-- looked up per match. The table is recreated empty (a contentless table
-- cannot gain a column) and the fingerprint dropped, so the next start (or CLI search, or ingest) rebuilds the
-- index from measures, as after migration 005.
DROP TABLE measure_fts;
DELETE FROM search_rows;

CREATE VIRTUAL TABLE measure_fts USING fts5(
  title,
  departments,
  body,
  chars,
  facets,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

DELETE FROM meta WHERE key = 'search_index_fingerprint';

-- The distinct region paths, so a region filter compares its stem with each path once (as department_names
-- does for departments) before matching the chosen paths' facet tokens. Kept by triggers; a path whose last
-- document is gone stays and then selects nothing. The triggers test for the path instead of INSERT OR IGNORE: an
-- outer statement's conflict policy (the documents upsert) overrides a trigger's.
CREATE TABLE region_paths (
  path TEXT PRIMARY KEY
) WITHOUT ROWID;

INSERT OR IGNORE INTO region_paths (path) SELECT DISTINCT region_path FROM documents WHERE region_path IS NOT NULL;

CREATE TRIGGER documents_region_path_insert AFTER INSERT ON documents WHEN new.region_path IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM region_paths WHERE path = new.region_path) BEGIN
  INSERT INTO region_paths (path) VALUES (new.region_path);
END;

CREATE TRIGGER documents_region_path_update AFTER UPDATE OF region_path ON documents WHEN new.region_path IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM region_paths WHERE path = new.region_path) BEGIN
  INSERT INTO region_paths (path) VALUES (new.region_path);
END;
