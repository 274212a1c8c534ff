package main

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/pg"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

// Two servers over one PostgreSQL database: a speaker created through one
// is read at once through the other, and found by the other's search
// index, which the commit wakes through LISTEN/NOTIFY, within seconds.
func TestTwoServersOneDatabase(t *testing.T) {
	url, schema := pgtest.Schema(t)
	storeURL := pgtest.WithSchema(url, schema)
	s, err := pg.Open(context.Background(), storeURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	secret, _, err := auth.Create(context.Background(), s, "editor-a", store.Editor)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	baseA, stopA := startServe(t, "--store", storeURL, "--search-index", filepath.Join(dir, "a"))
	defer stopA()
	baseB, stopB := startServe(t, "--store", storeURL, "--search-index", filepath.Join(dir, "b"))
	defer stopB()
	a := &gqltest.Client{T: t, URL: baseA + "/graphql", Header: http.Header{"Authorization": {"Bearer " + secret}}}
	b := &gqltest.Client{T: t, URL: baseB + "/graphql"}

	// The first speaker may be found by B's first build of its index; the
	// second only when A's commit wakes B's index, which by then waits for
	// the next commit.
	for _, name := range []string{"Zorbek Quillfeather", "Ilse Brackenmoor"} {
		var created struct{ CreateSpeaker struct{ ID string } }
		a.Query(&created, `mutation($name: String!) { createSpeaker(input: {name: $name}) { id } }`, map[string]any{"name": name})
		start := time.Now()
		var read struct{ Speaker struct{ Name string } }
		b.Query(&read, `query($id: ID!) { speaker(id: $id) { name } }`, map[string]any{"id": created.CreateSpeaker.ID})
		if read.Speaker.Name != name {
			t.Fatalf("server B reads %+v", read)
		}
		surname := strings.Fields(name)[1]
		for {
			var found struct {
				SearchSpeakers []struct{ Node struct{ ID string } }
			}
			b.Query(&found, `query($q: String!) { searchSpeakers(query: $q) { node { ... on Speaker { id } } } }`, map[string]any{"q": surname})
			if len(found.SearchSpeakers) > 0 && found.SearchSpeakers[0].Node.ID == created.CreateSpeaker.ID {
				t.Logf("server B's search found %s %v after the write on A", name, time.Since(start).Round(time.Millisecond))
				break
			}
			if time.Since(start) > 5*time.Second {
				t.Fatalf("server B's search did not find %s, created on A, within 5 s", name)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}
