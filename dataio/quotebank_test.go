package dataio_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/dataio"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

func importQuotebank(t *testing.T, s store.Store, text string) dataio.Counts {
	t.Helper()
	c, err := dataio.ImportQuotebank(t.Context(), s, strings.NewReader(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestQuotebankMapping imports the hand-written fixture and checks each
// rule of the mapping.
func TestQuotebankMapping(t *testing.T) {
	s := bolttest.Open(t)
	c := importQuotebank(t, s, string(fixture(t, "quotebank.jsonl")))
	// 3 + 1 + 2 + 2 + 1 urls; 3 named speakers; 8 distinct urls.
	if c.Created[store.StatementType] != 9 || c.Created[store.SpeakerType] != 3 || c.Created[store.SourceType] != 8 {
		t.Errorf("counts %v", c)
	}
	err := s.View(t.Context(), func(tx store.Tx) error {
		named := func(name string) *store.Speaker {
			sp, err := store.SpeakersNamed(tx, name)
			if err != nil || len(sp) != 1 {
				t.Fatalf("speaker %q: %v %v", name, sp, err)
			}
			return sp[0]
		}
		if m := named("Mirela Vantongeren"); m.QID != "Q90000001" || len(m.QIDCandidates) != 0 {
			t.Errorf("one qid links the speaker: %+v", m)
		}
		if j := named("Jon Alder"); j.QID != "" || !slices.Equal(j.QIDCandidates, []string{"Q90000002", "Q90000003", "Q90000004"}) {
			t.Errorf("homonyms stay candidates: %+v", j)
		}
		all, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 50})
		if err != nil {
			return err
		}
		var bridge []*store.Statement
		for _, st := range all.Items {
			if st.Kind != store.Direct || st.Language != "en" {
				t.Errorf("statement %+v: want DIRECT, en", st)
			}
			switch {
			case strings.HasPrefix(st.Text, "the new bridge"):
				bridge = append(bridge, st)
			case strings.HasPrefix(st.Text, "nobody"):
				if st.SpeakerID != "" || st.Confidence != 0.541 {
					t.Errorf("None speaker: %+v", st)
				}
			}
		}
		if len(bridge) != 3 || bridge[0].Confidence != 0.8712 || bridge[0].Said.String() != "2019-03-04" {
			t.Fatalf("bridge statements %+v", bridge)
		}
		apps, err := tx.Appearances(bridge[1].ID)
		if err != nil {
			return err
		}
		if len(apps) != 3 || !apps[0].First || apps[0].Source.URL != "http://harbourtimes.example/2019/03/04/bridge-plans" {
			t.Errorf("appearances %+v", apps)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if again := importQuotebank(t, s, string(fixture(t, "quotebank.jsonl"))); again.Unchanged[store.StatementType] != 9 ||
		again.Created[store.StatementType]+again.Created[store.SpeakerType]+again.Created[store.SourceType] != 0 {
		t.Errorf("import again: %v", again)
	}
}

// TestQuotebankRoundTrip exports the imported fixture, imports that into
// an empty database and exports again: the same lines, one per quote, with
// numOccurrences from the appearances.
func TestQuotebankRoundTrip(t *testing.T) {
	a := bolttest.Open(t)
	importQuotebank(t, a, string(fixture(t, "quotebank.jsonl")))
	first := exportQuotebank(t, a)
	if n := strings.Count(first, "\n"); n != 5 {
		t.Fatalf("%d quotes exported, want 5:\n%s", n, first)
	}
	if !strings.Contains(first, `"numOccurrences":3,"probas":[["Mirela Vantongeren","0.8712"]],"urls":["http://harbourtimes.example/2019/03/04/bridge-plans","https://valleypost.example/news/bridge-trains-cars","http://harbourtimes.example/2019/03/05/bridge-followup"]`) {
		t.Errorf("bridge quote:\n%s", first)
	}
	if !strings.Contains(first, `"speaker":"None","qids":[],"date":"2019-03-05 00:00:00","numOccurrences":2`) {
		t.Errorf("quote without speaker:\n%s", first)
	}
	if !strings.Contains(first, `"quotation":"Absolutely not","speaker":"Tomas Ilvessalo","qids":["Q90000005"],"date":"2019-03-06 00:00:00","numOccurrences":2`) {
		t.Errorf("a quote too short for near duplicates is still one quote:\n%s", first)
	}
	b := bolttest.Open(t)
	importQuotebank(t, b, first)
	if second := exportQuotebank(t, b); second != first {
		t.Errorf("second export differs:\n%s\nfirst:\n%s", second, first)
	}
	// The export, imported into the database it came from, changes nothing.
	if c := importQuotebank(t, a, first); c.Unchanged[store.StatementType] != 9 || c.Created[store.StatementType] != 0 {
		t.Errorf("export imported into its own database: %v", c)
	}
}

func exportQuotebank(t *testing.T, s store.Store) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := dataio.ExportQuotebank(t.Context(), s, &b, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestQuotebankCompressed reads the fixture compressed with bzip2 and gzip.
func TestQuotebankCompressed(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(fixture(t, "quotebank.jsonl"))
	zw.Close()
	for name, data := range map[string][]byte{"q.jsonl.bz2": fixture(t, "quotebank.jsonl.bz2"), "q.jsonl.gz": gz.Bytes()} {
		r, err := dataio.Decompress(bytes.NewReader(data), name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := dataio.ImportQuotebank(t.Context(), bolttest.Open(t), r, nil)
		if err != nil || c.Created[store.StatementType] != 9 {
			t.Errorf("%s: %v, %v", name, c, err)
		}
	}
}

func TestQuotebankBadLine(t *testing.T) {
	good := string(fixture(t, "quotebank.jsonl"))
	for _, tc := range []struct{ name, line string }{
		{"not json", `{"quoteID": "x",`},
		{"no quotation", `{"quoteID": "x", "quotation": " ", "speaker": "None"}`},
		{"no id", `{"quotation": "words here", "speaker": "None"}`},
		{"bad date", `{"quoteID": "x", "quotation": "words here", "speaker": "None", "date": "2019-13-01 00:00:00"}`},
		{"bad proba", `{"quoteID": "x", "quotation": "words here", "speaker": "None", "probas": [["None", "1.7"]]}`},
		{"bad qid", `{"quoteID": "x", "quotation": "words here", "speaker": "Ana Example", "qids": ["P12", "Q1"]}`},
		{"bad url", `{"quoteID": "x", "quotation": "words here", "speaker": "None", "urls": ["not a url"]}`},
		{"invalid utf-8", "{\"quoteID\": \"x\", \"quotation\": \"w\xff\", \"speaker\": \"None\"}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := bolttest.Open(t)
			_, err := dataio.ImportQuotebank(t.Context(), s, strings.NewReader(good+tc.line+"\n"), nil)
			if err == nil || errs.KindOf(err) == errs.Internal || !strings.Contains(err.Error(), "line 6") {
				t.Fatalf("err %v, want a bad-input error at line 6", err)
			}
			if n := total(t, s); n != 0 {
				t.Errorf("%d records written by a failed import", n)
			}
		})
	}
}

// TestQuotebankBadLineLate: a bad line after many (decoded in batches on
// several cores), and after a blank one, is reported with its number and
// writes nothing; the same file without it imports whole.
func TestQuotebankBadLineLate(t *testing.T) {
	var buf bytes.Buffer
	n, err := dataio.GenerateQuotebank(t.Context(), gen.Config{Statements: 600, Seed: 3}, &buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	good := buf.String() + "\n"
	s := bolttest.Open(t)
	c, err := dataio.ImportQuotebank(t.Context(), s, strings.NewReader(good), nil)
	if err != nil || c.Created[store.StatementType] < n {
		t.Fatalf("good file: %v, %v, want %d statements or more", c, err, n)
	}
	for _, at := range []int{300, n + 2} {
		lines := strings.SplitAfter(good, "\n")
		bad := strings.Join(lines[:at-1], "") + `{"quoteID": "x",` + "\n" + strings.Join(lines[at-1:], "")
		s := bolttest.Open(t)
		_, err := dataio.ImportQuotebank(t.Context(), s, strings.NewReader(bad), nil)
		if want := fmt.Sprintf("line %d:", at); err == nil || errs.KindOf(err) != errs.Invalid || !strings.Contains(err.Error(), want) {
			t.Fatalf("bad line %d: err %v, want an Invalid error at %q", at, err, want)
		}
		if got := total(t, s); got != 0 {
			t.Errorf("bad line %d: %d records written by a failed import", at, got)
		}
	}
}

// TestQuotebankLinksQIDs: a quote's one qid finds its speaker whatever the
// name, and links a speaker found by name that has none.
func TestQuotebankLinksQIDs(t *testing.T) {
	s := bolttest.Open(t)
	known := &store.Speaker{Name: "Dr. R. Okonkwo-Lindqvist", QID: "Q777"}
	plain := &store.Speaker{Name: "Sabine Marrow"}
	err := s.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.CreateSpeaker(known); err != nil {
			return err
		}
		return tx.CreateSpeaker(plain)
	})
	if err != nil {
		t.Fatal(err)
	}
	importQuotebank(t, s, `{"quoteID": "q1", "quotation": "the harbour will be dredged in spring", "speaker": "Rita Okonkwo-Lindqvist", "qids": ["Q777"], "date": "2020-02-02 10:00:00", "probas": [["Rita Okonkwo-Lindqvist", "0.9"]], "urls": ["https://a.example/1"]}
{"quoteID": "q2", "quotation": "we will publish the figures next week", "speaker": "Sabine Marrow", "qids": ["Q888"], "date": "2020-02-03 10:00:00", "probas": [["Sabine Marrow", "0.8"]], "urls": ["https://a.example/2"]}
`)
	err = s.View(t.Context(), func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{})
		if err != nil {
			return err
		}
		if len(c.Items) != 2 || c.Items[0].SpeakerID != known.ID || c.Items[1].SpeakerID != plain.ID {
			t.Errorf("statements %+v", c.Items)
		}
		sp, err := tx.Speaker(plain.ID)
		if err == nil && sp.QID != "Q888" {
			t.Errorf("speaker found by name not linked: %+v", sp)
		}
		all, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{})
		if err == nil && len(all.Items) != 2 {
			t.Errorf("%d speakers, want the 2 there were", len(all.Items))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestQuotebankPhaseRoundTrip: each quote's phase, read from the
// hand-written fixture, is kept on its statements and written back on
// export, through a second import and export too; a statement that came
// from no Quotebank phase is exported without one.
func TestQuotebankPhaseRoundTrip(t *testing.T) {
	phases := func(jsonl string) map[string]string {
		t.Helper()
		out := map[string]string{}
		for line := range strings.Lines(jsonl) {
			var q dataio.Quote
			if err := json.Unmarshal([]byte(line), &q); err != nil {
				t.Fatal(err)
			}
			out[q.Quotation] = q.Phase
		}
		return out
	}
	want := phases(string(fixture(t, "quotebank.jsonl")))
	if !slices.Contains(slices.Collect(maps.Values(want)), "E") || !slices.Contains(slices.Collect(maps.Values(want)), "D") {
		t.Fatalf("the fixture should hold quotes of two phases: %v", want)
	}
	a := bolttest.Open(t)
	importQuotebank(t, a, string(fixture(t, "quotebank.jsonl")))
	err := a.View(t.Context(), func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 50})
		for _, st := range c.Items {
			if st.Origin != "quotebank:"+want[st.Text] {
				t.Errorf("statement %q: origin %q, want phase %q", st.Text, st.Origin, want[st.Text])
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	first := exportQuotebank(t, a)
	if got := phases(first); !maps.Equal(got, want) {
		t.Errorf("exported phases %v, want %v", got, want)
	}
	b := bolttest.Open(t)
	importQuotebank(t, b, first)
	if got := phases(exportQuotebank(t, b)); !maps.Equal(got, want) {
		t.Errorf("phases exported after a second import %v, want %v", got, want)
	}

	c := bolttest.Open(t)
	err = c.Update(t.Context(), func(tx store.Tx) error {
		return tx.CreateStatement(&store.Statement{Text: "the pier stays closed until the storm has passed", Kind: store.Direct})
	})
	if err != nil {
		t.Fatal(err)
	}
	if out := exportQuotebank(t, c); strings.Contains(out, "phase") {
		t.Errorf("a statement of no Quotebank phase exported with one: %s", out)
	}
}
