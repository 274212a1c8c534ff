// Command quotedb is a quote and statement attribution database: who said
// what, when, on which topic, and where it was first reported.
//
// Run `quotedb help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/quotedb/quotedb/errs"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "quotedb:", errorText(err))
		}
		os.Exit(exitCode(err))
	}
}

// errUsage is returned after a usage message was printed; main adds nothing.
var errUsage = errors.New("usage")

// command is one subcommand of quotedb.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "run the GraphQL server", serve},
		{"ingest", "extract and store the statements of documents", ingestCmd},
		{"extract", "print the statements the extractor finds in a document", extractCmd},
		{"eval", "score the extractor against a gold file", evalCmd},
		{"export", "write all records as JSON Lines", export},
		{"import", "read records written by export", importCmd},
		{"reindex", "rebuild the search index from the database", reindex},
		{"token", "create, list and revoke API tokens", tokenCmd},
		{"backup", "write a consistent snapshot of the database, also while it serves", backupCmd},
		{"restore", "replace the database with a snapshot", restoreCmd},
		{"check", "verify the database file, its indexes and its change log", checkCmd},
		{"migrate", "bring a PostgreSQL database's schema up to date", migrateCmd},
		{"migrate-store", "copy a database file into PostgreSQL, history included", migrateStoreCmd},
		{"gen", "generate a realistic dataset of any size", genCmd},
	}
}

// run executes the command line args (without the program name).
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, args[1:], stdin, stdout, stderr)
			if errors.Is(err, errHelp) {
				return nil
			}
			return err
		}
	}
	fmt.Fprintf(stderr, "quotedb: unknown command %q\n\n", args[0])
	usage(stderr)
	return errUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, "quotedb: who said what, when, on which topic, and where it was first reported.\n\nUsage: quotedb COMMAND [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun `quotedb COMMAND -h` for a command's flags. Flags may come before or after\na command's arguments; after -- everything is an argument.\n")
}

// errorText is the message shown for err: the client-safe text of an
// *errs.Error chain, with the cause of internal errors, which the operator
// running the command may see.
func errorText(err error) string {
	if errs.KindOf(err) == errs.Internal {
		return err.Error()
	}
	return errs.Message(err)
}

// exitCode is 2 for usage errors and bad input, 1 otherwise.
func exitCode(err error) int {
	if errors.Is(err, errUsage) || errs.Is(err, errs.Invalid) {
		return 2
	}
	return 1
}
