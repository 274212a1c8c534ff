package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/quotedb/quotedb/search"
)

func reindex(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("reindex", "Rebuilds the search index from the database, replacing it. serve does this by itself when\nthe index is missing, unreadable or out of step with the database; reindex does it now,\nwith the server stopped.", stderr)
	db := dbFlag(fs)
	dir := searchIndexFlag(fs)
	shards := fs.Int("shards", 0, "number of shards to split the index into, searched in parallel; 0 chooses one per 100,000 statements, at most one per core")
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
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	n, err := search.Rebuild(ctx, s, searchIndexDir(*dir, *db), search.Options{Shards: *shards})
	if err != nil {
		return err
	}
	took := time.Since(start)
	fmt.Fprintf(stdout, "indexed %d records in %s (%.0f/s)\n", n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	return nil
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
