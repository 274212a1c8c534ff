package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/store/bolt"
	bbolt "go.etcd.io/bbolt"
)

func TestTokenCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	secret := strings.TrimSpace(mustRun(t, "", "token", "create", "--db", db, "--role", "editor", "--name", "Newsdesk"))
	if !strings.HasPrefix(secret, "qdb_") || strings.ContainsAny(secret, " \n") {
		t.Fatalf("token create printed %q", secret)
	}
	admin := strings.TrimSpace(mustRun(t, "", "token", "create", "--db", db, "--role", "admin", "--name", "ops"))
	bad := []struct {
		args []string
		kind errs.Kind
	}{
		{[]string{"token", "create", "--db", db, "--role", "editor", "--name", "Newsdesk"}, errs.Conflict},
		{[]string{"token", "create", "--db", db, "--role", "owner", "--name", "x"}, errs.Invalid},
		{[]string{"token", "create", "--db", db, "--role", "editor"}, errs.Invalid},
		{[]string{"token", "revoke", "--db", db, "nobody"}, errs.NotFound},
		{[]string{"token", "rotate", "--db", db}, errs.Invalid},
	}
	for _, tc := range bad {
		if _, err := quotedb(t, "", tc.args...); !errs.Is(err, tc.kind) {
			t.Errorf("%v: got %v, want %v", tc.args, err, tc.kind)
		}
	}

	list := mustRun(t, "", "token", "list", "--db", db)
	if lines := strings.Split(strings.TrimSpace(list), "\n"); len(lines) != 3 ||
		!strings.HasPrefix(lines[1], "Newsdesk  editor") || !strings.HasPrefix(lines[2], "ops       admin") {
		t.Errorf("token list:\n%s", list)
	}
	if strings.Contains(list, secret) {
		t.Error("token list shows a secret")
	}
	// Only the hash is stored: neither the file nor an export holds the secret.
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte(secret)) || bytes.Contains(raw, []byte(strings.TrimPrefix(secret, "qdb_"))) {
		t.Error("the database file contains the token's secret")
	}
	if dump := mustRun(t, "", "export", "--db", db); dump != "" {
		t.Errorf("export of a database with only tokens: %q", dump)
	}

	// The token works against the server until revoked.
	base, stop := startServe(t, "--db", db)
	c := &gqltest.Client{T: t, URL: base + "/graphql", Header: http.Header{"Authorization": {"Bearer " + secret}}}
	c.Query(nil, `mutation { createSpeaker(input: {name: "Jane Doe"}) { id } }`, nil)

	// While the server holds the file, the commands go through its API
	// with an admin token.
	t.Setenv("QUOTEDB_ADDR", strings.TrimPrefix(base, "http://"))
	if _, err := quotedb(t, "", "token", "list", "--db", db); !errs.Is(err, errs.Invalid) || !strings.Contains(errs.Message(err), "--token") {
		t.Errorf("token list of a database in use, without a token: %v", err)
	}
	if _, err := quotedb(t, "", "token", "list", "--db", db, "--token", secret); !errs.Is(err, errs.Forbidden) {
		t.Errorf("token list through the server with an editor token: %v", err)
	}
	hot := strings.TrimSpace(mustRun(t, "", "token", "create", "--db", db, "--token", admin, "--role", "editor", "--name", "hot"))
	hc := &gqltest.Client{T: t, URL: c.URL, Header: http.Header{"Authorization": {"Bearer " + hot}}}
	hc.Query(nil, `mutation { createSpeaker(input: {name: "John Roe"}) { id } }`, nil)
	if list := mustRun(t, "", "token", "list", "--db", db, "--token", admin); !strings.Contains(list, "hot       editor") {
		t.Errorf("token list through the server:\n%s", list)
	}
	mustRun(t, "", "token", "revoke", "--db", db, "--token", admin, "hot")
	if r := hc.Do(`{ speakers { totalCount } }`, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("token revoked through the server: status %d", r.Status)
	}
	if _, err := quotedb(t, "", "token", "revoke", "--db", db, "--token", admin, "nobody"); !errs.Is(err, errs.NotFound) {
		t.Errorf("revoking an unknown token through the server: %v", err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "", "token", "revoke", "--db", db, "Newsdesk")
	if !strings.Contains(out, `revoked editor token "Newsdesk"`) {
		t.Errorf("revoke printed %q", out)
	}
	if list := mustRun(t, "", "token", "list", "--db", db); strings.Contains(strings.Split(list, "\n")[1], " - ") {
		t.Errorf("revoked token listed as valid:\n%s", list)
	}
	base, stop = startServe(t, "--db", db)
	defer stop()
	c.URL = base + "/graphql"
	if r := c.Do(`{ speakers { totalCount } }`, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("revoked token: status %d %+v", r.Status, r.Errors)
	}
}

// TestBackupRestoreRoundTrip backs up a database while the server runs and
// takes writes, checks the snapshot, restores it, and finds the same
// records; then it backs up directly with the server stopped.
func TestBackupRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	admin := strings.TrimSpace(mustRun(t, "", "token", "create", "--db", db, "--role", "admin", "--name", "ops"))
	editor := strings.TrimSpace(mustRun(t, "", "token", "create", "--db", db, "--role", "editor", "--name", "desk"))
	base, stop := startServe(t, "--db", db, "--demo")
	c := &gqltest.Client{T: t, URL: base + "/graphql", Header: http.Header{"Authorization": {"Bearer " + editor}}}

	// Writers keep going while the snapshot is taken.
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			if r := c.Do(`mutation($n: String!) { createSpeaker(input: {name: $n}) { id } }`, map[string]any{"n": "Writer " + string(rune('A'+i%26)) + strings.Repeat("x", i)}); len(r.Errors) > 0 {
				t.Errorf("write during backup: %+v", r.Errors)
				return
			}
		}
	}()
	snap := filepath.Join(dir, "snap.db")
	hostPort := strings.TrimPrefix(base, "http://")
	t.Setenv("QUOTEDB_ADDR", hostPort)
	if _, err := quotedb(t, "", "backup", "--db", db, snap); !errs.Is(err, errs.Invalid) || !strings.Contains(errs.Message(err), "--token") {
		t.Errorf("hot backup without a token: %v", err)
	}
	if _, err := quotedb(t, "", "backup", "--db", db, "--token", editor, snap); !errs.Is(err, errs.Forbidden) {
		t.Errorf("hot backup with an editor token: %v", err)
	}
	out := mustRun(t, "", "backup", "--db", db, "--token", admin, snap)
	close(done)
	wg.Wait()
	if !strings.Contains(out, "/admin/backup") || !strings.Contains(out, "checked") {
		t.Errorf("hot backup printed %q", out)
	}
	if _, err := quotedb(t, "", "check", "--db", db); !errs.Is(err, errs.Unavailable) {
		t.Errorf("check of a database in use: %v", err)
	}
	if _, err := quotedb(t, "", "restore", "--db", db, "--force", snap); !errs.Is(err, errs.Unavailable) {
		t.Errorf("restore over a database in use: %v", err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, "", "check", "--db", snap); !strings.Contains(out, "is consistent") {
		t.Errorf("check printed %q", out)
	}

	restored := filepath.Join(dir, "restored.db")
	out = mustRun(t, "", "restore", "--db", restored, snap)
	if !strings.Contains(out, "2 API tokens") {
		t.Errorf("restore printed %q", out)
	}
	// The snapshot is a prefix of the live database's history: every
	// record it has is in the live database as it was then, and the demo
	// data is complete.
	snapDump := mustRun(t, "", "export", "--db", restored)
	if snapDump != mustRun(t, "", "export", "--db", snap) || !strings.Contains(snapDump, `"APFP"`) {
		t.Error("the restored database differs from the snapshot")
	}
	live := mustRun(t, "", "export", "--db", db)
	for _, line := range strings.Split(strings.TrimSpace(snapDump), "\n") {
		if !strings.Contains(live, line) {
			t.Fatalf("snapshot record not in the live database: %s", line)
		}
	}
	// The restored database serves, and its tokens work.
	base, stop = startServe(t, "--db", restored)
	c.URL, c.Header = base+"/graphql", http.Header{"Authorization": {"Bearer " + admin}}
	c.Query(nil, `mutation { createSpeaker(input: {name: "After restore"}) { id } }`, nil)
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	// Cold: with the server stopped, backup reads the file directly and
	// gives exactly the live records.
	cold := filepath.Join(dir, "cold.db")
	if out := mustRun(t, "", "backup", "--db", db, cold); !strings.Contains(out, db) {
		t.Errorf("cold backup printed %q", out)
	}
	if mustRun(t, "", "export", "--db", cold) != live {
		t.Error("a cold backup differs from its database")
	}
	refused := []struct {
		args []string
		kind errs.Kind
	}{
		{[]string{"restore", "--db", restored, snap}, errs.Invalid}, // exists, no --force
		{[]string{"backup", "--db", db, db}, errs.Invalid},          // onto itself
		{[]string{"backup", "--db", filepath.Join(dir, "none.db"), filepath.Join(dir, "x.db")}, errs.Invalid},
		{[]string{"restore", "--db", filepath.Join(dir, "r.db"), filepath.Join(dir, "snap.jsonl")}, errs.Internal}, // missing file
	}
	for _, tc := range refused {
		if _, err := quotedb(t, "", tc.args...); err == nil || errs.KindOf(err) != tc.kind {
			t.Errorf("%v: got %v, want %v", tc.args, err, tc.kind)
		}
	}
	// A file that is not a database is refused, and nothing is replaced.
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not a database "), 1000), 0o600)
	before := mustRun(t, "", "export", "--db", restored)
	if _, err := quotedb(t, "", "restore", "--db", restored, "--force", junk); err == nil {
		t.Error("restored a file that is not a database")
	}
	if mustRun(t, "", "export", "--db", restored) != before {
		t.Error("a refused restore changed the database")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Error("a failed backup left its file")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestCheckFindsDamage removes an index entry behind the store's back:
// check must fail with a non-zero exit and say what is wrong.
func TestCheckFindsDamage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	base, stop := startServe(t, "--db", db, "--demo")
	_ = base
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "", "check", "--db", db)
	raw, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("ix_stmt_speaker"))
		if b == nil {
			return errs.E(errs.Internal, "no such bucket")
		}
		k, _ := b.Cursor().First()
		return b.Delete(k)
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, err = quotedb(t, "", "check", "--db", db)
	if err == nil || exitCode(err) == 0 || !strings.Contains(errorText(err), "lacks entry") {
		t.Fatalf("check of a damaged database: %v", err)
	}
	if _, err := quotedb(t, "", "check", "--db", filepath.Join(t.TempDir(), "missing.db")); !errs.Is(err, errs.Invalid) {
		t.Errorf("check of a missing file: %v", err)
	}
}

// TestRecordCountsAgree: check, restore and export report the same number
// of records, claim reviews included.
func TestRecordCountsAgree(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	s, err := bolt.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var stderr bytes.Buffer
	if err := run(t.Context(), []string{"export", "--db", db, "--out", filepath.Join(dir, "d.jsonl")}, strings.NewReader(""), io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`exported (\d+) records`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("export said %q", stderr.String())
	}
	want := m[1] + " records, 0 API tokens"
	if out := mustRun(t, "", "check", "--db", db); !strings.Contains(out, want) {
		t.Errorf("check: %q, want %q", out, want)
	}
	snap := filepath.Join(dir, "snap.db")
	mustRun(t, "", "backup", "--db", db, snap)
	if out := mustRun(t, "", "restore", "--db", filepath.Join(dir, "restored.db"), snap); !strings.Contains(out, want) {
		t.Errorf("restore: %q, want %q", out, want)
	}
}
