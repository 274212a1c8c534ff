package pg

import (
	"context"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Restore fills this empty database with a copy of another: the records
// records emits, in dependency order (as dump.Export writes them), stored
// as given, and then the change-log entries changes emits, oldest first,
// kept as they are (seqs, times, actors and images). Nothing is logged for
// the records themselves: the history copied is theirs. It is one
// transaction; a database that holds any record or change is refused with
// errs.Conflict.
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
		t.noLog = true
		err = records(func(rec store.Record) error {
			_, err := t.Put(rec)
			return err
		})
		if err != nil {
			return err
		}
		var last uint64
		return changes(func(c store.Change) error {
			if c.Seq != last+1 {
				return errs.E(errs.Invalid, "change %d follows change %d: the log has a gap", c.Seq, last)
			}
			last = c.Seq
			return t.insertChange(c)
		})
	})
}
