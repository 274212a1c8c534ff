package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/internal/gqltest"
)

// writeManifest writes an Apollo persisted query manifest listing body under
// its SHA-256 hash, and returns its path and the hash.
func writeManifest(t *testing.T, body string) (path, id string) {
	t.Helper()
	sum := sha256.Sum256([]byte(body))
	id = hex.EncodeToString(sum[:])
	b, err := json.Marshal(map[string]any{"format": "apollo-persisted-query-manifest", "version": 1,
		"operations": []map[string]string{{"id": id, "name": "Speakers", "type": "query", "body": body}}})
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "manifest.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, id
}

func TestServePersistedOnly(t *testing.T) {
	path, id := writeManifest(t, `query Speakers { speakers { totalCount } }`)
	base, stop := startServe(t, "--db", filepath.Join(t.TempDir(), "demo.db"), "--demo", "--persisted-only", path)
	defer stop()
	c := &gqltest.Client{T: t, URL: base + "/graphql"}
	r := c.Post("application/json", []byte(`{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "`+id+`"}}}`))
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"totalCount":`) || strings.Contains(string(r.Data), `"totalCount":0`) {
		t.Errorf("the listed document by its id: %d %s %+v", r.Status, r.Data, r.Errors)
	}
	c.Fails("PERSISTED_QUERY_ONLY", `{ speakers { totalCount } }`, nil)
	res, err := http.Get(base + "/graphql?query=" + "%7B__typename%7D")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "PERSISTED_QUERY_ONLY") {
		t.Errorf("GET of an unlisted document: %d %s", res.StatusCode, body)
	}
}

func TestServePersistedOnlyRefusesABadManifest(t *testing.T) {
	stale, _ := writeManifest(t, `query Speakers { speakers { nameOfAFieldLongGone } }`)
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(t.TempDir(), "missing.json"), "no such file"},
		{stale, `operation "Speakers"`},
	} {
		var stderr bytes.Buffer
		err := run(context.Background(), []string{"serve", "--db", filepath.Join(t.TempDir(), "q.db"), "--addr", "127.0.0.1:0", "--persisted-only", tc.path}, strings.NewReader(""), io.Discard, &stderr)
		if err == nil || !strings.Contains(err.Error(), "--persisted-only") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("serve with manifest %s: %v, want an error naming --persisted-only and saying %q", tc.path, err, tc.want)
		}
	}
}
