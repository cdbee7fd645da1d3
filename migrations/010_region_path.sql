-- A document's region is its own level (南京市, 成都市武侯区); region_path holds it with its parents, outermost
-- first and separated by '/' (江苏省/南京市), so a region filter can match any level. Documents stored before
-- this keep their region as a one-level path until they are ingested again.
ALTER TABLE documents ADD COLUMN region_path TEXT;
UPDATE documents SET region_path = region;
