package ingest_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// resolveDoc is an invented digest: a heading with a comment after its
// subject, an outlet reporting, and a member of a party.
const resolveDoc = `The Floods in the South. Relief Arrives Late as Rivers Rise.

The Daily Example reports that two villages were cut off for a week. Member of EP Jane Doe argued that the relief came too late. According to Doe, the warnings were ignored.

March 11, 2022
`

// TestIngestResolvesToStoredRecords checks that a heading resolves to a
// stored topic by its short name or an alias, that an outlet that reports
// is the stored organisation rather than a new speaker, and that a
// second document resolves to the records the first one created.
func TestIngestResolvesToStoredRecords(t *testing.T) {
	ctx := t.Context()
	s := bolttest.Open(t)
	var floods, outlet string
	err := s.Update(ctx, func(tx store.Tx) error {
		o := &store.Organisation{Name: "The Daily Example", Aliases: []string{"Daily Example newspaper"}, Kind: store.Media}
		tp := &store.Topic{Name: "Southern floods", Aliases: []string{"Floods in the South"}}
		for _, err := range []error{tx.CreateOrganisation(o), tx.CreateTopic(tp)} {
			if err != nil {
				return err
			}
		}
		floods, outlet = tp.ID, o.ID
		return tx.CreateOrganisation(&store.Organisation{Name: "Example Party", ShortName: "EP", Kind: store.Party})
	})
	if err != nil {
		t.Fatal(err)
	}
	p, src, _, err := ingest.Ingest(ctx, s, ingest.Document{Text: resolveDoc})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Topics {
		if r.New {
			t.Errorf("new topic %q: want the stored one by its alias", r.Record.Name)
		}
	}
	for _, r := range p.Speakers {
		if r.Record.Name == "The Daily Example" || r.Record.Name == "Daily Example" {
			t.Errorf("the outlet became a speaker: %+v", r.Record)
		}
	}
	sts := statementsOf(t, s, src.ID)
	var byOutlet, byDoe int
	for _, st := range sts {
		if !slices.Equal(st.TopicIDs, []string{floods}) || st.Heading != "The Floods in the South. Relief Arrives Late as Rivers Rise." {
			t.Errorf("statement %q: topics %v heading %q", st.Text, st.TopicIDs, st.Heading)
		}
		switch {
		case st.ByOrganisation && st.OrganisationID == outlet && st.SpeakerID == "":
			byOutlet++
		case st.SpeakerID != "":
			byDoe++
		}
	}
	if byOutlet != 1 || byDoe != 2 {
		t.Fatalf("want 1 statement by the outlet and 2 by Doe, got %d and %d: %+v", byOutlet, byDoe, sts)
	}

	// A later document on the same subject under another comment, and by
	// the same speaker, creates nothing new.
	later := "The Floods in the South. Rebuilding Begins.\n\nMember of EP Jane Doe said that the rebuilding would take years.\n\nApril 2, 2022\n"
	p2, _, _, err := ingest.Ingest(ctx, s, ingest.Document{Text: later})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p2.Topics {
		if r.New {
			t.Errorf("second document: new topic %q", r.Record.Name)
		}
	}
	for _, r := range p2.Speakers {
		if r.New {
			t.Errorf("second document: new speaker %q", r.Record.Name)
		}
	}
}

// TestIngestNamesNewTopicsShort checks that an unknown heading creates a
// topic under the short name it announces, keeping the heading on the
// statements.
func TestIngestNamesNewTopicsShort(t *testing.T) {
	ctx := t.Context()
	s := bolttest.Open(t)
	doc := "The Harbour Strike. Dockers Walk Out Again.\n\nMember of EP Jane Doe argued that the strike was lawful.\n\nMarch 11, 2022\n"
	p, src, _, err := ingest.Ingest(ctx, s, ingest.Document{Text: doc})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Topics) != 1 || !p.Topics[0].New || p.Topics[0].Record.Name != "Harbour Strike" {
		t.Fatalf("topics: %+v", p.Topics)
	}
	for _, st := range statementsOf(t, s, src.ID) {
		if st.Heading != "The Harbour Strike. Dockers Walk Out Again." {
			t.Errorf("heading %q", st.Heading)
		}
	}
}

func statementsOf(t *testing.T, s store.Store, sourceID string) []*store.Statement {
	t.Helper()
	var sts []*store.Statement
	err := s.View(t.Context(), func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{SourceIDs: []string{sourceID}}, store.Page{First: 100})
		if c != nil {
			sts = c.Items
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sts
}

// TestIngestResolvesCompanyByBareName checks that a company named with
// its legal form ("Northwind Ltd.") resolves to the organisation stored
// under its bare name, and that a later document naming it another way
// ("Northwind Inc.") finds the same record. The documents are invented.
func TestIngestResolvesCompanyByBareName(t *testing.T) {
	ctx := t.Context()
	s := bolttest.Open(t)
	var stored string
	err := s.Update(ctx, func(tx store.Tx) error {
		o := &store.Organisation{Name: "Northwind", Kind: store.OtherOrg}
		if err := tx.CreateOrganisation(o); err != nil {
			return err
		}
		stored = o.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Northwind Ltd. said on Monday that the plant would reopen in June.\n",
		"Northwind Inc. said on Friday that the plant had reopened.\n",
	} {
		p, src, _, err := ingest.Ingest(ctx, s, ingest.Document{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range p.Organisations {
			if r.New {
				t.Errorf("%q: new organisation %q, want the stored Northwind", text, r.Record.Name)
			}
		}
		sts := statementsOf(t, s, src.ID)
		if len(sts) != 1 || sts[0].OrganisationID != stored || !sts[0].ByOrganisation {
			for _, st := range sts {
				t.Errorf("%q: statement %q by organisation %v %q, want %q", text, st.Text, st.ByOrganisation, st.OrganisationID, stored)
			}
			if len(sts) != 1 {
				t.Errorf("%q: %d statements, want 1", text, len(sts))
			}
		}
	}
}

// TestIngestSentenceCaseHeadings checks that a digest whose sections are
// headed in sentence case stores each statement under the short topic
// its heading names, and that the pull quote's credit line names none.
// The document is invented.
func TestIngestSentenceCaseHeadings(t *testing.T) {
	ctx := t.Context()
	s := bolttest.Open(t)
	doc := "Harbour Studies Centre — Weekly Digest\n\n" +
		"“We will not ask for permission to be free.”\n\n" +
		"Tural Ahmadli, chairman of the Civic Unity Party\n\n" +
		"Political trials. The prosecutor demands nine years for the journalist.\n\n" +
		"Lawyer Nigar Safarova said that the charges were invented.\n\n" +
		"International reaction. The embassy calls for a fair trial.\n\n" +
		"The Embassy of Nordvalia said in a statement that it was following the case.\n\n" +
		"March 14, 2024\n"
	_, src, _, err := ingest.Ingest(ctx, s, ingest.Document{Text: doc})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	err = s.View(ctx, func(tx store.Tx) error {
		for _, st := range statementsOf(t, s, src.ID) {
			for _, id := range st.TopicIDs {
				tp, err := tx.Topic(id)
				if err != nil {
					return err
				}
				names[st.Text] = tp.Name
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"the charges were invented": "Political trials",
		"it was following the case": "International reaction",
	}
	for text, topic := range want {
		if names[text] != topic {
			t.Errorf("%q: topic %q, want %q (all: %v)", text, names[text], topic, names)
		}
	}
	for text, topic := range names {
		if strings.Contains(topic, "Ahmadli") {
			t.Errorf("%q: the credit line became the topic %q", text, topic)
		}
	}
}
