package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

func hashOf(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

func testTokens(t *testing.T, s store.Store) {
	ed := &store.Token{Name: "  newsdesk  ", Role: store.Editor, Hash: hashOf("a")}
	ad := &store.Token{Name: "ops", Role: store.Admin, Hash: hashOf("b")}
	update(t, s, func(tx store.Tx) error {
		if err := tx.CreateToken(ed); err != nil {
			return err
		}
		return tx.CreateToken(ad)
	})
	if ed.ID == "" || ed.CreatedAt.IsZero() || ed.Name != "newsdesk" || ed.Revoked() {
		t.Fatalf("created token %+v", ed)
	}
	seq := lastSeq(t, s)
	if seq != 0 {
		t.Errorf("tokens wrote %d change-log entries; they are not records", seq)
	}

	bad := []struct {
		name string
		tok  store.Token
		kind errs.Kind
	}{
		{"duplicate name", store.Token{Name: "ops", Role: store.Editor, Hash: hashOf("c")}, errs.Conflict},
		{"duplicate secret", store.Token{Name: "other", Role: store.Editor, Hash: hashOf("a")}, errs.Conflict},
		{"no name", store.Token{Name: " ", Role: store.Editor, Hash: hashOf("d")}, errs.Invalid},
		{"control character", store.Token{Name: "a\nb", Role: store.Editor, Hash: hashOf("d")}, errs.Invalid},
		{"unknown role", store.Token{Name: "x", Role: "owner", Hash: hashOf("d")}, errs.Invalid},
		{"bad hash", store.Token{Name: "x", Role: store.Editor, Hash: "secret"}, errs.Invalid},
	}
	for _, tc := range bad {
		err := s.Update(ctx, func(tx store.Tx) error { return tx.CreateToken(&tc.tok) })
		if errs.KindOf(err) != tc.kind {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.kind)
		}
	}

	view(t, s, func(tx store.Tx) error {
		all, err := tx.Tokens()
		if err != nil {
			return err
		}
		if len(all) != 2 || all[0].Name != "newsdesk" || all[1].Name != "ops" {
			t.Errorf("tokens %+v", all)
		}
		got, err := tx.TokenByHash(hashOf("b"))
		if err != nil || got.ID != ad.ID || got.Role != store.Admin {
			t.Errorf("by hash: %+v, %v", got, err)
		}
		if _, err := tx.TokenByHash(hashOf("nope")); !errs.Is(err, errs.NotFound) {
			t.Errorf("unknown hash: %v", err)
		}
		if _, err := tx.TokenByHash("zz"); !errs.Is(err, errs.Invalid) {
			t.Errorf("malformed hash: %v", err)
		}
		if _, err := tx.RevokeToken("ops"); !errs.Is(err, errs.Internal) {
			t.Errorf("revoke in a read transaction: %v", err)
		}
		return nil
	})

	var revoked *store.Token
	update(t, s, func(tx store.Tx) error {
		var err error
		revoked, err = tx.RevokeToken("newsdesk")
		return err
	})
	if !revoked.Revoked() {
		t.Fatalf("revoked token %+v", revoked)
	}
	update(t, s, func(tx store.Tx) error {
		again, err := tx.RevokeToken(ed.ID)
		if err == nil && !again.RevokedAt.Equal(revoked.RevokedAt) {
			t.Errorf("revoking again moved RevokedAt from %v to %v", revoked.RevokedAt, again.RevokedAt)
		}
		return err
	})
	err := s.Update(ctx, func(tx store.Tx) error { _, err := tx.RevokeToken("nobody"); return err })
	wantKind(t, err, errs.NotFound)
	view(t, s, func(tx store.Tx) error {
		got, err := tx.TokenByHash(hashOf("a"))
		if err != nil || !got.Revoked() {
			t.Errorf("revoked token by hash: %+v, %v", got, err)
		}
		return nil
	})
	// A revoked token's name stays taken: the change log names it.
	err = s.Update(ctx, func(tx store.Tx) error {
		return tx.CreateToken(&store.Token{Name: "newsdesk", Role: store.Editor, Hash: hashOf("e")})
	})
	wantKind(t, err, errs.Conflict)
}
