package pg

import (
	"context"
	"slices"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Restore fills this empty database with a copy of another: the records
// records emits, in dependency order (as dump.Export writes them), stored
// as given, and then the change-log entries changes emits, oldest first,
// kept as they are (seqs, times, actors and images). Nothing is logged for
// the records themselves: the history copied is theirs. Records are
// normalized as every write is, and written in bulk (see bulk.go), the
// database's constraints checking their references and uniqueness. It is
// one transaction; a database that holds any record or change is refused
// with errs.Conflict.
func (s *Store) Restore(ctx context.Context, records func(emit func(store.Record) error) error, changes func(emit func(store.Change) error) error) error {
	return s.update(ctx, func(t *tx) error {
		var used bool
		err := t.q.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM change_log) OR EXISTS (SELECT 1 FROM speakers)
			OR EXISTS (SELECT 1 FROM organisations) OR EXISTS (SELECT 1 FROM topics)`).Scan(&used)
		if err != nil {
			return t.err(err)
		}
		if used {
			return errs.E(errs.Conflict, "the target database is not empty: restore copies into an empty one only")
		}
		// The database is empty: its indexes and foreign keys are built
		// once, at the end, which also checks every row (deferred.go).
		rebuild, err := deferIndexes(t)
		if err != nil {
			return err
		}
		br := newBulkRecords()
		err = records(func(rec store.Record) error {
			if err := addRecord(br, rec); err != nil {
				return err
			}
			if br.full() {
				return br.flush(t)
			}
			return nil
		})
		if err == nil {
			err = br.flush(t)
		}
		if err == nil {
			err = restoreChanges(t, changes)
		}
		if err != nil {
			return err
		}
		return build(t, rebuild)
	})
}

// addRecord normalizes a record and gathers it.
func addRecord(br *bulkRecords, rec store.Record) error {
	if !slices.Contains(store.RecordTypes, rec.Type) {
		return errs.E(errs.Invalid, "record type %q is not one of %v", rec.Type, store.RecordTypes)
	}
	v, ready, err := store.NormalizeRecord(rec)
	switch {
	case err != nil:
		return err
	case v == nil:
		return errs.E(errs.Invalid, "record is missing")
	case !ready:
		return errs.E(errs.Invalid, "%s id is required", rec.Type)
	}
	doc, err := encode(v)
	if err != nil {
		return err
	}
	return br.add(rec.Type, *store.MetaOf(v).ID, doc, rowOf(v))
}

// restoreChanges writes the change log as given, in bulk.
func restoreChanges(t *tx, changes func(emit func(store.Change) error) error) error {
	b := newChangeBulk()
	var last uint64
	err := changes(func(c store.Change) error {
		if c.Seq != last+1 {
			return errs.E(errs.Invalid, "change %d follows change %d: the log has a gap", c.Seq, last)
		}
		last = c.Seq
		if err := addChange(b, c); err != nil || b.len() < bulkRecordsMax {
			return err
		}
		return b.flush(t)
	})
	if err == nil {
		err = b.flush(t)
	}
	if err == nil && last > 0 {
		t.changes++ // followers elsewhere are woken at commit
		t.seq = last
	}
	return err
}

// newChangeBulk gathers change-log rows.
func newChangeBulk() *bulkTable {
	return newBulk("change_log", "seq", "time", "time_nanos", "actor", "op", "type", "record_id", "before", "after")
}

// addChange gathers one change-log row, its time split as the table keeps
// it: timestamptz holds microseconds, time_nanos the rest.
func addChange(b *bulkTable, c store.Change) error {
	return b.add(int64(c.Seq), c.Time.Truncate(time.Microsecond), int16(c.Time.Nanosecond()%1000), c.Actor,
		string(c.Op), string(c.Type), c.ID, c.Before, c.After)
}
