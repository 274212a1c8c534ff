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
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/internal/benchdb"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/store/pg"
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
// topic, one month. Its sub-benchmark postgres runs over the PostgreSQL
// database QUOTEDB_BENCH_STORE names, which must hold the same dataset
// (quotedb gen --statements N --seed 1 --store URL), and is skipped without
// one; it also reports the CPU per request of the database server's
// processes for its connections (db-cpu-µs/op).
func BenchmarkWhoSaidWhat(b *testing.B) {
	path, ids := benchdb.Open(b)
	b.Run("bbolt", func(b *testing.B) {
		s, err := bolt.Open(path, &bolt.Options{LockTimeout: 10 * time.Minute})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		benchWhoSaidWhat(b, s, ids, nil)
	})
	b.Run("postgres", func(b *testing.B) {
		url := os.Getenv("QUOTEDB_BENCH_STORE")
		if url == "" {
			b.Skip("set QUOTEDB_BENCH_STORE to a PostgreSQL database holding the benchmark's dataset")
		}
		s, err := pg.Open(b.Context(), url, &pg.Options{MaxConns: 4})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		benchWhoSaidWhat(b, s, ids, func() time.Duration { return backendsCPU(b, s) })
	})
}

// benchWhoSaidWhat runs the benchmark over s; serverCPU, when set, gives
// the CPU time the database server has spent for s so far.
func benchWhoSaidWhat(b *testing.B, s store.Store, ids *benchdb.IDs, serverCPU func() time.Duration) {
	srv := httptest.NewServer(server.New(server.Config{Store: s}))
	defer srv.Close()
	next := whoSaidWhatBodies(ids)
	items := 0
	query := func() {
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
	query() // connections opened, caches warm
	items = 0
	var server0 time.Duration
	if serverCPU != nil {
		server0 = serverCPU()
	}
	b.ReportAllocs()
	cpu := benchdb.ReportCPU(b)
	for b.Loop() {
		query()
	}
	cpu()
	b.ReportMetric(float64(items)/float64(b.N), "items/op")
	if serverCPU != nil {
		b.ReportMetric(float64((serverCPU()-server0).Microseconds())/float64(b.N), "db-cpu-µs/op")
	}
}

// backendsCPU is the CPU time the PostgreSQL server processes of s's idle
// connections have used, read from /proc: the server must run on this
// machine. Connections the pool closed meanwhile are not counted.
func backendsCPU(b *testing.B, s *pg.Store) time.Duration {
	conns := s.Pool().AcquireAllIdle(b.Context())
	defer func() {
		for _, c := range conns {
			c.Release()
		}
	}()
	var total time.Duration
	for _, c := range conns {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.Conn().PgConn().PID()))
		if err != nil {
			b.Skipf("the CPU of the PostgreSQL server (on another machine?): %v", err)
		}
		// Fields 14 and 15 (utime, stime) in clock ticks, after the
		// command name in parentheses, which may hold spaces.
		fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+2:]))
		for _, f := range fields[11:13] {
			ticks, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				b.Fatal(err)
			}
			total += time.Duration(ticks) * time.Second / clockTicks
		}
	}
	return total
}

// clockTicks is USER_HZ, the unit of /proc's CPU times: 100 on Linux.
const clockTicks = 100

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
