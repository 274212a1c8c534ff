package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/internal/benchdb"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store/bolt"
)

// WhoSaidWhat is the journalist's page the targets speak of: one page of
// 20 statements on a topic (with its subtopics) in a date range, each with
// its speaker, the organisation the speaker belonged to at the time, its
// topics and its source.
const WhoSaidWhat = `query($topic: ID!, $from: PartialDate!, $to: PartialDate!) {
  statements(filter: {topics: [$topic], said: {from: $from, to: $to}}, first: 20) {
    nodes {
      id text said kind
      speaker { id name }
      organisation { id shortName name } role
      topics { id name }
      source { id title url published }
    }
    pageInfo { hasNextPage endCursor }
  }
}`

// BenchmarkWhoSaidWhat sends the who-said-what query over HTTP to the real
// handler over the benchmark database (QUOTEDB_BENCH_N statements): a root
// topic, one month.
func BenchmarkWhoSaidWhat(b *testing.B) {
	path, ids := benchdb.Open(b)
	s, err := bolt.Open(path, &bolt.Options{LockTimeout: 10 * time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	srv := httptest.NewServer(server.New(server.Config{Store: s}))
	defer srv.Close()
	next := whoSaidWhatBodies(ids)
	b.ReportAllocs()
	items := 0
	cpu := benchdb.ReportCPU(b)
	for b.Loop() {
		resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(next()))
		if err != nil {
			b.Fatal(err)
		}
		var out struct {
			Data struct {
				Statements struct{ Nodes []json.RawMessage }
			}
			Errors []json.RawMessage
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || len(out.Errors) > 0 {
			b.Fatalf("%v %s", err, out.Errors)
		}
		items += len(out.Data.Statements.Nodes)
	}
	cpu()
	b.ReportMetric(float64(items)/float64(b.N), "items/op")
}

// BenchmarkWhoSaidWhatHandler sends the same requests as BenchmarkWhoSaidWhat
// straight to the handler, without a network or a client: its cpu-µs/op and
// allocs/op are the server's alone.
func BenchmarkWhoSaidWhatHandler(b *testing.B) {
	benchmarkHandler(b, nil)
}

// BenchmarkWhoSaidWhatTrusted is BenchmarkWhoSaidWhatHandler against a
// server that runs only the documents of its persisted query manifest,
// which has the page's; requests name it by id, and the fast path for
// trusted documents answers them.
func BenchmarkWhoSaidWhatTrusted(b *testing.B) {
	sum := sha256.Sum256([]byte(WhoSaidWhat))
	id := hex.EncodeToString(sum[:])
	manifest, err := json.Marshal(map[string]any{"format": graph.ManifestFormat, "version": 1, "operations": []any{
		map[string]any{"id": id, "name": "WhoSaidWhat", "type": "query", "body": WhoSaidWhat},
	}})
	if err != nil {
		b.Fatal(err)
	}
	m, err := graph.ReadManifest(bytes.NewReader(manifest))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkHandler(b, m)
}

// benchmarkHandler sends who-said-what requests to the handler, by
// document, or by id to a server running only the documents of trusted.
func benchmarkHandler(b *testing.B, trusted *graph.Manifest) {
	path, ids := benchdb.Open(b)
	s, err := bolt.Open(path, &bolt.Options{LockTimeout: 10 * time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	h := server.New(server.Config{Store: s, PersistedOnly: trusted})
	next := whoSaidWhatBodies(ids)
	if trusted != nil {
		sum := sha256.Sum256([]byte(WhoSaidWhat))
		ext := fmt.Sprintf(`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"%x"}},`, sum)
		byDoc := next
		next = func() []byte {
			body := byDoc()
			// The same variables, with the document's id in place of it.
			_, vars, _ := bytes.Cut(body, []byte(`"variables":`))
			return append([]byte(ext+`"variables":`), vars...)
		}
	}
	b.ReportAllocs()
	cpu := benchdb.ReportCPU(b)
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(next()))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("%d %s", rec.Code, rec.Body)
		}
	}
	cpu()
}

// whoSaidWhatBodies returns a function giving the body of one request of the
// who-said-what page after another: a root topic, one month, drawn from a
// fixed sequence.
func whoSaidWhatBodies(ids *benchdb.IDs) func() []byte {
	r := rand.New(rand.NewPCG(9, 10))
	return func() []byte {
		month := fmt.Sprintf("%d-%02d", 2010+r.IntN(16), 1+r.IntN(12))
		body, err := json.Marshal(map[string]any{"query": WhoSaidWhat, "variables": map[string]any{
			"topic": ids.RootTopics[r.IntN(len(ids.RootTopics))], "from": month, "to": month,
		}})
		if err != nil {
			panic(err)
		}
		return body
	}
}
