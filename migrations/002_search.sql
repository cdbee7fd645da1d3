-- Full-text search over jieba-segmented text. better-sqlite3 cannot register JS tokenizers, so the ingest
-- service segments in JS and stores space-joined tokens; unicode61 then splits on the spaces.
-- `chars` holds one token per Han character, searched as a phrase, for 1–2 character queries and segmenter gaps.
CREATE VIRTUAL TABLE measure_fts USING fts5(
  measure_id UNINDEXED,
  title,
  departments,
  body,
  chars,
  tokenize = 'unicode61 remove_diacritics 0'
);
