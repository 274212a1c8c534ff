package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/progress"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

const exportHelp = `Writes every record as JSON Lines, one record per line, to stdout or --out.
--out FILE appears complete or not at all.

It works while the server runs. When the database file is free, export reads it
directly. When a running server holds it, export streams the records from the
server's GET /admin/export, which needs an admin token (--token, env
QUOTEDB_TOKEN). --server forces that. Either way the records are read in one
transaction: a consistent snapshot, also while others write. With --store it
reads the PostgreSQL database.

--format csv writes statements (--records statements), with speakers,
organisations and topics by name, or speakers with their aliases (--records
speakers), as CSV with a header row. --format quotebank writes Quotebank's
quote-centric JSON Lines, a quote per first appearance with the urls of all its
appearances. --format claimreview writes every claim review as a schema.org
DataFeed, as GET /claimreviews.jsonld serves it. These read a database file
(with --store, only JSON Lines is written).`

func export(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", exportHelp, stderr)
	db := dbFlag(fs)
	storeURL := storeFlag(fs)
	out := fs.String("out", "", "write to this file instead of stdout")
	srv := remoteFlags(fs)
	prog := progressFlags(fs)
	ff := formatFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("export takes no arguments; name the file to write with --out")
	}
	if err := ff.check(); err != nil {
		return err
	}
	s, source, err := srv.openExport(ctx, *storeURL, *db)
	if err != nil {
		return err
	}
	var write func(io.Writer, *progress.Meter) (int, error)
	var total int64
	switch {
	case s != nil:
		defer s.Close()
		if bs, ok := s.(*bolt.Store); ok {
			if write, total, err = ff.exporter(ctx, bs); err != nil {
				return err
			}
		} else if *ff.format == formatJSONL {
			write = func(w io.Writer, m *progress.Meter) (int, error) {
				return dump.Export(ctx, s, progress.LineWriter(w, m))
			}
		} else {
			return usageError("--format %s reads a database file; from --store, export writes JSON Lines", *ff.format)
		}
	case *ff.format != formatJSONL:
		return usageError("--format %s reads the database file, which a running server holds; stop it, or export a backup", *ff.format)
	default:
		source = *srv.url + "/admin/export"
		write = func(w io.Writer, m *progress.Meter) (int, error) {
			return downloadExport(ctx, source, *srv.token, progress.LineWriter(w, m))
		}
	}
	meter := prog.start(stderr, "export", ff.unit(), total)
	var n int
	if *out == "" {
		n, err = write(stdout, meter)
	} else {
		err = writeAtomic(*out, func(w io.Writer) (err error) { n, err = write(w, meter); return err }, nil)
	}
	meter.Stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "exported %d %s from %s\n", n, ff.unit(), source)
	return nil
}

// openExport opens the database export reads: PostgreSQL when storeURL
// is set, which servers never hold; else the file db, or, when that is in
// use or --server is given, nil: export goes through the server.
func (r remote) openExport(ctx context.Context, storeURL, db string) (store.Store, string, error) {
	if storeURL == "" {
		s, err := r.open(db, false, "export it")
		if s == nil || err != nil {
			return nil, db, err // a nil *bolt.Store in an interface would not be nil
		}
		return s, db, nil
	}
	if *r.url != "" {
		return nil, "", usageError("export reads --store or goes through --server, not both")
	}
	return openData(ctx, storeURL, "", store.DefaultMaxStatementBytes)
}

// downloadExport streams the records of the server's /admin/export at url
// to w and returns their number, failing when the export was cut short:
// the server sends the number in a trailer after the last record.
func downloadExport(ctx context.Context, url, token string, w io.Writer) (int, error) {
	res, err := adminGet(ctx, url, token, "export")
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	lines := &lineCounter{w: w}
	if _, err := io.Copy(lines, res.Body); err != nil {
		return lines.n, errs.Wrap(errs.Unavailable, err, "downloading the export")
	}
	if sent := res.Trailer.Get(server.RecordsTrailer); sent != strconv.Itoa(lines.n) {
		return lines.n, errs.E(errs.Unavailable, "the export was cut short: %d records received, the server reports %q", lines.n, sent)
	}
	return lines.n, nil
}

// lineCounter counts the lines written through it.
type lineCounter struct {
	w io.Writer
	n int
}

func (c *lineCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += bytes.Count(p[:n], []byte("\n"))
	return n, err
}

func importCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSetArgs("import", "[FILE]", importHelp, stderr)
	db := dbFlag(fs)
	storeURL := storeFlag(fs)
	maxStatement, err := maxStatementFlag(fs)
	if err != nil {
		return err
	}
	prog := progressFlags(fs)
	ff := formatFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := ff.check(); err != nil {
		return err
	}
	r := stdin
	if fs.NArg() > 1 {
		return usageError("import takes one file")
	}
	var size int64
	name := "stdin"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	ctx = store.WithActor(ctx, "import")
	if *storeURL == "" && (*ff.format == formatJSONL || *ff.format == formatQuotebank) && *maxStatement > 0 && !exists(*db) {
		// A new database file is written page by page, several times
		// faster than records put into an open one.
		meter := prog.start(stderr, "import", ff.unit(), 0)
		defer meter.Stop()
		nf := &bolt.NewFile{Path: *db, Options: &bolt.Options{MaxStatementBytes: *maxStatement}}
		if *ff.format == formatQuotebank {
			return ff.importQuotebank(ctx, nf, r, name, size, meter, stdout)
		}
		st, err := dump.LoadProgress(ctx, nf, progress.TotalReader(r, meter, size, nil), func() { meter.Add(1) })
		meter.Stop()
		if err != nil {
			return err
		}
		printImportStats(stdout, st)
		return nil
	}
	s, _, err := openData(ctx, *storeURL, *db, *maxStatement)
	if err != nil {
		return err
	}
	defer s.Close()
	meter := prog.start(stderr, "import", ff.unit(), 0)
	defer meter.Stop()
	if *ff.format != formatJSONL {
		bs, ok := s.(*bolt.Store)
		if !ok {
			return usageError("--format %s imports into a database file; into --store, import JSON Lines", *ff.format)
		}
		return ff.importOther(ctx, bs, r, name, size, meter, stdout)
	}
	st, err := dump.ImportProgress(ctx, s, progress.TotalReader(r, meter, size, nil), func() { meter.Add(1) })
	meter.Stop()
	if err != nil {
		return err
	}
	printImportStats(stdout, st)
	return nil
}

// printImportStats reports what an import of JSON Lines did.
func printImportStats(stdout io.Writer, st dump.Stats) {
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
}

// exists reports whether path names a file (or anything else).
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !os.IsNotExist(err)
}
