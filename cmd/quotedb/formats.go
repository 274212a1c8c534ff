package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/dataio"
	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/internal/progress"
	"github.com/quotedb/quotedb/jsonld"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

const importHelp = `Reads records into the database (--db, or --store) from FILE (or stdin), in one transaction: a file
with any bad line writes nothing, and the error names the line. Importing the same
file again changes nothing.

--format jsonl (the default) reads what export writes. --format csv reads
statements (--records statements) or speakers with their aliases (--records
speakers), with a header row; speakers, organisations and topics go by name and
are created when missing. --format quotebank reads Quotebank's quote-centric JSON
Lines, FILE compressed or not (.bz2, .gz): a statement per url of each quote, the
first its first appearance, in a source with that url; the speaker found by
Wikidata id, else by name, else created ("None": no speaker); several qids stay
candidates on the speaker. --format claimreview reads schema.org ClaimReview
JSON-LD (one review, a list, or a DataFeed) and puts each review on the statement
its claim matches, as verifyQuote matches (through the search index, built when
missing); claims that match none or several are listed, not written.`

// Formats of export and import.
const (
	formatJSONL       = "jsonl"
	formatCSV         = "csv"
	formatQuotebank   = "quotebank"
	formatClaimReview = "claimreview"
)

var formats = []string{formatJSONL, formatCSV, formatQuotebank, formatClaimReview}

// formatOpts are the --format and --records flags of export and import.
type formatOpts struct {
	format, records *string
}

func formatFlags(fs *flag.FlagSet) formatOpts {
	return formatOpts{
		format:  fs.String("format", formatJSONL, "file format: "+strings.Join(formats, ", ")),
		records: fs.String("records", string(dataio.StatementRecords), "with --format csv: which records, statements or speakers (with aliases)"),
	}
}

func (f formatOpts) check() error {
	if !slices.Contains(formats, *f.format) {
		return usageError("--format %q: want one of %s", *f.format, strings.Join(formats, ", "))
	}
	if r := dataio.Records(*f.records); r != dataio.StatementRecords && r != dataio.SpeakerRecords {
		return usageError("--records %q: want statements or speakers", *f.records)
	}
	return nil
}

// unit names what the format counts, in reports.
func (f formatOpts) unit() string {
	switch *f.format {
	case formatCSV:
		return "rows"
	case formatQuotebank:
		return "quotes"
	case formatClaimReview:
		return "reviews"
	}
	return "records"
}

// exporter returns the function that writes s in the format and the
// number of units it will write.
func (f formatOpts) exporter(ctx context.Context, s *bolt.Store) (func(io.Writer, *progress.Meter) (int, error), int64, error) {
	switch *f.format {
	case formatCSV:
		what := dataio.Records(*f.records)
		typ := store.StatementType
		if what == dataio.SpeakerRecords {
			typ = store.SpeakerType
		}
		total, err := typeCount(ctx, s, typ)
		return func(w io.Writer, m *progress.Meter) (int, error) {
			return dataio.ExportCSV(ctx, s, w, what, func() { m.Add(1) })
		}, total, err
	}
	if *f.format == formatClaimReview {
		total, err := typeCount(ctx, s, store.ClaimReviewType)
		if err != nil {
			return nil, 0, err
		}
		return func(w io.Writer, m *progress.Meter) (int, error) {
			var n int
			err := s.View(ctx, func(tx store.Tx) (err error) {
				n, err = jsonld.WriteFeed(ctx, tx, w)
				return err
			})
			m.Set(int64(n))
			return n, err
		}, total, nil
	}
	if *f.format == formatQuotebank {
		total, err := typeCount(ctx, s, store.StatementType)
		return func(w io.Writer, m *progress.Meter) (int, error) {
			return dataio.ExportQuotebank(ctx, s, w, func() { m.Add(1) })
		}, total, err
	}
	total, err := recordCount(ctx, s)
	return func(w io.Writer, m *progress.Meter) (int, error) {
		return dump.Export(ctx, s, progress.LineWriter(w, m))
	}, total, err
}

// importOther imports r, named name and of size bytes (0 when unknown),
// in a format other than JSON Lines, and reports what it did on stdout.
func (f formatOpts) importOther(ctx context.Context, s *bolt.Store, r io.Reader, name string, size int64, m *progress.Meter, stdout io.Writer) error {
	var c dataio.Counts
	var err error
	switch *f.format {
	case formatCSV:
		c, err = dataio.ImportCSV(ctx, s, r, dataio.Records(*f.records), func() { m.Add(1) })
	case formatQuotebank:
		return f.importQuotebank(ctx, s, r, name, size, m, stdout)
	case formatClaimReview:
		return importClaimReviews(ctx, s, r, name, m, stdout)
	}
	m.Stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "read %s (%s): %s\n", name, *f.format, c)
	return nil
}

// typeCount is the number of records of one type in s.
func typeCount(ctx context.Context, s store.Store, t store.RecordType) (int64, error) {
	var n int64
	err := s.View(ctx, func(tx store.Tx) error {
		counts, err := dump.Count(tx)
		n = int64(counts[t])
		return err
	})
	return n, err
}

// recordCount is the number of records a JSON Lines export of s writes.
func recordCount(ctx context.Context, s store.Store) (int64, error) {
	var n int64
	err := s.View(ctx, func(tx store.Tx) error {
		counts, err := dump.Count(tx)
		for _, c := range counts {
			n += int64(c)
		}
		return err
	})
	return n, err
}

// importClaimReviews imports ClaimReview JSON-LD, matching claims through
// the search index beside the database, and lists the reviews it could not
// place.
func importClaimReviews(ctx context.Context, s *bolt.Store, r io.Reader, name string, m *progress.Meter, stdout io.Writer) error {
	ix := search.Open(s, search.DirFor(s.Path()), search.Options{})
	defer ix.Close()
	if err := ix.WaitCurrent(ctx); err != nil {
		return err
	}
	rep, err := dataio.ImportClaimReviews(ctx, s, ix, r)
	m.Stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "read %d claim reviews from %s: %s; %d not matched\n", rep.Read, name, rep.Counts, len(rep.Unmatched))
	for _, u := range rep.Unmatched {
		fmt.Fprintf(stdout, "  not matched: %s: %s\n", u.Review.At, u.Reason)
	}
	return nil
}

// importQuotebank imports Quotebank quotes from r, named name and of size
// bytes (0 when unknown), into s: an open database or a bolt.NewFile.
func (f formatOpts) importQuotebank(ctx context.Context, s store.Loader, r io.Reader, name string, size int64, m *progress.Meter, stdout io.Writer) error {
	raw := &progress.ByteReader{R: r}
	r, err := dataio.Decompress(raw, name)
	if err != nil {
		return err
	}
	c, err := dataio.LoadQuotebank(ctx, s, progress.TotalReader(r, m, size, raw.N), func() { m.Add(1) })
	m.Stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "read %s (%s): %s\n", name, *f.format, c)
	return nil
}
