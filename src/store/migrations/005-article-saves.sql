-- Triangulate's storage, version 005: which articles were saved since the stories were last rebuilt.
-- An article re-saved under its id (a page fetched again after its outlet updated it) has a new vector, so the
-- stories around it must be linked again even though its id is not new (cluster/relink.ts). Each save records its
-- transaction id; a rebuild records the oldest transaction its snapshot could not see (pg_snapshot_xmin), and the
-- next one treats every article saved at or after that as changed: no clock, and no save a rebuild missed is
-- taken for one it saw. Rows stored before this version get the migration's own transaction id; the first
-- rebuild after it has no mark and links everything again anyway.

ALTER TABLE articles ADD COLUMN saved_xact xid8 NOT NULL DEFAULT pg_current_xact_id();
-- A rebuild asks for the few articles saved since its mark, not for every row's column.
CREATE INDEX articles_saved_xact_idx ON articles (saved_xact);
