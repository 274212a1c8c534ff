package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/progress"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/store/pg"
)

const migrateStoreHelp = `Copies the database --from into the empty database --to, records and change
log exactly: ids, timestamps and the history of every record come along. Each
is a database file or a PostgreSQL database (postgres://…): --from FILE.db
--to postgres://… moves a file into PostgreSQL, --from postgres://… --to
FILE.db moves it back. Run quotedb migrate --store URL on a PostgreSQL target
first; a file target is created, and removed again when the copy fails. A
file must not be in use by a server.`

// restorer is a store that copies another into itself: see pg.Store.Restore
// and bolt.Store.Restore.
type restorer interface {
	store.Store
	Restore(ctx context.Context, records func(emit func(store.Record) error) error, changes func(emit func(store.Change) error) error) error
}

func migrateStoreCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate-store", migrateStoreHelp, stderr)
	from := fs.String("from", "", "database to copy: FILE.db or postgres://…")
	to := fs.String("to", "", "empty database to copy into: postgres://… or FILE.db")
	prog := progressFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("migrate-store takes no arguments, only flags")
	}
	if *from == "" || *to == "" {
		return usageError("migrate-store needs --from and --to: a database file and a PostgreSQL URL (postgres://…)")
	}
	if *from == *to {
		return usageError("migrate-store copies a database into another, not into itself")
	}
	var src store.Store
	var err error
	if isPostgresURL(*from) {
		src, err = pg.Open(ctx, *from, nil)
	} else {
		src, err = openExistingStore(*from)
	}
	if err != nil {
		return err
	}
	defer src.Close()
	total, err := recordCount(ctx, src)
	if err != nil {
		return err
	}
	head, err := src.Head(ctx)
	if err != nil {
		return err
	}
	dst, err := openTarget(ctx, *to)
	if err != nil {
		return err
	}
	meter := prog.start(stderr, "migrate-store", "records and changes", total+int64(head))
	n, nc, err := copyStore(ctx, src, dst, meter)
	meter.Stop()
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if !isPostgresURL(*to) {
			// Created above: the copy is all or nothing.
			if rerr := os.Remove(*to); rerr != nil {
				return errors.Join(err, rerr)
			}
		}
		return err
	}
	fmt.Fprintf(stdout, "copied %d records and %d changes from %s to %s\n", n, nc, redacted(*from), redacted(*to))
	return nil
}

// openExistingStore is openExisting, as a store.Store.
func openExistingStore(path string) (store.Store, error) {
	s, err := openExisting(path)
	if err != nil {
		return nil, err // a nil *bolt.Store in an interface would not be nil
	}
	return s, nil
}

// openTarget opens the database migrate-store copies into: a PostgreSQL
// database, or a database file that must not exist yet.
func openTarget(ctx context.Context, to string) (restorer, error) {
	if isPostgresURL(to) {
		return pg.Open(ctx, to, nil)
	}
	if _, err := os.Stat(to); err == nil {
		return nil, errs.E(errs.Conflict, "%s exists: migrate-store copies into a new file only", to)
	} else if !errors.Is(err, iofs.ErrNotExist) {
		return nil, err
	}
	return bolt.Open(to, nil)
}

// copyStore copies src into the empty dst: the records as src exports
// them, then its change log, counting each on meter.
func copyStore(ctx context.Context, src store.Store, dst restorer, meter *progress.Meter) (records, changes int, err error) {
	readRecords := func(emit func(store.Record) error) error {
		pr, pw := io.Pipe()
		go func() { _, err := dump.Export(ctx, src, pw); pw.CloseWithError(err) }()
		defer pr.Close()
		dec := json.NewDecoder(pr)
		for {
			var rec store.Record
			err := dec.Decode(&rec)
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return errs.Wrap(errs.Internal, err, "reading the source's records")
			}
			records++
			meter.Add(1)
			if err := emit(rec); err != nil {
				return err
			}
		}
	}
	readChanges := func(emit func(store.Change) error) error {
		var after uint64
		for {
			chs, err := src.Changes(ctx, after, 1000)
			if err != nil || len(chs) == 0 {
				return err
			}
			for _, c := range chs {
				changes++
				meter.Add(1)
				if err := emit(c); err != nil {
					return err
				}
			}
			after = chs[len(chs)-1].Seq
		}
	}
	err = dst.Restore(ctx, readRecords, readChanges)
	return records, changes, err
}
