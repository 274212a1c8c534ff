package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

func reindex(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("reindex", "Rebuilds the search index from the database, replacing it. serve does this by itself when\nthe index is missing, unreadable or out of step with the database; reindex does it now,\nwith the server stopped.", stderr)
	db := dbFlag(fs)
	storeURL := storeFlag(fs)
	dir := searchIndexFlag(fs)
	shards := fs.Int("shards", 0, "number of shards to split the index into, searched in parallel; 0 chooses one per 100,000 statements, at most one per core")
	prog := progressFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("reindex takes no arguments")
	}
	if *shards < 0 || *shards > maxShards {
		return usageError("--shards must be between 0 and %d", maxShards)
	}
	tuneGC()
	s, indexDir, err := openReindexed(ctx, *storeURL, *db, *dir)
	if err != nil {
		return err
	}
	defer s.Close()
	total, err := indexedCount(ctx, s)
	if err != nil {
		return err
	}
	meter := prog.start(stderr, "reindex", "records", total)
	start := time.Now()
	n, err := search.Rebuild(ctx, s, indexDir, search.Options{
		Shards:   *shards,
		Progress: func(read int) { meter.Set(int64(read)) },
	})
	meter.Stop()
	if err != nil {
		return err
	}
	took := time.Since(start)
	fmt.Fprintf(stdout, "indexed %d records in %s (%.0f/s)\n", n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	return nil
}

// openReindexed opens the database reindex reads, the file db or, with
// storeURL, PostgreSQL, and returns the index directory: dir, or the one
// serve uses by default for that database.
func openReindexed(ctx context.Context, storeURL, db, dir string) (store.Store, string, error) {
	if storeURL == "" {
		s, err := openStore(db)
		if err != nil {
			return nil, "", err // a nil *bolt.Store in an interface would not be nil
		}
		return s, searchIndexDir(dir, db), nil
	}
	s, _, err := openData(ctx, storeURL, "", store.DefaultMaxStatementBytes)
	if err != nil {
		return nil, "", err
	}
	return s, cmp.Or(dir, pgSearchDir(storeURL)), nil
}

// maxShards bounds --shards: more shards than cores only add overhead.
const maxShards = 64

func searchIndexFlag(fs *flag.FlagSet) *string {
	return fs.String("search-index", envOr("QUOTEDB_SEARCH_INDEX", ""), "search index directory; default: the database file's name with .search (env QUOTEDB_SEARCH_INDEX)")
}

// searchIndexDir is the index directory given, or the default beside db.
func searchIndexDir(dir, db string) string {
	if dir != "" {
		return dir
	}
	return search.DirFor(db)
}

// indexedCount is the number of records the search index holds: speakers,
// organisations, topics and statements.
func indexedCount(ctx context.Context, s store.Store) (int64, error) {
	var n int64
	err := s.View(ctx, func(tx store.Tx) error {
		counts, err := dump.Count(tx)
		for _, t := range []store.RecordType{store.SpeakerType, store.OrganisationType, store.TopicType, store.StatementType} {
			n += int64(counts[t])
		}
		return err
	})
	return n, err
}
