package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store/bolt"
)

const restoreHelp = `Replaces the database (--db) with the snapshot FILE written by quotedb backup.

The snapshot is copied beside the database and checked first; the database is
replaced only by a checked copy, in one rename. restore refuses while a server
(or any process) has the database open: stop it first. An existing database is
replaced only with --force.`

func restoreCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	flags := newFlagSetArgs("restore", "FILE", restoreHelp, stderr)
	db := dbFlag(flags)
	force := flags.Bool("force", false, "replace an existing database")
	if err := parse(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return usageError("restore takes one snapshot FILE")
	}
	snapshot := flags.Arg(0)
	if same(snapshot, *db) {
		return usageError("the snapshot %q is the database itself", snapshot)
	}
	src, err := os.Open(snapshot)
	if err != nil {
		return err
	}
	defer src.Close()

	_, err = os.Stat(*db)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if exists && !*force {
		return usageError("database %q exists: pass --force to replace it with %s", *db, snapshot)
	}
	if exists {
		// Holding the database open keeps any server from opening it until
		// the copy is in place; a server holding it already refuses us.
		old, err := bolt.Open(*db, &bolt.Options{LockTimeout: lockWait})
		if errors.Is(err, bolt.ErrInUse) {
			return errs.Wrap(errs.Unavailable, err, fmt.Sprintf("database %q is in use: stop the server before restoring", *db))
		}
		if err != nil {
			return err
		}
		defer old.Close()
	}
	n, err := writeChecked(*db, func(w io.Writer) (int64, error) { return io.Copy(w, src) })
	if err != nil {
		return err
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := summary(ctx, s)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s (%d bytes): %s\n", *db, snapshot, n, sum)
	return nil
}
