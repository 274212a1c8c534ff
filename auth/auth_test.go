package auth_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

func TestFromHeader(t *testing.T) {
	tests := []struct {
		header, secret string
		err            bool
	}{
		{"", "", false},
		{"Bearer qdb_abc", "qdb_abc", false},
		{"bearer  qdb_abc ", "qdb_abc", false},
		{"Bearer", "", true},
		{"Bearer ", "", true},
		{"Basic dXNlcjpwYXNz", "", true},
		{"qdb_abc", "", true},
	}
	for _, tc := range tests {
		secret, err := auth.FromHeader(tc.header)
		if secret != tc.secret || (err != nil) != tc.err || err != nil && !errs.Is(err, errs.Unauthenticated) {
			t.Errorf("FromHeader(%q) = %q, %v", tc.header, secret, err)
		}
	}
}

func TestCreateAuthenticateRevoke(t *testing.T) {
	ctx := context.Background()
	s, err := bolt.Open(filepath.Join(t.TempDir(), "a.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	secret, tok, err := auth.Create(ctx, s, "desk", store.Editor)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(secret, auth.Prefix) || len(secret) != len(auth.Prefix)+43 {
		t.Errorf("secret %q", secret)
	}
	if tok.Hash != auth.Hash(secret) || strings.Contains(tok.Hash, secret) {
		t.Errorf("stored hash %q", tok.Hash)
	}
	other, _ := auth.NewSecret()
	if other == secret {
		t.Error("two secrets are equal")
	}
	got, err := auth.Authenticate(ctx, s, secret)
	if err != nil || got.ID != tok.ID {
		t.Fatalf("authenticate: %+v, %v", got, err)
	}
	for _, bad := range []string{other, "not-a-token", secret + "x"} {
		if _, err := auth.Authenticate(ctx, s, bad); !errs.Is(err, errs.Unauthenticated) {
			t.Errorf("authenticate %q: %v", bad, err)
		}
	}
	if err := s.Update(ctx, func(tx store.Tx) error { _, err := tx.RevokeToken("desk"); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := auth.Authenticate(ctx, s, secret); !errs.Is(err, errs.Unauthenticated) {
		t.Errorf("revoked token: %v", err)
	}

	rctx := auth.WithToken(ctx, tok)
	if store.ActorFrom(rctx) != "desk" || auth.TokenFrom(rctx) != tok {
		t.Error("the token's context does not name it")
	}
	for _, tc := range []struct {
		ctx  context.Context
		need store.Role
		kind errs.Kind
	}{
		{ctx, store.Editor, errs.Unauthenticated},
		{rctx, store.Admin, errs.Forbidden},
	} {
		if err := auth.Require(tc.ctx, tc.need); !errs.Is(err, tc.kind) {
			t.Errorf("Require(%s) = %v, want %v", tc.need, err, tc.kind)
		}
	}
	if err := auth.Require(rctx, store.Editor); err != nil {
		t.Errorf("editor for editor: %v", err)
	}
}
