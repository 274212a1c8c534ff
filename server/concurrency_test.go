package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/quotedb/quotedb/internal/gqltest"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"
)

// call posts one GraphQL request and decodes its data into out. Safe for
// concurrent use: it reports problems as errors, not through t.
func call(ctx context.Context, c *gqltest.Client, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	for k, vs := range c.Header { // the token
		req.Header[k] = vs
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		return fmt.Errorf("status %d: %v", res.StatusCode, err)
	}
	if res.StatusCode != http.StatusOK || len(r.Errors) > 0 {
		return fmt.Errorf("status %d: %+v", res.StatusCode, r.Errors)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}

// TestConcurrentReadersAndWriters drives writers and readers at once
// through HTTP against one database, and checks that nothing failed,
// nothing deadlocked and every acknowledged write is there afterwards.
// Run it with -race.
func TestConcurrentReadersAndWriters(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	url := f.c
	const writers, readers, perWriter = 4, 4, 10
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	var before struct {
		Speakers, Statements struct{ TotalCount int }
	}
	f.c.Query(&before, `{ speakers { totalCount } statements { totalCount } }`, nil)

	var (
		mu       sync.Mutex
		failures []error
		speakers []string // acknowledged creates
		stmts    []string
	)
	fail := func(err error) {
		mu.Lock()
		failures = append(failures, err)
		mu.Unlock()
	}
	var writing, reading sync.WaitGroup
	done := make(chan struct{})
	for w := range writers {
		writing.Go(func() {
			for i := range perWriter {
				var sp struct{ CreateSpeaker struct{ ID string } }
				if err := call(ctx, url, `mutation($in: CreateSpeakerInput!) { createSpeaker(input: $in) { id } }`,
					map[string]any{"in": map[string]any{"name": fmt.Sprintf("Writer %d speaker %d", w, i)}}, &sp); err != nil {
					fail(fmt.Errorf("writer %d create speaker %d: %w", w, i, err))
					continue
				}
				var st struct{ CreateStatement struct{ ID string } }
				if err := call(ctx, url, `mutation($in: CreateStatementInput!) { createStatement(input: $in) { id } }`,
					map[string]any{"in": map[string]any{"text": fmt.Sprintf("Statement %d of writer %d.", i, w), "kind": "DIRECT",
						"speaker": sp.CreateSpeaker.ID, "said": "2024-05", "topics": []string{s.rights}}}, &st); err != nil {
					fail(fmt.Errorf("writer %d create statement %d: %w", w, i, err))
					continue
				}
				// Every writer edits one shared record too, so that writes
				// to the same key contend.
				if err := call(ctx, url, `mutation($id: ID!, $a: String!) { addAlias(id: $id, alias: $a) { id } }`,
					map[string]any{"id": s.zahid, "a": fmt.Sprintf("Zahid %d-%d", w, i)}, nil); err != nil {
					fail(fmt.Errorf("writer %d alias %d: %w", w, i, err))
				}
				mu.Lock()
				speakers = append(speakers, sp.CreateSpeaker.ID)
				stmts = append(stmts, st.CreateStatement.ID)
				mu.Unlock()
			}
		})
	}
	for r := range readers {
		reading.Go(func() {
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				var d struct {
					Statements struct {
						TotalCount int
						Nodes      []struct {
							Text    string
							Speaker *struct{ Name string }
							Topics  []struct{ Name string }
						}
					}
				}
				if err := call(ctx, url, `{ statements(first: 100, filter: {topicNames: ["Human rights"]}) { totalCount nodes { text speaker { name } topics { name } } } }`, nil, &d); err != nil {
					fail(fmt.Errorf("reader %d: %w", r, err))
					return
				}
				// Writes only add statements: a later read never sees fewer.
				if d.Statements.TotalCount < last {
					fail(fmt.Errorf("reader %d: %d statements after %d", r, d.Statements.TotalCount, last))
				}
				last = d.Statements.TotalCount
				for _, n := range d.Statements.Nodes {
					if n.Speaker == nil || len(n.Topics) != 1 {
						fail(fmt.Errorf("reader %d: statement %q read half written: %+v", r, n.Text, n))
					}
				}
			}
		})
	}
	finished := make(chan struct{})
	go func() {
		writing.Wait()
		close(done)
		reading.Wait()
		close(finished)
	}()
	select {
	case <-finished:
	case <-ctx.Done():
		buf := make([]byte, 1<<20)
		t.Fatalf("deadlock: readers and writers still running\n%s", buf[:runtime.Stack(buf, true)])
	}
	for _, err := range failures {
		t.Error(err)
	}

	var after struct {
		Speakers, Statements struct{ TotalCount int }
	}
	f.c.Query(&after, `{ speakers { totalCount } statements { totalCount } }`, nil)
	if got, want := after.Speakers.TotalCount, before.Speakers.TotalCount+len(speakers); got != want || len(speakers) != writers*perWriter {
		t.Errorf("%d speakers, want %d (%d acknowledged)", got, want, len(speakers))
	}
	if got, want := after.Statements.TotalCount, before.Statements.TotalCount+len(stmts); got != want {
		t.Errorf("%d statements, want %d", got, want)
	}
	var nodes struct{ Nodes []*struct{ ID string } }
	f.c.Query(&nodes, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": append(speakers, stmts...)})
	for i, n := range nodes.Nodes {
		if n == nil {
			t.Errorf("acknowledged write %d lost", i)
		}
	}
	var zahid struct{ Speaker struct{ Aliases []string } }
	f.c.Query(&zahid, `query($id: ID!) { speaker(id: $id) { aliases } }`, map[string]any{"id": s.zahid})
	if len(zahid.Speaker.Aliases) != writers*perWriter {
		t.Errorf("%d aliases on the shared speaker, want %d", len(zahid.Speaker.Aliases), writers*perWriter)
	}
	changes, err := f.db.Changes(context.Background(), 0, 100_000)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range changes {
		if c.Seq != uint64(i+1) {
			t.Fatalf("change log has seq %d at position %d", c.Seq, i+1)
		}
	}
}
