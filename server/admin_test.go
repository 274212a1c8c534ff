package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/internal/backendtest"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
)

// get requests an admin route with secret as token ("" for none) and
// returns the response with its body read.
func (f *fixture) get(path, secret string) (*http.Response, []byte) {
	f.t.Helper()
	req, err := http.NewRequest(http.MethodGet, f.srv.URL+path, nil)
	if err != nil {
		f.t.Fatal(err)
	}
	if secret != "" {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return res, body
}

// TestAdminRoutesSayAnAdminTokenIsNeeded: reads are open, so a request for
// a backup or an export without a token must not be told that every
// request needs one.
func TestAdminRoutesSayAnAdminTokenIsNeeded(t *testing.T) {
	f := newServer(t)
	editor := f.token("desk", store.Editor)
	paths := []string{"/admin/export"}
	if !backendtest.OnPostgres(t) { // PostgreSQL is backed up with its own tools
		paths = append(paths, "/admin/backup")
	}
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			res, body := f.get(path, "")
			var e struct {
				Errors []struct {
					Message    string
					Extensions struct{ Code string }
				}
			}
			if err := json.Unmarshal(body, &e); err != nil || len(e.Errors) != 1 {
				t.Fatalf("%s: %s %v", res.Status, body, err)
			}
			msg := e.Errors[0].Message
			if res.StatusCode != http.StatusUnauthorized || e.Errors[0].Extensions.Code != "UNAUTHENTICATED" ||
				!strings.Contains(msg, "needs an admin API token") || strings.Contains(msg, "every request") {
				t.Errorf("without a token: %s %q", res.Status, body)
			}
			if res, body := f.get(path, editor); res.StatusCode != http.StatusForbidden {
				t.Errorf("editor: %s %s", res.Status, body)
			}
		})
	}
}

func TestAdminExportStreamsWhatExportWrites(t *testing.T) {
	f := newServer(t)
	if _, err := demo.Load(context.Background(), f.db); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	n, err := dump.Export(context.Background(), f.db, &want)
	if err != nil {
		t.Fatal(err)
	}
	res, body := f.get("/admin/export", strings.TrimPrefix(f.c.Header.Get("Authorization"), "Bearer "))
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/jsonl") {
		t.Fatalf("%s %v", res.Status, res.Header)
	}
	if !bytes.Equal(body, want.Bytes()) {
		t.Errorf("export over HTTP differs from dump.Export:\n%s\nwant\n%s", body, want.Bytes())
	}
	if got := res.Trailer.Get(server.RecordsTrailer); got != strconv.Itoa(n) || n == 0 {
		t.Errorf("trailer %s = %q, want %d", server.RecordsTrailer, got, n)
	}
}
