package dataio_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/dataio"
	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// generated returns a store holding gen's dataset of n statements.
func generated(t *testing.T, n int) store.Store {
	t.Helper()
	s := bolttest.Open(t)
	_, err := dump.PutAll(t.Context(), s, func(emit func(store.Record) error) error {
		return gen.Generate(t.Context(), gen.Config{Statements: n, Seed: 3}, emit)
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func exportCSV(t *testing.T, s store.Store, what dataio.Records) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := dataio.ExportCSV(t.Context(), s, &b, what, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCSVRoundTrip exports speakers and statements as CSV, imports them
// into an empty database and exports that again: the same files; a second
// import changes nothing.
func TestCSVRoundTrip(t *testing.T) {
	a := generated(t, 300)
	speakers, statements := exportCSV(t, a, dataio.SpeakerRecords), exportCSV(t, a, dataio.StatementRecords)
	if n := strings.Count(statements, "\n"); n < 301 {
		t.Fatalf("%d lines of statements, want a header and 300", n)
	}
	b := bolttest.Open(t)
	for range 2 {
		for _, f := range []struct {
			what dataio.Records
			text string
		}{{dataio.SpeakerRecords, speakers}, {dataio.StatementRecords, statements}} {
			if _, err := dataio.ImportCSV(t.Context(), b, strings.NewReader(f.text), f.what, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	c, err := dataio.ImportCSV(t.Context(), b, strings.NewReader(statements), dataio.StatementRecords, nil)
	if err != nil || c.Unchanged[store.StatementType] != 300 || c.Created[store.StatementType]+c.Updated[store.StatementType] != 0 {
		t.Errorf("import again: %v, %v; want 300 unchanged", c, err)
	}
	if got := exportCSV(t, b, dataio.SpeakerRecords); got != speakers {
		t.Errorf("speakers differ after a round trip:\n%s\nwant\n%s", head(got), head(speakers))
	}
	if got := exportCSV(t, b, dataio.StatementRecords); got != statements {
		t.Errorf("statements differ after a round trip:\n%s\nwant\n%s", head(got), head(statements))
	}
}

func head(s string) string {
	lines := strings.SplitN(s, "\n", 4)
	return strings.Join(lines[:min(3, len(lines))], "\n")
}

// TestCSVByName imports a hand-written file that names speakers,
// organisations and topics, quotes a field with a comma, a quote and a
// line break (RFC 4180), and puts the columns in an order of its own.
func TestCSVByName(t *testing.T) {
	s := bolttest.Open(t)
	in := "text,speaker,topics,organisation,said,sourceUrl\n" +
		"\"We will build it, \"\"brick by brick\"\".\nAll of it.\",Ana Example,Housing; Economy,Example Party,2024-05,https://news.example.org/1\n" +
		"Prices must fall.,Ana Example,Economy,,2024-06-02,https://news.example.org/1\n"
	c, err := dataio.ImportCSV(t.Context(), s, strings.NewReader(in), dataio.StatementRecords, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[store.RecordType]int{store.StatementType: 2, store.SpeakerType: 1, store.TopicType: 2, store.OrganisationType: 1, store.SourceType: 1}
	for typ, n := range want {
		if c.Created[typ] != n {
			t.Errorf("%s: %d created, want %d (%v)", typ, c.Created[typ], n, c)
		}
	}
	out := exportCSV(t, s, dataio.StatementRecords)
	if !strings.Contains(out, "\"We will build it, \"\"brick by brick\"\".\nAll of it.\",DIRECT,Ana Example,Example Party,,,2024-05,Housing; Economy,UNVERIFIED") {
		t.Errorf("export:\n%s", out)
	}
}

// TestCSVBadLine: a bad line fails the import with its line number, and
// nothing of the file is written.
func TestCSVBadLine(t *testing.T) {
	good := "text,speaker,said\nFirst statement.,Ana Example,2024\n"
	for _, tc := range []struct {
		name, in string
		what     dataio.Records
		line     string
	}{
		{"bad date", good + "Second.,Ana Example,2024-13\n", dataio.StatementRecords, "line 3"},
		{"bad kind", "text,kind\nA.,DIRECT\nB.,SUNG\n", dataio.StatementRecords, "line 3"},
		{"field count", good + "Second.,Ana Example\n", dataio.StatementRecords, "line 3"},
		{"bare quote", good + "Sec\"ond.,Ana Example,2024\n", dataio.StatementRecords, "line 3"},
		{"unknown column", "text,mood\nA.,happy\n", dataio.StatementRecords, "line 1"},
		{"no text column", "speaker\nAna\n", dataio.StatementRecords, "line 1"},
		{"multi-line field then bad", "text,said\n\"A\nB.\",2024\nC.,x\n", dataio.StatementRecords, "line 4"},
		{"invalid utf-8", good + "Bad \xff.,Ana,2024\n", dataio.StatementRecords, "line 3"},
		{"bad qid", "name,qid\nAna Example,Q1\nBob Example,P7\n", dataio.SpeakerRecords, "line 3"},
		{"bad records", good, "quotes", "records"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := bolttest.Open(t)
			_, err := dataio.ImportCSV(t.Context(), s, strings.NewReader(tc.in), tc.what, nil)
			if !errs.Is(err, errs.Invalid) || !strings.Contains(err.Error(), tc.line) {
				t.Fatalf("err %v, want invalid input at %s", err, tc.line)
			}
			if n := total(t, s); n != 0 {
				t.Errorf("%d records written by a failed import", n)
			}
		})
	}
}

func total(t *testing.T, s store.Store) int {
	n := 0
	err := s.View(context.Background(), func(tx store.Tx) error {
		counts, err := dump.Count(tx)
		for _, c := range counts {
			n += c
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
