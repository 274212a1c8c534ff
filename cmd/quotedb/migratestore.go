package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/store/pg"
)

const migrateStoreHelp = `Copies the database file --from into the empty PostgreSQL database --to
(postgres://…), records and change log exactly: ids, timestamps and the history
of every record come along. Run quotedb migrate --store URL on the target first.
The file must not be in use by a server.`

func migrateStoreCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate-store", migrateStoreHelp, stderr)
	from := fs.String("from", "", "database file to copy")
	to := fs.String("to", "", "PostgreSQL database to copy into: postgres://…")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("migrate-store takes no arguments, only flags")
	}
	if *from == "" || *to == "" {
		return usageError("migrate-store needs --from FILE.db and --to postgres://…")
	}
	if err := checkStoreURL(*to); err != nil {
		return err
	}
	src, err := openExisting(*from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := pg.Open(ctx, *to, nil)
	if err != nil {
		return err
	}
	defer dst.Close()
	n, nc, err := copyStore(ctx, src, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "copied %d records and %d changes from %s to %s\n", n, nc, *from, redacted(*to))
	return nil
}

// copyStore copies src into the empty dst: the records as src exports
// them, then its change log.
func copyStore(ctx context.Context, src *bolt.Store, dst *pg.Store) (records, changes int, err error) {
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
