// Package storetest is the conformance suite of store.Store backends: a
// backend is one when Run passes against it.
package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// Run runs the suite. open must return a new, empty store for each call;
// the suite does not close it (the caller's cleanup should).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"Speakers", testSpeakers},
		{"Organisations", testOrganisations},
		{"Affiliations", testAffiliations},
		{"Topics", testTopics},
		{"Sources", testSources},
		{"Statements", testStatements},
		{"StatementValidation", testStatementValidation},
		{"FieldBounds", testFieldBounds},
		{"StatementTextBound", testStatementTextBound},
		{"SpanAfterSourceChange", testSpanAfterSourceChange},
		{"ByID", testByID},
		{"RereadAfterWrite", testRereadAfterWrite},
		{"NameLookup", testNameLookup},
		{"ListOthers", testListOthers},
		{"SourcesByURL", testSourcesByURL},
		{"StatementFilters", testStatementFilters},
		{"MembersSaidAboutTopicInMonth", testMembersTopicMonth},
		{"Pagination", testPagination},
		{"PageErrors", testPageErrors},
		{"Orders", testOrders},
		{"PublishedOrder", testPublishedOrder},
		{"QIDs", testQIDs},
		{"DeleteSpeaker", testDeleteSpeaker},
		{"DeleteOrganisation", testDeleteOrganisation},
		{"DeleteTopic", testDeleteTopic},
		{"DeleteSource", testDeleteSource},
		{"MergeSpeakers", testMergeSpeakers},
		{"MergeOrganisations", testMergeOrganisations},
		{"ClaimReviews", testClaimReviews},
		{"Appearances", testAppearances},
		{"StatementExclusions", testStatementExclusions},
		{"Put", testPut},
		{"Load", testLoad},
		{"ChangeLog", testChangeLog},
		{"Head", testHead},
		{"HistoryOfDeleted", testHistoryOfDeleted},
		{"Atomicity", testAtomicity},
		{"ReadOnlyTx", testReadOnlyTx},
		{"Context", testContext},
		{"ScanInterrupted", testScanInterrupted},
		{"Tokens", testTokens},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

var ctx = context.Background()

// update runs fn in a write transaction that must succeed.
func update(t *testing.T, s store.Store, fn func(tx store.Tx) error) {
	t.Helper()
	if err := s.Update(ctx, fn); err != nil {
		t.Fatalf("update: %v", err)
	}
}

// view runs fn in a read transaction that must succeed.
func view(t *testing.T, s store.Store, fn func(tx store.Tx) error) {
	t.Helper()
	if err := s.View(ctx, fn); err != nil {
		t.Fatalf("view: %v", err)
	}
}

// wantKind fails unless err has the kind.
func wantKind(t *testing.T, err error, kind errs.Kind) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %v", kind)
	}
	if got := errs.KindOf(err); got != kind {
		t.Fatalf("got %v error %q, want %v", got, err, kind)
	}
}

// try runs fn in a write transaction and returns its error; the
// transaction rolls back either way, so expected failures leave no trace.
func try(s store.Store, fn func(tx store.Tx) error) error {
	errRollback := errors.New("rollback")
	err := s.Update(ctx, func(tx store.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return errRollback
	})
	if errors.Is(err, errRollback) {
		return nil
	}
	return err
}

func date(s string) partialdate.Date { return partialdate.MustParse(s) }

func rng(from, to string) partialdate.Range {
	return partialdate.Range{From: date(from), To: date(to)}
}

// fixture creates records in its own transactions, failing the test on
// error.
type fixture struct {
	t *testing.T
	s store.Store
}

func (f fixture) speaker(name string, aliases ...string) *store.Speaker {
	sp := &store.Speaker{Name: name, Aliases: aliases}
	update(f.t, f.s, func(tx store.Tx) error { return tx.CreateSpeaker(sp) })
	return sp
}

func (f fixture) org(name, short string, kind store.OrgKind) *store.Organisation {
	o := &store.Organisation{Name: name, ShortName: short, Kind: kind}
	update(f.t, f.s, func(tx store.Tx) error { return tx.CreateOrganisation(o) })
	return o
}

func (f fixture) aff(sp *store.Speaker, o *store.Organisation, role, start, end string) *store.Affiliation {
	a := &store.Affiliation{SpeakerID: sp.ID, OrganisationID: o.ID, Role: role, Start: date(start), End: date(end)}
	update(f.t, f.s, func(tx store.Tx) error { return tx.CreateAffiliation(a) })
	return a
}

func (f fixture) topic(name string, parent *store.Topic) *store.Topic {
	tp := &store.Topic{Name: name}
	if parent != nil {
		tp.ParentID = parent.ID
	}
	update(f.t, f.s, func(tx store.Tx) error { return tx.CreateTopic(tp) })
	return tp
}

func (f fixture) source(title, text string, pub *store.Organisation, published string) *store.Source {
	src := &store.Source{Title: title, Text: text, Published: date(published)}
	if pub != nil {
		src.PublisherID = pub.ID
	}
	update(f.t, f.s, func(tx store.Tx) error { return tx.CreateSource(src) })
	return src
}

func (f fixture) stmt(text string, sp *store.Speaker, said string, opts ...func(*store.Statement)) *store.Statement {
	st := &store.Statement{Text: text, Kind: store.Direct, Said: date(said)}
	if sp != nil {
		st.SpeakerID = sp.ID
	}
	for _, o := range opts {
		o(st)
	}
	update(f.t, f.s, func(tx store.Tx) error { return tx.CreateStatement(st) })
	return st
}

// lastSeq returns the seq of the newest change-log entry, or 0.
func lastSeq(t *testing.T, s store.Store) uint64 {
	t.Helper()
	var last uint64
	for {
		chs, err := s.Changes(ctx, last, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(chs) == 0 {
			return last
		}
		last = chs[len(chs)-1].Seq
	}
}
