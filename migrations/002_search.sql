-- Full-text search over jieba-segmented text. better-sqlite3 cannot register JS tokenizers, so the search
-- module segments in JS and stores space-joined tokens; unicode61 then splits on the spaces.
-- `chars` holds one token per letter/digit, searched as a phrase, for 1–2 character queries and segmenter gaps.
-- The FTS row of a measure is found through search_rows (a stable integer per measure id), so removing a
-- measure from the index is a rowid look-up, not a scan of the FTS table.
CREATE TABLE search_rows (
  id          INTEGER PRIMARY KEY,
  measure_id  TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE measure_fts USING fts5(
  title,
  departments,
  body,
  chars,
  tokenize = 'unicode61 remove_diacritics 0'
);
