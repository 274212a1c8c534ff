package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/store/pg"
)

// storeFlag adds --store, the PostgreSQL database to use instead of the
// file --db names.
func storeFlag(fs *flag.FlagSet) *string {
	return fs.String("store", envOr("QUOTEDB_STORE", ""), "PostgreSQL database to use instead of the file --db: postgres://user:password@host:port/dbname (env QUOTEDB_STORE)")
}

func isPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// checkStoreURL refuses a --store that is not a PostgreSQL URL.
func checkStoreURL(s string) error {
	if s != "" && !isPostgresURL(s) {
		return usageError("--store takes a PostgreSQL URL (postgres://…); name a database file with --db")
	}
	return nil
}

// redacted is a connection URL fit for logs: without its password.
func redacted(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "PostgreSQL"
	}
	return u.Redacted()
}

// openData opens the database a data command (import, export, ingest, gen)
// reads or writes: the PostgreSQL database storeURL when set, else the file
// db, created when missing. name is what to call it in messages: the file,
// or the URL without its password.
func openData(ctx context.Context, storeURL, db string, maxStatement int) (s store.Store, name string, err error) {
	if storeURL == "" {
		b, err := openStoreLimited(db, maxStatement, 0)
		if err != nil {
			return nil, "", err // a nil *bolt.Store in an interface would not be nil
		}
		return b, db, nil
	}
	if err := checkStoreURL(storeURL); err != nil {
		return nil, "", err
	}
	if maxStatement <= 0 {
		return nil, "", usageError("--max-statement-bytes must be positive")
	}
	p, err := pg.Open(ctx, storeURL, &pg.Options{MaxStatementBytes: maxStatement})
	if err != nil {
		return nil, "", err
	}
	return p, redacted(storeURL), nil
}

// served is the database serve runs on: a bbolt file or PostgreSQL.
type served struct {
	store.Store
	name string // the file, or the URL without its password
	// searchDir is where the search index lives by default.
	searchDir string
	stats     func() (store.Stats, error)
	bolt      *bolt.Store // nil on PostgreSQL
}

// openServed opens the PostgreSQL database storeURL when set, else the file
// db, keeping up to cacheBytes of decoded records between requests (see
// bolt.Options.CacheBytes).
func openServed(ctx context.Context, storeURL, db string, maxStatement, cacheBytes int) (*served, error) {
	if storeURL == "" {
		s, err := openStoreLimited(db, maxStatement, cacheBytes)
		if err != nil {
			return nil, err
		}
		return &served{Store: s, name: db, searchDir: db, stats: s.Stats, bolt: s}, nil
	}
	if err := checkStoreURL(storeURL); err != nil {
		return nil, err
	}
	if maxStatement <= 0 {
		return nil, usageError("--max-statement-bytes must be positive")
	}
	s, err := pg.Open(ctx, storeURL, &pg.Options{MaxStatementBytes: maxStatement})
	if err != nil {
		return nil, err
	}
	sv := &served{Store: s, name: redacted(storeURL), searchDir: pgSearchDir(storeURL), stats: s.Stats}
	return sv, nil
}

const migrateHelp = `Brings the PostgreSQL database (--store) to the schema this quotedb needs,
applying the migrations built into it that the database lacks. Safe to run
again, and by several servers at once. quotedb serve refuses a database whose
schema is older or newer than it needs.`

func migrateCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate", migrateHelp, stderr)
	storeURL := storeFlag(fs)
	prog := progressFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("migrate takes no arguments, only flags")
	}
	if *storeURL == "" {
		return usageError("migrate needs --store postgres://… (or QUOTEDB_STORE)")
	}
	if err := checkStoreURL(*storeURL); err != nil {
		return err
	}
	meter := prog.start(stderr, "migrate", "migrations", 0)
	from, to, err := pg.Migrate(ctx, *storeURL, &pg.Options{MigrationDone: func(done, pending int) {
		meter.SetTotal(int64(pending))
		meter.Set(int64(done))
	}})
	meter.Stop()
	if err != nil {
		return err
	}
	if from == to {
		fmt.Fprintf(stdout, "schema is at version %d: nothing to do\n", to)
		return nil
	}
	fmt.Fprintf(stdout, "schema migrated from version %d to %d\n", from, to)
	return nil
}

// openTokens opens the PostgreSQL database --store names, which servers
// share and never hold exclusively, or else does what open does.
func (r remote) openTokens(ctx context.Context, path string, create bool, what string) (store.Store, error) {
	if r.store != nil && *r.store != "" && *r.url == "" {
		if err := checkStoreURL(*r.store); err != nil {
			return nil, err
		}
		s, err := pg.Open(ctx, *r.store, nil)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := r.open(path, create, what)
	if s == nil || err != nil {
		return nil, err // a nil store in an interface would not be nil
	}
	return s, nil
}

// pgSearchDir is the default search index of a PostgreSQL database: a
// local folder each server keeps, following the change log, named after
// the database's URL, hashed.
func pgSearchDir(storeURL string) string {
	sum := sha256.Sum256([]byte(redacted(storeURL)))
	return "quotedb-" + hex.EncodeToString(sum[:6])
}
