package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/store"
)

func export(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", "Writes every record as JSON Lines, one record per line, to stdout or --out.", stderr)
	db := dbFlag(fs)
	out := fs.String("out", "", "write to this file instead of stdout")
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	n, err := dump.Export(ctx, s, w)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "exported %d records\n", n)
	if f, ok := w.(*os.File); ok && *out != "" {
		return f.Sync()
	}
	return nil
}

func importCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", "Reads JSON Lines written by export from FILE (or stdin) into the database, in one transaction:\na file with any bad line writes nothing. Importing the same file again changes nothing.\n\nUsage: quotedb import [flags] [FILE]", stderr)
	db := dbFlag(fs)
	maxStatement, err := maxStatementFlag(fs)
	if err != nil {
		return err
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	r := stdin
	if fs.NArg() > 1 {
		return usageError("import takes one file")
	}
	if fs.NArg() == 1 {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	s, err := openStoreLimited(*db, *maxStatement)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := dump.Import(store.WithActor(ctx, "import"), s, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "read %d records: %d created, %d updated, %d unchanged\n", st.Read(), st.Created, st.Updated, st.Unchanged)
	types := make([]string, 0, len(st.ByType))
	for t := range st.ByType {
		types = append(types, string(t))
	}
	sort.Strings(types)
	for _, t := range types {
		c := st.ByType[store.RecordType(t)]
		fmt.Fprintf(stdout, "  %-13s %d created, %d updated, %d unchanged\n", t, c.Created, c.Updated, c.Unchanged)
	}
	return nil
}
