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
