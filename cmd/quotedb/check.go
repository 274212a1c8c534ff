package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

func checkCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "Verifies a database file: bbolt's own check of its pages, then that every record has\nits index entries and no index has others, that the change log has no gaps, and that\nthe API tokens are indexed. Exits with status 1 and lists the problems when there are any.\n\nIt opens the file, so it cannot check the database of a running server: check a\nsnapshot instead (quotedb backup FILE, then quotedb check --db FILE).", stderr)
	db := dbFlag(fs)
	prog := progressFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("check takes no arguments; name the file with --db")
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	total, err := recordCount(ctx, s)
	if err != nil {
		return err
	}
	meter := prog.start(stderr, "check", "records", total)
	err = s.CheckProgress(func(n int) { meter.Set(int64(n)) })
	meter.Stop()
	if err != nil {
		return err
	}
	sum, err := summary(ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s is consistent: %s\n", *db, sum)
	return nil
}

// openExisting opens a database file that must exist already, waiting only
// briefly for the lock: commands that inspect or copy a database must not
// create an empty one by mistake, and should say at once when a server
// holds it.
func openExisting(path string) (*bolt.Store, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, errs.E(errs.Invalid, "database %q does not exist", path)
	}
	return bolt.Open(path, &bolt.Options{LockTimeout: lockWait})
}

// lockWait is how long commands wait for a database another process holds.
const lockWait = 200 * time.Millisecond

// summary counts the records and tokens of s, for reports: records as
// export counts them, every type included.
func summary(ctx context.Context, s store.Store) (string, error) {
	var records, tokens int
	err := s.View(ctx, func(tx store.Tx) error {
		counts, err := dump.Count(tx)
		if err != nil {
			return err
		}
		for _, n := range counts {
			records += n
		}
		toks, err := tx.Tokens()
		tokens = len(toks)
		return err
	})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d records, %d API tokens", records, tokens), nil
}
