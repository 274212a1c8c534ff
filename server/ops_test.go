package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// changeReader follows the change log up to a point, as a search index
// would, and remembers the last seq it applied.
type changeReader struct {
	mu   sync.Mutex
	last uint64
}

func (c *changeReader) Name() string { return "reader" }

func (c *changeReader) LastSeq() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// follow applies up to n changes.
func (c *changeReader) follow(t *testing.T, db store.Store, n int) {
	changes, err := db.Changes(context.Background(), c.LastSeq(), n)
	if err != nil {
		t.Fatal(err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ch := range changes {
		c.last = ch.Seq
	}
}

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// metric returns the value of the sample of /metrics whose name and labels
// are exactly series, or -1 when there is none.
func metric(t *testing.T, body, series string) float64 {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), " ")
		if ok && name == series {
			v, err := strconv.ParseFloat(value, 64)
			if err != nil {
				t.Fatalf("%s: %v", sc.Text(), err)
			}
			return v
		}
	}
	return -1
}

func TestMetrics(t *testing.T) {
	reader := &changeReader{}
	f := newServerWith(t, func(c *server.Config) { c.Followers = []server.Follower{reader} })
	seed(t, f.c)
	reader.follow(t, f.db, 5)

	f.c.Query(nil, `query Totals { statements { totalCount } }`, nil)
	f.c.Query(nil, `query Totals { speakers { totalCount } }`, nil)
	f.c.Fails("NOT_FOUND", `query Missing { speaker(id: "01890a5d-ac96-774b-bcce-b302099a8057") { id } }`, nil)
	f.c.Fails("GRAPHQL_PARSE_FAILED", `{`, nil)

	_, body := get(t, f.srv.URL+"/metrics")
	stats, err := f.bolt().Stats()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		series string
		want   float64
	}{
		{`quotedb_graphql_request_duration_seconds_count{operation="Totals",type="query"}`, 2},
		{`quotedb_graphql_request_duration_seconds_count{operation="Missing",type="query"}`, 1},
		{`quotedb_graphql_errors_total{code="NOT_FOUND",operation="Missing"}`, 1},
		{`quotedb_graphql_errors_total{code="GRAPHQL_PARSE_FAILED",operation="invalid"}`, 1},
		{`quotedb_http_requests_total{route="/graphql",status="200"}`, -2}, // present
		{`quotedb_store_size_bytes`, float64(fileSize(t, f.bolt().Path()))},
		{`quotedb_store_used_bytes`, float64(stats.UsedBytes)},
		{`quotedb_changelog_position`, float64(stats.LastSeq)},
		{`quotedb_index_lag{follower="reader"}`, float64(stats.LastSeq - 5)},
	}
	for _, tt := range tests {
		got := metric(t, body, tt.series)
		if tt.want == -2 && got > 0 || got == tt.want {
			continue
		}
		t.Errorf("%s = %v, want %v", tt.series, got, tt.want)
	}
	if stats.LastSeq < 15 || stats.UsedBytes <= 0 || stats.UsedBytes > stats.SizeBytes {
		t.Errorf("stats %+v do not reflect the seeded records", stats)
	}

	reader.follow(t, f.db, 1000)
	if _, body := get(t, f.srv.URL+"/metrics"); metric(t, body, `quotedb_index_lag{follower="reader"}`) != 0 {
		t.Errorf("lag after catching up: %v", metric(t, body, `quotedb_index_lag{follower="reader"}`))
	}

	t.Run("operation names are bounded", func(t *testing.T) {
		for i := range 250 {
			f.c.Query(nil, fmt.Sprintf(`query Op%d { __typename }`, i), nil)
		}
		_, body := get(t, f.srv.URL+"/metrics")
		if metric(t, body, `quotedb_graphql_request_duration_seconds_count{operation="other",type="query"}`) <= 0 {
			t.Errorf("names past the bound are not counted as other")
		}
		if n := len(regexp.MustCompile(`(?m)^quotedb_graphql_request_duration_seconds_count\{`).FindAllString(body, -1)); n > 205 {
			t.Errorf("%d latency series", n)
		}
	})
}

func TestHealthAndReadiness(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "test.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Store: db}))
	defer srv.Close()
	for _, path := range []string{"/healthz", "/readyz"} {
		if res, body := get(t, srv.URL+path); res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d %s", path, res.StatusCode, body)
		}
	}
	db.Close()
	if res, body := get(t, srv.URL+"/readyz"); res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "database is closed") {
		t.Errorf("readyz with the database closed: %d %q", res.StatusCode, body)
	}
	if res, _ := get(t, srv.URL+"/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("healthz with the database closed: %d", res.StatusCode)
	}
}

func TestCORS(t *testing.T) {
	f := newServerWith(t, func(c *server.Config) { c.CORSOrigins = []string{"https://newsroom.example"} })
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, f.srv.URL+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	res := preflight("https://newsroom.example")
	if res.StatusCode != http.StatusNoContent || res.Header.Get("Access-Control-Allow-Origin") != "https://newsroom.example" ||
		!strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "POST") || !strings.Contains(strings.ToLower(res.Header.Get("Access-Control-Allow-Headers")), "content-type") {
		t.Errorf("preflight from an allowed origin: %d %v", res.StatusCode, res.Header)
	}
	if res := preflight("https://elsewhere.example"); res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin allowed: %v", res.Header)
	}
	res, _ = get(t, f.srv.URL+"/graphql?query=%7B__typename%7D", "Origin", "https://newsroom.example")
	if res.Header.Get("Access-Control-Allow-Origin") != "https://newsroom.example" || !strings.Contains(res.Header.Get("Vary"), "Origin") {
		t.Errorf("GET from an allowed origin: %v", res.Header)
	}
	res, _ = get(t, f.srv.URL+"/graphql?query=%7B__typename%7D", "Origin", "https://elsewhere.example")
	if res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("GET from another origin allowed: %v", res.Header)
	}
}

// syncBuffer is a log destination safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRequestLog(t *testing.T) {
	var out syncBuffer
	f := newServerWith(t, func(c *server.Config) { c.Log = slog.New(slog.NewJSONHandler(&out, nil)) })
	f.c.Query(nil, `query Named { statements { totalCount } }`, nil)
	f.c.Fails("NOT_FOUND", `query Missing { speaker(id: "01890a5d-ac96-774b-bcce-b302099a8057") { id } }`, nil)
	f.c.Post("text/plain", []byte("x"))
	var lines []map[string]any
	for line := range strings.Lines(out.String()) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		if m["msg"] == "request" {
			lines = append(lines, m)
		}
	}
	want := []struct {
		operation string
		status    float64
		errors    float64
	}{{"Named", 200, 0}, {"Missing", 200, 1}, {"invalid", 415, 1}}
	if len(lines) != len(want) {
		t.Fatalf("%d request lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, w := range want {
		l := lines[i]
		if l["operation"] != w.operation || l["status"] != w.status || l["errors"] != w.errors || l["method"] != "POST" || l["path"] != "/graphql" || l["duration"] == nil {
			t.Errorf("line %d: %v, want operation %s status %v errors %v", i, l, w.operation, w.status, w.errors)
		}
	}
}

// fileSize returns the size of the file at path.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
