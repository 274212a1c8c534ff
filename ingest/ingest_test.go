package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/eval"
	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

func lastSeq(t *testing.T, s store.Store) uint64 {
	t.Helper()
	var seq uint64
	for {
		cs, err := s.Changes(context.Background(), seq, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) == 0 {
			return seq
		}
		seq = cs[len(cs)-1].Seq
	}
}

const text = `Domestic politics

The chairman of the Example Party Jane Doe argued that the elections were not free. According to Doe, the count took place behind closed doors on March 3.

Member of EP John Roe wrote: the party will go on.”

March 11, 2022
`

func TestIngestResolvesAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := bolttest.Open(t)
	err := s.Update(ctx, func(tx store.Tx) error {
		return tx.CreateOrganisation(&store.Organisation{Name: "Example Party", ShortName: "EP", Kind: store.Party})
	})
	if err != nil {
		t.Fatal(err)
	}
	p, src, created, err := ingest.Ingest(ctx, s, ingest.Document{Text: text, Publisher: "Weekly Example"})
	if err != nil || !created {
		t.Fatalf("ingest: %v created=%v", err, created)
	}
	if src.Published != partialdate.MustParse("2022-03-11") || src.Title != "Domestic politics" {
		t.Errorf("source: %+v", src)
	}
	for _, o := range p.Organisations {
		if o.New && o.Record.ShortName == "EP" {
			t.Errorf("the stored Example Party was not recognised: %+v", o.Record)
		}
	}
	var sts *store.Conn[*store.Statement]
	var members *store.Conn[*store.Affiliation]
	err = s.View(ctx, func(tx store.Tx) error {
		var err error
		if sts, err = tx.ListStatements(store.StatementFilter{SourceIDs: []string{src.ID}}, store.Page{First: 100}); err != nil {
			return err
		}
		ep, err := store.OrganisationsNamed(tx, "EP")
		if err != nil {
			return err
		}
		members, err = tx.ListAffiliations(store.AffiliationFilter{OrganisationID: ep[0].ID}, store.Page{First: 100})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sts.Items) < 3 {
		t.Fatalf("stored %d statements, want at least 3", len(sts.Items))
	}
	for _, st := range sts.Items {
		if st.Status != store.Unverified || st.Text != src.Text[st.Span.Start:st.Span.End] || len(st.TopicIDs) != 1 {
			t.Errorf("statement %+v", st)
		}
	}
	if len(members.Items) != 2 {
		t.Errorf("affiliations stated in the text: %d, want 2 (chairman and member)", len(members.Items))
	}

	seq := lastSeq(t, s)
	_, again, created, err := ingest.Ingest(ctx, s, ingest.Document{Text: text})
	if err != nil || created || again.ID != src.ID || lastSeq(t, s) != seq {
		t.Errorf("re-ingest wrote something: %v created=%v", err, created)
	}
}

func TestIngestBadInput(t *testing.T) {
	ctx := context.Background()
	s := bolttest.Open(t)
	for _, doc := range []ingest.Document{
		{Text: "  \n"},
		{Text: "Jane Doe said that \xff is bad."},
		{Text: "x", Date: partialdate.Date{Year: 2022, Month: 13}},
	} {
		if _, _, _, err := ingest.Ingest(ctx, s, doc); !errs.Is(err, errs.Invalid) {
			t.Errorf("%q: got %v, want BAD_USER_INPUT", doc.Text, err)
		}
	}
	if lastSeq(t, s) != 0 {
		t.Error("bad input wrote records")
	}
}

// TestIngestDigestOverDemo ingests the shared corpus digest into the demo
// database: the organisations and speakers the demo has are reused, not
// duplicated.
func TestIngestDigestOverDemo(t *testing.T) {
	dir := eval.CorpusDir()
	if dir == "" {
		t.Skip("shared/corpus not found beside the repository (set QUOTEDB_CORPUS): skipping")
	}
	text, err := os.ReadFile(filepath.Join(dir, "cnis-2022-03-11.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s := bolttest.Open(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	p, err := ingest.Prepare(ctx, s, ingest.Document{Text: string(text)})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range p.Organisations {
		if o.New && (o.Record.ShortName == "APFP" || o.Record.Name == "APFP") {
			t.Errorf("APFP duplicated: %+v", o.Record)
		}
	}
	if len(p.Statements) < 10 || p.Source.Published != partialdate.MustParse("2022-03-11") {
		t.Errorf("plan: %d statements, published %v", len(p.Statements), p.Source.Published)
	}
	if _, _, err := ingest.Apply(ctx, s, p); err != nil {
		t.Fatal(err)
	}
}

func TestIngestSeparatorIsNoTopic(t *testing.T) {
	s := bolttest.Open(t)
	text := "***\n\nJane Doe said that the vote was fair.\n"
	p, src, created, err := ingest.Ingest(context.Background(), s, ingest.Document{Text: text})
	if err != nil || !created {
		t.Fatalf("ingest: %v", err)
	}
	if len(p.Topics) != 0 || len(p.Statements) != 1 || len(p.Statements[0].TopicIDs) != 0 {
		t.Errorf("plan: topics %d, statements %+v (source %s)", len(p.Topics), p.Statements, src.ID)
	}
}
