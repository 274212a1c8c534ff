package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

const createSpeaker = `mutation($name: String!) { createSpeaker(input: {name: $name}) { id } }`

func TestMutationsNeedATokenOfTheirRole(t *testing.T) {
	f := newServer(t)
	editor := f.client(f.token("newsdesk", store.Editor))
	anonymous := f.client("")
	revoked := f.token("departed", store.Admin)
	if err := f.db.Update(context.Background(), func(tx store.Tx) error { _, err := tx.RevokeToken("departed"); return err }); err != nil {
		t.Fatal(err)
	}

	var sp struct{ CreateSpeaker struct{ ID string } }
	editor.Query(&sp, createSpeaker, map[string]any{"name": "Ganimat Zahid"})
	del := `mutation($id: ID!) { deleteSpeaker(id: $id) }`
	preview := `{ previewDocument(input: {text: "The minister said that the bridge will open."}) { title } }`
	tests := []struct {
		name       string
		secret     string // "" for none
		header     string // overrides the Authorization header when set
		query      string
		status     int
		code       string
		whereFound string
	}{
		{name: "anonymous create", query: createSpeaker, status: 200, code: "UNAUTHENTICATED"},
		{name: "anonymous delete", query: del, status: 200, code: "UNAUTHENTICATED"},
		{name: "editor delete", secret: "editor", query: del, status: 200, code: "FORBIDDEN"},
		// A preview extracts a document, which costs CPU: for editors only.
		{name: "anonymous preview", query: preview, status: 200, code: "UNAUTHENTICATED"},
		{name: "revoked admin", secret: revoked, query: del, status: 401, code: "UNAUTHENTICATED"},
		{name: "unknown token", secret: "qdb_" + strings.Repeat("A", 43), query: createSpeaker, status: 401, code: "UNAUTHENTICATED"},
		{name: "not a bearer token", header: "Basic dXNlcjpwYXNz", query: createSpeaker, status: 401, code: "UNAUTHENTICATED"},
		{name: "empty bearer", header: "Bearer ", query: createSpeaker, status: 401, code: "UNAUTHENTICATED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := anonymous
			switch {
			case tc.secret == "editor":
				c = editor
			case tc.secret != "":
				c = f.client(tc.secret)
			}
			if tc.header != "" {
				c = f.client("")
				c.Header = http.Header{"Authorization": {tc.header}}
			}
			c.T = t
			r := c.Do(tc.query, map[string]any{"id": sp.CreateSpeaker.ID, "name": "Someone"})
			if r.Status != tc.status || len(r.Errors) != 1 || r.Errors[0].Code() != tc.code {
				t.Fatalf("got status %d, errors %+v; want %d %s", r.Status, r.Errors, tc.status, tc.code)
			}
			if tc.status == 401 && r.HasData {
				t.Errorf("a request refused before execution has data: %s", r.Data)
			}
		})
	}
	// Nothing refused was written: the speaker is there, alone.
	var d struct{ Speakers struct{ TotalCount int } }
	anonymous.Query(&d, `{ speakers { totalCount } }`, nil)
	if d.Speakers.TotalCount != 1 {
		t.Fatalf("%d speakers after refused writes, want 1", d.Speakers.TotalCount)
	}
	// The admin may delete.
	f.c.Query(nil, del, map[string]any{"id": sp.CreateSpeaker.ID})
	anonymous.Query(&d, `{ speakers { totalCount } }`, nil)
	if d.Speakers.TotalCount != 0 {
		t.Fatalf("%d speakers after the admin's delete", d.Speakers.TotalCount)
	}
}

func TestAuthReads(t *testing.T) {
	f := newServerWith(t, func(c *server.Config) { c.AuthReads = true })
	const q = `{ speakers { totalCount } }`
	r := f.client("").Do(q, nil)
	if r.Status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
		t.Fatalf("anonymous read: status %d, %+v", r.Status, r.Errors)
	}
	f.client(f.token("reader", store.Editor)).Query(nil, q, nil)
	res, err := http.Get(f.srv.URL + "/statements/01890000-0000-7000-8000-000000000000.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous JSON-LD read: %s", res.Status)
	}

	open := newServer(t)
	open.client("").Query(nil, q, nil)
}

func TestHistoryShowsWhoChangedAnAttribution(t *testing.T) {
	f := newServer(t)
	editor := f.client(f.token("Newsdesk — Leyla", store.Editor))
	var ids struct {
		A, B struct{ ID string }
	}
	f.c.Query(&ids, `mutation { a: createSpeaker(input: {name: "Ali Karimli"}) { id } b: createSpeaker(input: {name: "Fuad Gahramanli"}) { id } }`, nil)
	var st struct{ CreateStatement struct{ ID string } }
	f.c.Query(&st, `mutation($sp: ID!) { createStatement(input: {text: "Neutrality is no policy.", kind: DIRECT, speaker: $sp}) { id } }`, map[string]any{"sp": ids.A.ID})
	id := st.CreateStatement.ID
	editor.Query(nil, `mutation($id: ID!, $sp: ID!) { updateStatement(id: $id, input: {speaker: $sp, status: MISATTRIBUTED}) { id } }`, map[string]any{"id": id, "sp": ids.B.ID})

	type change struct {
		Seq        int
		Time       string
		Actor      *string
		Op         string
		RecordType string
		RecordID   string
		Fields     []struct {
			Field         string
			Before, After *string
		}
		Before, After *string
	}
	const fields = `seq time actor op recordType recordId fields { field before after } before after`
	var d struct{ Statement struct{ History []change } }
	f.c.Query(&d, `query($id: ID!) { statement(id: $id) { history { `+fields+` } } }`, map[string]any{"id": id})
	h := d.Statement.History
	if len(h) != 2 || h[0].Op != "CREATE" || h[1].Op != "UPDATE" || h[0].Seq >= h[1].Seq {
		t.Fatalf("history %+v", h)
	}
	if *h[0].Actor != "test-admin" || *h[1].Actor != "Newsdesk — Leyla" {
		t.Errorf("actors %q, %q", *h[0].Actor, *h[1].Actor)
	}
	if h[1].RecordType != "STATEMENT" || h[1].RecordID != id || h[1].Time == "" {
		t.Errorf("change %+v", h[1])
	}
	changed := map[string][2]string{}
	for _, fc := range h[1].Fields {
		changed[fc.Field] = [2]string{deref(fc.Before), deref(fc.After)}
	}
	want := map[string][2]string{
		"speakerId": {`"` + ids.A.ID + `"`, `"` + ids.B.ID + `"`},
		"status":    {`"UNVERIFIED"`, `"MISATTRIBUTED"`},
	}
	if len(changed) != len(want) || changed["speakerId"] != want["speakerId"] || changed["status"] != want["status"] {
		t.Errorf("changed fields %v, want %v", changed, want)
	}
	var before, after store.Statement
	if h[1].Before == nil || json.Unmarshal([]byte(*h[1].Before), &before) != nil || before.SpeakerID != ids.A.ID ||
		h[1].After == nil || json.Unmarshal([]byte(*h[1].After), &after) != nil || after.SpeakerID != ids.B.ID {
		t.Errorf("before %v, after %v", h[1].Before, h[1].After)
	}

	// Deleted, the statement keeps its history, reachable by id.
	f.c.Query(nil, `mutation($id: ID!) { deleteStatement(id: $id) }`, map[string]any{"id": id})
	var q struct{ History []change }
	f.client("").Query(&q, `query($id: ID!) { history(id: $id) { `+fields+` } }`, map[string]any{"id": id})
	if len(q.History) != 3 || q.History[2].Op != "DELETE" || *q.History[2].Actor != "test-admin" || q.History[2].After != nil || q.History[2].Before == nil {
		t.Fatalf("history after delete %+v", q.History)
	}

	// Every type has its history.
	var all struct {
		Speakers, Organisations, Affiliations, Topics, Sources, Statements struct {
			Nodes []struct {
				ID      string
				History []change
			}
		}
	}
	f.c.Query(nil, `mutation($sp: ID!) {
		o: createOrganisation(input: {name: "APFP"}) { id }
		t: createTopic(input: {name: "Elections"}) { id }
		s: createSource(input: {title: "Digest"}) { id }
		st: createStatement(input: {text: "x", kind: DIRECT, speaker: $sp}) { id }
	}`, map[string]any{"sp": ids.B.ID})
	var org struct {
		Organisations struct{ Nodes []struct{ ID string } }
	}
	f.c.Query(&org, `{ organisations { nodes { id } } }`, nil)
	f.c.Query(nil, `mutation($sp: ID!, $o: ID!) { addAffiliation(input: {speaker: $sp, organisation: $o}) { id } }`, map[string]any{"sp": ids.B.ID, "o": org.Organisations.Nodes[0].ID})
	h1 := `nodes { id history { actor op } }`
	f.c.Query(&all, `{ speakers { `+h1+` } organisations { `+h1+` } affiliations { `+h1+` } topics { `+h1+` } sources { `+h1+` } statements { `+h1+` } }`, nil)
	for name, l := range map[string][]struct {
		ID      string
		History []change
	}{
		"speakers": all.Speakers.Nodes, "organisations": all.Organisations.Nodes, "affiliations": all.Affiliations.Nodes,
		"topics": all.Topics.Nodes, "sources": all.Sources.Nodes, "statements": all.Statements.Nodes,
	} {
		if len(l) == 0 || len(l[0].History) == 0 || l[0].History[0].Op != "CREATE" || *l[0].History[0].Actor != "test-admin" {
			t.Errorf("%s: history %+v", name, l)
		}
	}

	// Claim reviews too, and history(id) names their type.
	var cr struct{ CreateClaimReview struct{ ID string } }
	editor.Query(&cr, `mutation($st: ID!, $org: ID!) { createClaimReview(input: {statement: $st, reviewer: $org, ratingText: "False",
		ratingValue: 1, bestRating: 5, worstRating: 1, url: "https://factcheck.example/1"}) { id } }`,
		map[string]any{"st": all.Statements.Nodes[0].ID, "org": org.Organisations.Nodes[0].ID})
	var crh struct {
		History []struct{ Actor, Op, RecordType string }
	}
	f.c.Query(&crh, `query($id: ID!) { history(id: $id) { actor op recordType } }`, map[string]any{"id": cr.CreateClaimReview.ID})
	if len(crh.History) != 1 || crh.History[0].RecordType != "CLAIM_REVIEW" || crh.History[0].Actor != "Newsdesk — Leyla" {
		t.Errorf("claim review history %+v", crh.History)
	}

	f.c.Fails("BAD_USER_INPUT", `{ history(id: "nope") { seq } }`, nil)
	var none struct{ History []change }
	f.c.Query(&none, `{ history(id: "01890000-0000-7000-8000-000000000000") { seq } }`, nil)
	if len(none.History) != 0 {
		t.Errorf("history of an unused id: %+v", none.History)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestAdminBackup(t *testing.T) {
	f := newServer(t)
	var sp struct{ CreateSpeaker struct{ ID string } }
	f.c.Query(&sp, createSpeaker, map[string]any{"name": "Ganimat Zahid"})

	get := func(secret string) *http.Response {
		req, _ := http.NewRequest(http.MethodGet, f.srv.URL+"/admin/backup", nil)
		if secret != "" {
			req.Header.Set("Authorization", "Bearer "+secret)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		return res
	}
	if res := get(""); res.StatusCode != http.StatusUnauthorized || res.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("anonymous backup: %s", res.Status)
	}
	if res := get(f.token("desk", store.Editor)); res.StatusCode != http.StatusForbidden {
		t.Errorf("editor backup: %s", res.Status)
	}
	res := get(strings.TrimPrefix(f.c.Header.Get("Authorization"), "Bearer "))
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/octet-stream" {
		t.Fatalf("admin backup: %s %v", res.Status, res.Header)
	}
	body, err := io.ReadAll(res.Body)
	if err != nil || int64(len(body)) != res.ContentLength {
		t.Fatalf("read %d of %d bytes: %v", len(body), res.ContentLength, err)
	}
	path := filepath.Join(t.TempDir(), "snap.db")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	snap, err := bolt.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	if err := snap.Check(); err != nil {
		t.Fatal(err)
	}
	err = snap.View(context.Background(), func(tx store.Tx) error {
		s, err := tx.Speaker(sp.CreateSpeaker.ID)
		if err == nil && s.Name != "Ganimat Zahid" {
			t.Errorf("speaker in the snapshot: %+v", s)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestAdminManagesTokensThroughTheAPI(t *testing.T) {
	f := newServer(t)
	var created struct {
		CreateToken struct {
			Secret string
			Token  struct{ ID, Name, Role string }
		}
	}
	f.c.Query(&created, `mutation { createToken(name: "stringer", role: EDITOR) { secret token { id name role } } }`, nil)
	ct := created.CreateToken
	if !strings.HasPrefix(ct.Secret, "qdb_") || ct.Token.Name != "stringer" || ct.Token.Role != "EDITOR" {
		t.Fatalf("created %+v", ct)
	}
	stringer := f.client(ct.Secret)
	var sp struct {
		CreateSpeaker struct{ History []struct{ Actor string } }
	}
	stringer.Query(&sp, `mutation { createSpeaker(input: {name: "Jane Doe"}) { history { actor } } }`, nil)
	if len(sp.CreateSpeaker.History) != 1 || sp.CreateSpeaker.History[0].Actor != "stringer" {
		t.Errorf("history of the new token's write: %+v", sp.CreateSpeaker.History)
	}
	for _, q := range []string{
		`{ tokens { name } }`,
		`mutation { createToken(name: "x", role: ADMIN) { secret } }`,
		`mutation { revokeToken(nameOrId: "test-admin") { name } }`,
	} {
		stringer.Fails("FORBIDDEN", q, nil)
		f.client("").Fails("UNAUTHENTICATED", q, nil)
	}
	f.c.Fails("CONFLICT", `mutation { createToken(name: "stringer", role: ADMIN) { secret } }`, nil)
	f.c.Fails("BAD_USER_INPUT", `mutation { createToken(name: "", role: ADMIN) { secret } }`, nil)

	var revoked struct{ RevokeToken struct{ RevokedAt *string } }
	f.c.Query(&revoked, `mutation($id: String!) { revokeToken(nameOrId: $id) { revokedAt } }`, map[string]any{"id": ct.Token.ID})
	if revoked.RevokeToken.RevokedAt == nil {
		t.Error("revoked token has no revokedAt")
	}
	if r := stringer.Do(`{ speakers { totalCount } }`, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("revoked token: status %d", r.Status)
	}
	var list struct {
		Tokens []struct {
			Name      string
			RevokedAt *string
		}
	}
	f.c.Query(&list, `{ tokens { name revokedAt } }`, nil)
	if len(list.Tokens) != 2 || list.Tokens[0].Name != "test-admin" || list.Tokens[0].RevokedAt != nil || list.Tokens[1].RevokedAt == nil {
		t.Errorf("tokens %+v", list.Tokens)
	}
}
