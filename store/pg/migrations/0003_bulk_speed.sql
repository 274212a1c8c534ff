-- Lighter indexes and statistics, for bulk loads at millions of
-- statements.
--
-- A statement's or source's date is found by its sort key, not by a GiST
-- index on the date range: lists filtered on a date range walk the B-tree
-- of sk (the date's key, then the id) between keys that bound the dates
-- overlapping the range (see skBounds), in the order the list wants, and
-- the range condition decides. A GiST index there let the planner fetch
-- every statement of the range and sort them (a month is thousands at a
-- million statements) where a walk in sk order stops at the page's end,
-- and it was the costliest index to build after a load. Affiliations keep
-- theirs: "member at the time said" asks which periods hold a day, which
-- no sort key answers.
DROP INDEX statements_said;
DROP INDEX sources_published;

-- No planner statistics on columns no condition compares: the records as
-- JSON, the folded text (searched with strpos, whose selectivity the
-- planner does not estimate from them) and the dedup shingles. ANALYZE
-- after a load, and autovacuum, then skip the widest values.
ALTER TABLE statements ALTER COLUMN doc SET STATISTICS 0,
    ALTER COLUMN text_folded SET STATISTICS 0,
    ALTER COLUMN shingles SET STATISTICS 0;
ALTER TABLE sources ALTER COLUMN doc SET STATISTICS 0;
ALTER TABLE change_log ALTER COLUMN before SET STATISTICS 0,
    ALTER COLUMN after SET STATISTICS 0;

-- Nine statements in ten cover no dates: the index of what statements
-- cover holds the others only (lists filtered on covers say the same
-- condition).
DROP INDEX statements_covers;
CREATE INDEX statements_covers ON statements USING gist (covers) WHERE NOT isempty(covers);

-- A statement's near-duplicate band keys are deleted by the keys, which a
-- write computes from the text it replaces, so they need no index by
-- statement, nor the foreign key that would use it: with eight keys a
-- statement, building both took a tenth of a load of a million.
-- Appearances joins the keys to statements, so a key left without its
-- statement would find nothing.
ALTER TABLE statement_bands DROP CONSTRAINT statement_bands_statement_id_fkey;
DROP INDEX statement_bands_statement;

-- The change-log entry of a record created by a load holds no copy of the
-- record: its after is the record's row (after NULL, op CREATE) until the
-- record is next written, when the entry is given a copy of the row's doc
-- first. A load of a million statements so writes each doc once, not
-- twice.
ALTER TABLE change_log DROP CONSTRAINT change_log_check,
    ADD CONSTRAINT change_log_check CHECK (before IS NOT NULL OR after IS NOT NULL OR op = 'CREATE');
