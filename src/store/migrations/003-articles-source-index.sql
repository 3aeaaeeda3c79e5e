-- Triangulate's storage, version 003: articles found by the address they were fetched from.
-- `watch` asks which feed links are stored already; a link that redirected is stored with its final `url` and
-- the link itself as `source`, so both columns are searched, and this index keeps that a lookup at any size.

CREATE INDEX articles_source_idx ON articles (source);
