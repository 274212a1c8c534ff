// Package auth issues and checks quotedb's API tokens and carries the
// token of a request in its context.
//
// A token's secret is "qdb_" followed by 43 characters of base64url: 256
// random bits. The store keeps only the hex SHA-256 of the secret. A fast
// hash is right here, unlike for passwords: bcrypt and its kin are slow to
// make guessing a low-entropy password costly, but no one guesses 256
// random bits at any speed; and an unsalted hash lets each request find its
// token with one index lookup instead of comparing against every token at
// tens of milliseconds each.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Prefix starts every secret, so that a leaked token is easy to recognise
// (by secret scanners, in logs).
const Prefix = "qdb_"

// NewSecret returns a new random secret and its hash.
func NewSecret() (secret, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails; see crypto/rand.Read
	secret = Prefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, Hash(secret)
}

// Hash returns the hex SHA-256 of a secret, as the store keeps it.
func Hash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// Create stores a new token with the name and role and returns its secret,
// which exists nowhere else: the caller must show it to the user at once.
// It commits before returning; the errors are those of store.Tx.CreateToken.
func Create(ctx context.Context, s store.Store, name string, role store.Role) (secret string, tok *store.Token, err error) {
	secret, hash := NewSecret()
	tok = &store.Token{Name: name, Role: role, Hash: hash}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.CreateToken(tok) }); err != nil {
		return "", nil, err
	}
	return secret, tok, nil
}

// Authenticate returns the valid token whose secret this is. An unknown,
// malformed or revoked secret gives errs.Unauthenticated, with the same
// message for each so that a caller learns nothing about which it was.
func Authenticate(ctx context.Context, s store.Store, secret string) (*store.Token, error) {
	refused := errs.E(errs.Unauthenticated, "the API token is not valid (unknown or revoked)")
	if !strings.HasPrefix(secret, Prefix) {
		return nil, refused
	}
	var tok *store.Token
	err := s.View(ctx, func(tx store.Tx) error {
		var err error
		tok, err = tx.TokenByHash(Hash(secret))
		return err
	})
	if errs.Is(err, errs.NotFound) || err == nil && tok.Revoked() {
		return nil, refused
	}
	if err != nil {
		return nil, err
	}
	return tok, nil
}

type tokenKey struct{}

// WithToken returns a context for a request made with tok: its writes are
// logged as made by the token's name (store.WithActor) and Require checks
// its role.
func WithToken(ctx context.Context, tok *store.Token) context.Context {
	return store.WithActor(context.WithValue(ctx, tokenKey{}, tok), tok.Name)
}

// TokenFrom returns the token of a request, or nil when it had none.
func TokenFrom(ctx context.Context) *store.Token {
	tok, _ := ctx.Value(tokenKey{}).(*store.Token)
	return tok
}

// Require checks that the request of ctx may do what needs role need: it
// gives errs.Unauthenticated when the request had no token and
// errs.Forbidden when its token's role is too weak.
func Require(ctx context.Context, need store.Role) error {
	tok := TokenFrom(ctx)
	if tok == nil {
		return errs.E(errs.Unauthenticated, "this needs an API token with role %s: send it as Authorization: Bearer TOKEN", need)
	}
	if !tok.Role.Allows(need) {
		return errs.E(errs.Forbidden, "token %q has role %s; this needs role %s", tok.Name, tok.Role, need)
	}
	return nil
}

// FromHeader returns the secret of an Authorization header value of the
// form "Bearer SECRET" (the scheme in any case), "" when the value is
// empty, and errs.Unauthenticated for any other form.
func FromHeader(value string) (string, error) {
	if value == "" {
		return "", nil
	}
	scheme, secret, ok := strings.Cut(value, " ")
	secret = strings.TrimSpace(secret)
	if !ok || !strings.EqualFold(scheme, "Bearer") || secret == "" {
		return "", errs.E(errs.Unauthenticated, "the Authorization header must be \"Bearer TOKEN\"")
	}
	return secret, nil
}
