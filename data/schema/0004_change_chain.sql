-- A tamper-evident change log (lib/taizhang/chain.h): each entry is sealed with the SHA-256
-- of its own content and of the seal of the entry before it, so that `taizhang check` finds
-- an entry edited, inserted or deleted behind taizhang's back.
--
--   hash        the entry's seal: SHA-256 over its fields (and its import batch's), the
--               digest below and prev_hash
--   prev_hash   the seal of the entry before it (64 zeros for the first)
--   digest      for an import: SHA-256 over the rows the import wrote, as it wrote them
ALTER TABLE changes ADD COLUMN prev_hash TEXT;
ALTER TABLE changes ADD COLUMN hash TEXT;
ALTER TABLE changes ADD COLUMN digest TEXT;

-- SQL can not compute SHA-256, so the entries written before this migration are sealed by
-- the next write (log_change, in its transaction), which also takes the digests of their
-- imports as their rows are then. Until that write `check` verifies them as if sealed.
-- legacy_through keeps them apart from an entry added later without a seal, which is
-- never sealed after the fact.
CREATE TABLE change_chain (
  legacy_through INTEGER NOT NULL,          -- the last entry written before the chain
  legacy_sealed  INTEGER NOT NULL           -- 1 once those entries are sealed
);
INSERT INTO change_chain (legacy_through, legacy_sealed)
  SELECT coalesce(max(id), 0), max(id) IS NULL FROM changes;
