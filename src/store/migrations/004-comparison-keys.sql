-- Triangulate's storage, version 004: comparisons that outlive a rebuild.
-- A rebuild compares again only the stories whose inputs changed (report/comparison-key.ts); the others keep
-- their stored comparison. Each row holds the key of what it was computed from (NULL: stored before this
-- version, so compared again once). Stories are still replaced as a whole, so the cascade from their rows
-- would delete every comparison: the rebuild deletes the comparisons that go itself, in the same transaction.

ALTER TABLE comparisons DROP CONSTRAINT comparisons_story_id_fkey;
ALTER TABLE comparisons ADD COLUMN input_key text;
