package server_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
)

const addedQuery = `subscription($f: StatementFilter, $after: Int) {
  statementAdded(filter: $f, after: $after) { seq op statementId statement { text speaker { name } } }
}`

type statementEvent struct {
	Seq         int
	Op          string
	StatementID string
	Statement   *struct {
		Text    string
		Speaker *struct{ Name string }
	}
}

// head returns the position of the last change in the server's log.
func (f *fixture) head() int {
	f.t.Helper()
	seq, err := search.LastSeq(f.t.Context(), f.db, 0)
	if err != nil {
		f.t.Fatal(err)
	}
	return int(seq)
}

// events reads n events from a stream, failing on errors and on an early
// end.
func events(t *testing.T, s *gqltest.Stream, field string, n int) []statementEvent {
	t.Helper()
	var out []statementEvent
	for range n {
		r, ok := s.Next(t)
		if !ok || len(r.Errors) > 0 {
			t.Fatalf("after %d events: ended=%v errors %+v", len(out), !ok, r.Errors)
		}
		var d map[string]statementEvent
		if err := json.Unmarshal(r.Data, &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d[field])
	}
	return out
}

func texts(evs []statementEvent) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Statement.Text)
	}
	return out
}

// TestSubscriptions opens subscriptions over WebSocket and Server-Sent
// Events, writes through mutations and through ingestDocument, and checks
// that every matching change arrives once, in order, and that a client
// resuming after an event receives the rest.
func TestSubscriptions(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	// Subscriptions start after the head of the log as the test reads it,
	// so that none misses a write made before its server side is running.
	head := f.head()
	apfp := map[string]any{"f": map[string]any{"organisationNames": []string{"APFP"}}, "after": head}
	ws := f.c.SubscribeWS(nil, addedQuery, apfp)
	defer ws.Close()
	sse := f.c.SubscribeSSE(addedQuery, apfp)
	defer sse.Close()
	// An anonymous client reads as queries do, its token in the init
	// payload as browsers send it.
	anon := f.client("")
	tokenInPayload := anon.SubscribeWS(map[string]any{"Authorization": "Bearer " + f.token("desk", "editor")}, addedQuery, map[string]any{"after": head})
	defer tokenInPayload.Close()

	st := `mutation($in: CreateStatementInput!) { createStatement(input: $in) { id } }`
	f.c.Query(nil, st, map[string]any{"in": map[string]any{"text": "Sanctions must hold.", "kind": "DIRECT", "speaker": s.karimli, "said": "2022-03-20"}})
	f.c.Query(nil, st, map[string]any{"in": map[string]any{"text": "Not a member's words.", "kind": "DIRECT", "speaker": s.zahid, "said": "2022-03-20"}})
	doc := "Foreign policy\n\nThe chairman of APFP Ali Karimli argued that the talks had failed.\n\nMarch 21, 2022\n"
	f.c.Query(nil, `mutation($d: DocumentInput!) { ingestDocument(input: $d) { created } }`, map[string]any{"d": map[string]any{"text": doc}})
	f.c.Query(nil, st, map[string]any{"in": map[string]any{"text": "The last word.", "kind": "DIRECT", "speaker": s.karimli, "said": "2022-03-22"}})

	want := []string{"Sanctions must hold.", "the talks had failed", "The last word."}
	var wsEvents []statementEvent
	for name, stream := range map[string]*gqltest.Stream{"websocket": ws, "sse": sse} {
		evs := events(t, stream, "statementAdded", len(want))
		if got := texts(evs); !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
		if !slices.IsSortedFunc(evs, func(a, b statementEvent) int { return a.Seq - b.Seq }) {
			t.Errorf("%s: events out of order: %+v", name, evs)
		}
		if name == "websocket" {
			wsEvents = evs
		}
	}
	if got := events(t, tokenInPayload, "statementAdded", 4); got[1].Statement.Text != "Not a member's words." {
		t.Errorf("unfiltered: %q", texts(got))
	}

	// Resuming after the first event gives the two that followed it; from
	// the start of the log, the seed's statements by APFP members first.
	resumed := f.c.SubscribeWS(nil, addedQuery, map[string]any{"f": apfp["f"], "after": wsEvents[0].Seq})
	defer resumed.Close()
	if got := texts(events(t, resumed, "statementAdded", 2)); !slices.Equal(got, want[1:]) {
		t.Errorf("resumed after %d: got %q, want %q", wsEvents[0].Seq, got, want[1:])
	}
	fromStart := f.c.SubscribeWS(nil, addedQuery, map[string]any{"f": apfp["f"], "after": 0})
	defer fromStart.Close()
	// Gahramanli was an APFP member in 2021 and had left it by March 2022.
	seeded := []string{"neutrality is no policy", "The party will take part in the elections."}
	if got := texts(events(t, fromStart, "statementAdded", 5)); !slices.Equal(got, append(seeded, want...)) {
		t.Errorf("from the start: %q", got)
	}
}

// TestSubscriptionChangesAndReviews follows one statement's updates to its
// deletion, which completes the subscription, and the reviews of it.
func TestSubscriptionChangesAndReviews(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	head := f.head()
	changed := f.c.SubscribeWS(nil, `subscription($id: ID!, $after: Int) { statementChanged(id: $id, after: $after) { op statementId statement { status } } }`, map[string]any{"id": s.unsaid, "after": head})
	defer changed.Close()
	reviews := f.c.SubscribeSSE(`subscription($id: ID, $after: Int) { reviewAdded(statement: $id, after: $after) { seq review { ratingText } } }`, map[string]any{"id": s.zahidRights, "after": head})
	defer reviews.Close()

	f.c.Query(nil, `mutation($id: ID!) { updateStatement(id: $id, input: {status: DISPUTED}) { id } }`, map[string]any{"id": s.unsaid})
	f.c.Query(nil, `mutation($id: ID!) { deleteStatement(id: $id) }`, map[string]any{"id": s.unsaid})
	review := `mutation($in: CreateClaimReviewInput!) { createClaimReview(input: $in) { id } }`
	for _, st := range []string{s.karimliUkraine, s.zahidRights} {
		f.c.Query(nil, review, map[string]any{"in": map[string]any{"statement": st, "reviewer": s.paper, "ratingText": "Accurate " + st,
			"ratingValue": 5, "bestRating": 5, "worstRating": 1, "url": "https://example.org/review"}})
	}

	evs := events(t, changed, "statementChanged", 2)
	if evs[0].Op != "UPDATE" || evs[1].Op != "DELETE" || evs[1].Statement != nil {
		t.Errorf("changes: %+v", evs)
	}
	if _, ok := changed.Next(t); ok {
		t.Error("the subscription went on after the deletion")
	}
	r, ok := reviews.Next(t)
	var d struct {
		ReviewAdded struct{ Review struct{ RatingText string } }
	}
	if !ok || json.Unmarshal(r.Data, &d) != nil || d.ReviewAdded.Review.RatingText != "Accurate "+s.zahidRights {
		t.Errorf("review event: %s %+v", r.Data, r.Errors)
	}
}

// TestSubscriptionBadInput checks that a subscription's arguments are
// checked before it starts.
func TestSubscriptionBadInput(t *testing.T) {
	f := newServer(t)
	seed(t, f.c)
	for _, tc := range []struct {
		code, query string
		vars        map[string]any
	}{
		{"BAD_USER_INPUT", addedQuery, map[string]any{"after": 1 << 30}},
		{"BAD_USER_INPUT", addedQuery, map[string]any{"after": -1}},
		{"NOT_FOUND", addedQuery, map[string]any{"f": map[string]any{"organisationNames": []string{"No Such Party"}}}},
		{"NOT_FOUND", `subscription { statementChanged(id: "01956c3e-0000-7000-8000-000000000099") { op } }`, nil},
	} {
		sub := f.c.SubscribeWS(nil, tc.query, tc.vars)
		r, _ := sub.Next(t)
		if len(r.Errors) == 0 || r.Errors[0].Code() != tc.code {
			t.Errorf("%v: want %s, got %+v", tc.vars, tc.code, r.Errors)
		}
		sub.Close()
	}
}

// TestSlowSubscriberIsDropped checks that a subscription further behind the
// change log than the server allows ends with SLOW_CONSUMER and the
// position to resume from.
func TestSlowSubscriberIsDropped(t *testing.T) {
	f := newServerWith(t, func(c *server.Config) { c.Limits.MaxSubscriberLag = 5 })
	s := seed(t, f.c)
	head := f.head()
	for i := range 8 {
		f.c.Query(nil, `mutation($in: CreateStatementInput!) { createStatement(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"text": fmt.Sprintf("Statement %d.", i), "kind": "DIRECT", "speaker": s.karimli, "said": "2022-03-20"}})
	}
	sub := f.c.SubscribeWS(nil, addedQuery, map[string]any{"after": head})
	defer sub.Close()
	r, ok := sub.Next(t)
	if !ok || len(r.Errors) != 1 || r.Errors[0].Code() != "SLOW_CONSUMER" || r.Errors[0].Extensions["resumeAfter"] != float64(head) {
		t.Fatalf("want SLOW_CONSUMER resuming after %d, got %s %+v", head, r.Data, r.Errors)
	}
}
