-- Triangulate's storage, version 002: facts about the stored stories that are not records themselves.
-- "clustering": the fingerprint of the clustering (its version and thresholds) that built the stored stories.
-- Adding articles re-links only the parts of the story graph they touch, which is exact only when the stories
-- left alone were built by the same clustering; a different fingerprint (an upgrade, other thresholds) means
-- everything is re-linked once.

CREATE TABLE store_meta (
  key   text COLLATE "C" PRIMARY KEY,
  value text NOT NULL
);
