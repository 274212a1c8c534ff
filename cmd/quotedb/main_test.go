package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/store/bolt"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine to write while
// the test reads.
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

var servingRE = regexp.MustCompile(`on (http://[^/]+)/`)

// startServe runs `quotedb serve` with args on a free port and returns its
// base URL, and a function that stops it and returns run's error.
func startServe(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), &stdout, &stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingRE.FindStringSubmatch(stdout.String()); m != nil {
			return m[1], func() error { cancel(); return <-done }
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve exited: %v\n%s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start; stdout %q stderr %q", stdout.String(), stderr.String())
	return "", nil
}

// TestServeCacheSizes checks that the record cache can be switched off or
// enlarged and the server answers the same either way.
func TestServeCacheSizes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	var want string
	for _, mb := range []string{"0", "256"} {
		base, stop := startServe(t, "--db", db, "--demo", "--cache-mb", mb)
		c := &gqltest.Client{T: t, URL: base + "/graphql"}
		var d struct {
			Statements struct {
				Nodes []struct {
					Text    string
					Speaker struct{ Name string }
				}
			}
		}
		c.Query(&d, `{ statements(first: 50) { nodes { text speaker { name } } } }`, nil)
		got := fmt.Sprint(d.Statements.Nodes)
		if len(d.Statements.Nodes) == 0 || want != "" && got != want {
			t.Errorf("--cache-mb %s: %d statements, same as before: %v", mb, len(d.Statements.Nodes), got == want)
		}
		want = got
		if err := stop(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestServeDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	base, stop := startServe(t, "--db", db, "--demo")
	c := &gqltest.Client{T: t, URL: base + "/graphql"}
	var d struct {
		Statements struct {
			Nodes []struct {
				Text    string
				Speaker struct{ Name string }
			}
		}
	}
	c.Query(&d, `{ statements(filter: {organisationNames: ["APFP"], topicNames: ["War in Ukraine"], said: {from: "2022-03", to: "2022-03"}}) {
		nodes { text speaker { name } } } }`, nil)
	if len(d.Statements.Nodes) == 0 {
		t.Fatal("the README's demo query found nothing")
	}
	for _, page := range []string{"/", "/graphiql"} {
		res, err := http.Get(base + page)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %v %v", page, err, res)
		}
		res.Body.Close()
	}
	if err := stop(); err != nil {
		t.Fatalf("graceful shutdown: %v", err)
	}

	// A second start finds the data and does not load the demo twice.
	base, stop = startServe(t, "--db", db, "--demo")
	c.URL = base + "/graphql"
	var n struct{ Speakers struct{ TotalCount int } }
	c.Query(&n, `{ speakers { totalCount } }`, nil)
	var again struct{ Speakers struct{ TotalCount int } }
	c.Query(&again, `{ speakers { totalCount } }`, nil)
	if n.Speakers.TotalCount == 0 || n.Speakers.TotalCount != again.Speakers.TotalCount {
		t.Errorf("speakers: %d then %d", n.Speakers.TotalCount, again.Speakers.TotalCount)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestServeLimitsAndOperations(t *testing.T) {
	t.Setenv("QUOTEDB_MAX_PAGE_SIZE", "5")
	base, stop := startServe(t, "--db", filepath.Join(t.TempDir(), "q.db"), "--max-depth", "4", "--cors-origins", "https://a.example, https://b.example")
	defer stop()
	c := &gqltest.Client{T: t, URL: base + "/graphql"}
	c.Query(nil, `{ statements(first: 5) { totalCount } }`, nil)
	if msg := c.Fails("LIMIT_EXCEEDED", `{ statements(first: 6) { totalCount } }`, nil); !strings.Contains(msg, "limit of 5") {
		t.Errorf("page size from the environment: %q", msg)
	}
	if msg := c.Fails("LIMIT_EXCEEDED", `{ statements { nodes { speaker { statements { totalCount } } } } }`, nil); !strings.Contains(msg, "4 levels") {
		t.Errorf("depth from the flag: %q", msg)
	}
	for _, path := range []string{"/readyz", "/metrics"} {
		res, err := http.Get(base + path)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %v %v", path, err, res)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if path == "/metrics" && !strings.Contains(string(body), "quotedb_store_size_bytes") {
			t.Errorf("metrics lack the store size:\n%s", body)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/healthz", nil)
	req.Header.Set("Origin", "https://b.example")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Access-Control-Allow-Origin") != "https://b.example" {
		t.Errorf("CORS origin from the flag: %v", res.Header)
	}
}

func TestServeDatabaseInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "held.db")
	held, err := bolt.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	start := time.Now()
	err = run(context.Background(), []string{"serve", "--db", path, "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, io.Discard)
	if !errs.Is(err, errs.Unavailable) || !strings.Contains(errorText(err), "in use") {
		t.Fatalf("got %v, want a clear in-use error", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %v to report the database in use", took)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr bool
		want    string
	}{
		{nil, true, "Commands:"},
		{[]string{"help"}, false, "serve"},
		{[]string{"serve", "-h"}, false, "-addr"},
		{[]string{"frobnicate"}, true, `unknown command "frobnicate"`},
		{[]string{"serve", "--no-such-flag"}, true, "flag provided but not defined"},
		{[]string{"serve", "--log-format", "xml", "--db", filepath.Join(t.TempDir(), "x.db")}, true, ""},
		{[]string{"serve", "-h"}, false, "-max-complexity"},
		{[]string{"serve", "--max-depth", "0"}, true, ""},
		{[]string{"serve", "--max-page-size", "5000"}, true, ""},
		{[]string{"serve", "--request-timeout", "soon"}, true, "invalid value"},
		{[]string{"serve", "-h"}, false, "-cache-mb"},
		{[]string{"serve", "--cache-mb", "-1"}, true, ""},
		{[]string{"serve", "--max-inflight", "-1"}, true, ""},
		{[]string{"serve", "-h"}, false, "-max-inflight"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, strings.NewReader(""), &out, &out)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output %q lacks %q", out.String(), tt.want)
			}
		})
	}
}
