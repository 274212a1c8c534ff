package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// newFlagSet returns a flag set whose -h prints the command's description
// and flags to stderr.
func newFlagSet(name, description string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: quotedb %s [flags]\n\n%s\n\nFlags:\n", name, description)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args into fs; -h is not an error, a bad flag is a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	if err != nil {
		return errUsage
	}
	return nil
}

// errHelp ends a command whose help was asked for; run reports success.
var errHelp = errors.New("help shown")

func usageError(format string, args ...any) error {
	return errs.E(errs.Invalid, format, args...)
}

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", envOr("QUOTEDB_DB", "./quotedb.db"), "database file (env QUOTEDB_DB)")
}

func openStore(path string) (*bolt.Store, error) {
	return bolt.Open(path, nil)
}

// maxStatementFlag adds --max-statement-bytes to fs, set from
// QUOTEDB_MAX_STATEMENT_BYTES when that is set.
func maxStatementFlag(fs *flag.FlagSet) (*int, error) {
	n := fs.Int("max-statement-bytes", store.DefaultMaxStatementBytes, "largest statement text to store, in bytes; a document with a longer statement is refused whole (env QUOTEDB_MAX_STATEMENT_BYTES)")
	return n, setFromEnv(fs, map[string]string{"max-statement-bytes": "QUOTEDB_MAX_STATEMENT_BYTES"})
}

// openStoreLimited opens the database refusing statements longer than
// maxStatement bytes.
func openStoreLimited(path string, maxStatement int) (*bolt.Store, error) {
	if maxStatement <= 0 {
		return nil, usageError("--max-statement-bytes must be positive")
	}
	return bolt.Open(path, &bolt.Options{MaxStatementBytes: maxStatement})
}

func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func envBool(key string) bool {
	b, _ := strconv.ParseBool(os.Getenv(key))
	return b
}

// setFromEnv sets each flag named in env from its environment variable, when
// that is set, so that the command line still overrides it; a value the flag
// cannot parse is a usage error naming the variable.
func setFromEnv(fs *flag.FlagSet, env map[string]string) error {
	for name, key := range env {
		v, ok := os.LookupEnv(key)
		if !ok {
			continue
		}
		if err := fs.Set(name, v); err != nil {
			return usageError("%s=%q: %v", key, v, err)
		}
	}
	return nil
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
