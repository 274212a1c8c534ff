package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/quotedb/quotedb/dataio"
	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/internal/progress"
	"github.com/quotedb/quotedb/store"
)

func genCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("gen", "Generates a realistic dataset (speakers with aliases, organisations and changing\naffiliations, a topic hierarchy, sources, statements) of any size, the same for the same seed.\nWrites JSON Lines that `quotedb import` reads to stdout, or, with --db or --store, into a database.", stderr)
	n := fs.Int("statements", 10000, "number of statements; the other records scale with it")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same dataset")
	db := fs.String("db", "", "write into this database file (created when missing) instead of stdout")
	format := fs.String("format", formatJSONL, "what to write to stdout: jsonl (records, as export writes them) or quotebank (Quotebank's quotes, one per statement)")
	prog := progressFlags(fs)
	// Not from QUOTEDB_STORE, as --db is not from QUOTEDB_DB: gen writes
	// to stdout unless told otherwise on its command line.
	storeURL := fs.String("store", "", "write into this PostgreSQL database (postgres://…, migrated) instead of stdout")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("gen takes no arguments")
	}
	if *n < 0 {
		return usageError("--statements must not be negative")
	}
	cfg := gen.Config{Statements: *n, Seed: *seed}
	if *db != "" && *storeURL != "" {
		return usageError("gen writes into --db or --store, not both")
	}
	if *format != formatJSONL && *format != formatQuotebank {
		return usageError("--format %q: want jsonl or quotebank", *format)
	}
	if *format == formatQuotebank {
		if *db != "" || *storeURL != "" {
			return usageError("--format quotebank writes to stdout; import it with quotedb import --format quotebank")
		}
		meter := prog.start(stderr, "gen", "quotes", int64(cfg.Statements))
		defer meter.Stop()
		_, err := dataio.GenerateQuotebank(ctx, cfg, stdout, func() { meter.Add(1) })
		return err
	}
	meter := prog.start(stderr, "gen", "records", genTotal(cfg))
	defer meter.Stop()
	if *db == "" && *storeURL == "" {
		w := bufio.NewWriterSize(stdout, 1<<20)
		if _, err := gen.WriteJSONL(ctx, cfg, progress.LineWriter(w, meter)); err != nil {
			return err
		}
		return w.Flush()
	}
	s, _, err := openData(ctx, *storeURL, *db, store.DefaultMaxStatementBytes)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := dump.PutAll(store.WithActor(ctx, "gen"), s, func(emit func(store.Record) error) error {
		return gen.Generate(ctx, cfg, func(rec store.Record) error {
			meter.Add(1)
			return emit(rec)
		})
	})
	meter.Stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "generated %d records: %d created, %d updated, %d unchanged\n", st.Read(), st.Created, st.Updated, st.Unchanged)
	return nil
}

// genTotal estimates the records cfg generates, for the progress report:
// affiliations depend on the draws, one to three a speaker.
func genTotal(cfg gen.Config) int64 {
	c := gen.CountsOf(cfg)
	return int64(c.Organisations + c.Speakers + c.Topics + c.Sources + 2*c.Speakers + c.Statements)
}
