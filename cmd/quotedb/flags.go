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

// newFlagSet returns the flag set of a command that takes only flags; its
// -h prints the command's usage line, description and flags to stderr.
func newFlagSet(name, description string, stderr io.Writer) *flag.FlagSet {
	return newFlagSetArgs(name, "", description, stderr)
}

// newFlagSetArgs returns the flag set of a command that takes operands as
// well, named in operands ("FILE...", "NAME|ID"), for its usage line.
func newFlagSetArgs(name, operands, description string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\n%s\n\nFlags:\n", usageLine(name, operands), description)
		fs.PrintDefaults()
	}
	return fs
}

// usageLine is the one "Usage:" line of a command's help.
func usageLine(name, operands string) string {
	return strings.TrimSpace("Usage: quotedb " + name + " [flags] " + operands)
}

// parse parses args into fs, flags and operands in any order, as in
// `quotedb token revoke newsdesk --token T`: the flag package stops at the
// first operand, so parsing resumes after each one. "--" ends the flags;
// everything after it is an operand. -h is not an error, a bad flag is a
// usage error.
func parse(fs *flag.FlagSet, args []string) error {
	var operands []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		if err != nil {
			return errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := args[:len(args)-len(rest)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			operands = append(operands, rest...)
			break
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
	// Parse again with the operands alone behind "--", so that fs.Args
	// and fs.NArg give them; no flag is set twice.
	return fs.Parse(append([]string{"--"}, operands...))
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
// maxStatement bytes, keeping up to cacheBytes of decoded records between
// transactions (bolt.Options.CacheBytes: 0 the default, negative none).
func openStoreLimited(path string, maxStatement, cacheBytes int) (*bolt.Store, error) {
	if maxStatement <= 0 {
		return nil, usageError("--max-statement-bytes must be positive")
	}
	return bolt.Open(path, &bolt.Options{MaxStatementBytes: maxStatement, CacheBytes: cacheBytes})
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
