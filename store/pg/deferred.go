package pg

import (
	"strings"

	"github.com/jackc/pgx/v5"
)

// An initial load (Load into a database without records, or Restore)
// writes every table from empty, and keeping each index and foreign key
// up to date row by row costs it several times what building them once at
// the end does (a B-tree or GiST built from all rows at once, a foreign key
// checked by one join). So such a load drops them when it starts and
// builds them again before it commits, in the same transaction: nothing is
// lost if it fails (the drop is rolled back), and nothing is committed
// unchecked (adding a constraint back checks every row). What a load reads
// while it writes stays: primary keys of records (by which it reads
// sources and records put twice) and the unique constraints of values it
// does not derive from ids.
//
// Dropping an index locks its table until commit: other servers' reads
// of these tables wait for an initial load, which they would see empty
// otherwise.
//
// Such a load also truncates the tables it finds empty, in its
// transaction. A table truncated (or made) in the writing transaction is
// one PostgreSQL need not write to its write-ahead log when wal_level is
// minimal (its files are synced at commit instead), and one COPY may
// write frozen (COPY … FREEZE), so that no vacuum rewrites every page of
// it later to freeze its rows. Measured on 1M statements: 2.6 GB of WAL
// becomes 18 MB with wal_level=minimal. Frozen rows are visible at once
// to transactions whose snapshot predates the load's commit, which for
// tables that were empty changes nothing a reader relies on.

// bulkTables are the tables a load writes, which deferral concerns.
var bulkTables = []string{"organisations", "organisation_names", "speakers", "speaker_names", "topics", "topic_names",
	"sources", "affiliations", "statements", "statement_topics", "statement_bands", "claim_reviews", "change_log"}

// linkTables are the tables whose primary key only keeps their rows
// unique, which the load's own checks (one row per record and key) do.
var linkTables = []string{"organisation_names", "speaker_names", "topic_names", "statement_topics", "statement_bands"}

// sortKeyCols are the sort-key columns, unique because each ends with its
// record's id: the load keeps ids unique itself, and keeping the unique
// index of statements' sort keys up to date row by row cost a load of 1M
// statements about three times building it at the end.
var sortKeyCols = []string{"sk", "name_sk"}

// deferQuery gives, for each foreign key, link-table primary key, unique
// constraint of sort keys and index not backing a constraint of the bulk
// tables, the statement that drops it and the one that makes it again; in
// the order to drop.
const deferQuery = `
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)), 1
  FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::text[]::regclass[])
UNION ALL
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)), 2
  FROM pg_constraint c WHERE contype = 'p' AND conrelid = ANY($2::text[]::regclass[])
    OR contype = 'u' AND conrelid = ANY($1::text[]::regclass[]) AND (SELECT array_agg(attname::text) FROM pg_attribute
       WHERE attrelid = c.conrelid AND attnum = ANY(c.conkey)) <@ $3::text[]
UNION ALL
SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 3
  FROM pg_index i WHERE i.indrelid = ANY($1::text[]::regclass[])
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
ORDER BY 3, 1`

// deferIndexes drops what deferQuery lists and returns the statements
// that make it again, in the order to run them: keys, indexes, then the
// foreign keys that need them.
func deferIndexes(t *tx) ([]string, error) {
	rows, err := t.q.Query(t.ctx, deferQuery, bulkTables, linkTables, sortKeyCols)
	if err != nil {
		return nil, t.err(err)
	}
	type ddl struct {
		drop, make string
		step       int
	}
	stmts, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (ddl, error) {
		var d ddl
		return d, r.Scan(&d.drop, &d.make, &d.step)
	})
	if err != nil {
		return nil, t.err(err)
	}
	var keys, rest []string
	for _, d := range stmts {
		if err := t.exec(d.drop); err != nil {
			return nil, err
		}
		if d.step == 1 {
			rest = append(rest, d.make)
		} else {
			keys = append(keys, d.make)
		}
	}
	if err := truncateEmpty(t); err != nil {
		return nil, err
	}
	return append(keys, rest...), nil
}

// truncateEmpty truncates the bulk tables that hold no rows, after the
// foreign keys among them are dropped (TRUNCATE refuses a table others
// refer to), and notes them in t.truncated for copyIn.
func truncateEmpty(t *tx) error {
	for _, table := range bulkTables {
		var empty bool
		if err := t.q.QueryRow(t.ctx, "SELECT NOT EXISTS (SELECT 1 FROM "+table+")").Scan(&empty); err != nil {
			return t.err(err)
		}
		if !empty {
			continue
		}
		if err := t.exec("TRUNCATE " + table); err != nil {
			return err
		}
		if t.truncated == nil {
			t.truncated = map[string]bool{}
		}
		t.truncated[table] = true
	}
	return nil
}

// buildSettings are the transaction's settings while build runs. Index
// builds sort every row, and foreign keys are checked by one join of two
// tables; with the default 64 MB both spill to disk at millions of rows,
// and PostgreSQL gives a B-tree build helper processes only when each has
// 32 MB.
var buildSettings = []string{
	"SET LOCAL maintenance_work_mem = '512MB'",
	"SET LOCAL work_mem = '256MB'",
	"SET LOCAL max_parallel_maintenance_workers = 2",
}

// build runs the statements deferIndexes returned, and then gathers the
// tables' statistics: the planner would otherwise plan for empty tables
// until autovacuum analyzes them, minutes later.
func build(t *tx, rebuild []string) error {
	if len(rebuild) == 0 {
		return nil
	}
	for _, sql := range buildSettings {
		if err := t.exec(sql); err != nil {
			return err
		}
	}
	for _, sql := range rebuild {
		if err := t.exec(sql); err != nil {
			return err
		}
	}
	return t.exec("ANALYZE " + strings.Join(bulkTables, ", "))
}
