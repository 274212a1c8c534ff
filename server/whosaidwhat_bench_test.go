package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

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
// (quotedb gen --statements N --seed 1 --store URL, or gen | import
// --store), and is skipped without one. Besides time, each reports the CPU
// per request of this process (the handler and the client) and, on
// PostgreSQL, of the server processes of its connections.
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
	r := rand.New(rand.NewPCG(9, 10))
	b.ReportAllocs()
	items := 0
	query := func() {
		month := fmt.Sprintf("%d-%02d", 2010+r.IntN(16), 1+r.IntN(12))
		body, _ := json.Marshal(map[string]any{"query": WhoSaidWhat, "variables": map[string]any{
			"topic": ids.RootTopics[r.IntN(len(ids.RootTopics))], "from": month, "to": month,
		}})
		resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
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
	self0 := processCPU(b)
	for b.Loop() {
		query()
	}
	b.ReportMetric(float64(items)/float64(b.N), "items/op")
	b.ReportMetric(float64((processCPU(b)-self0).Microseconds())/float64(b.N), "cpu-µs/op")
	if serverCPU != nil {
		b.ReportMetric(float64((serverCPU()-server0).Microseconds())/float64(b.N), "db-cpu-µs/op")
	}
}

// processCPU is the CPU time (user and system) this process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
