package bolt

import (
	"time"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// API tokens live outside the records: tokenBucket maps a token's binary
// id to its JSON store.Token, and tokenByHash maps the 32 bytes of its hash
// to its id, for the lookup every authenticated request makes. Names are
// unique; there are few tokens, so uniqueness is checked by a scan.
var (
	tokenBucket = []byte("tokens")
	tokenByHash = []byte("tokens_by_hash")
)

// CreateToken stores a new token; see store.Tx.
func (t *tx) CreateToken(tok *store.Token) error {
	if err := t.writable(); err != nil {
		return err
	}
	if err := store.NormToken(tok); err != nil {
		return err
	}
	all, err := t.Tokens()
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.Name == tok.Name {
			return errs.E(errs.Conflict, "a token named %q exists already", tok.Name)
		}
	}
	hash := hashKey(tok.Hash)
	if t.btx.Bucket(tokenByHash).Get(hash) != nil {
		return errs.E(errs.Conflict, "a token with this secret exists already")
	}
	u, err := uuid.NewV7()
	if err != nil {
		return errs.Wrap(errs.Internal, err, "generating id")
	}
	tok.ID = u.String()
	tok.CreatedAt = now()
	tok.RevokedAt = time.Time{}
	if err := t.putToken(tok); err != nil {
		return err
	}
	if err := t.btx.Bucket(tokenByHash).Put(hash, u[:]); err != nil {
		return errs.Wrap(errs.Internal, err, "writing token index")
	}
	return nil
}

func (t *tx) putToken(tok *store.Token) error {
	b, err := encode(tok)
	if err != nil {
		return err
	}
	if err := t.btx.Bucket(tokenBucket).Put(mustID(tok.ID), b); err != nil {
		return errs.Wrap(errs.Internal, err, "writing token")
	}
	return nil
}

// Tokens returns every token in order of id, that is of creation.
func (t *tx) Tokens() ([]*store.Token, error) {
	var out []*store.Token
	err := t.btx.Bucket(tokenBucket).ForEach(func(_, v []byte) error {
		tok := new(store.Token)
		if err := decode(v, tok); err != nil {
			return err
		}
		out = append(out, tok)
		return nil
	})
	return out, err
}

// TokenByHash looks the hash up in tokenByHash.
func (t *tx) TokenByHash(hash string) (*store.Token, error) {
	key := hashKey(hash)
	if key == nil {
		return nil, errs.E(errs.Invalid, "token hash %q is not 64 hex digits", hash)
	}
	id := t.btx.Bucket(tokenByHash).Get(key)
	if id == nil {
		return nil, errs.E(errs.NotFound, "no such token")
	}
	return t.tokenAt(id)
}

func (t *tx) tokenAt(id []byte) (*store.Token, error) {
	b := t.btx.Bucket(tokenBucket).Get(id)
	if b == nil {
		return nil, errs.E(errs.Internal, "token index names missing token %s", idString(id))
	}
	tok := new(store.Token)
	return tok, decode(b, tok)
}

// RevokeToken marks the token revoked; see store.Tx. The hash stays in
// the index so that the secret keeps naming the (revoked) token.
func (t *tx) RevokeToken(nameOrID string) (*store.Token, error) {
	if err := t.writable(); err != nil {
		return nil, err
	}
	all, err := t.Tokens()
	if err != nil {
		return nil, err
	}
	for _, tok := range all {
		if tok.Name != nameOrID && tok.ID != nameOrID {
			continue
		}
		if tok.Revoked() {
			return tok, nil
		}
		tok.RevokedAt = now()
		return tok, t.putToken(tok)
	}
	return nil, errs.E(errs.NotFound, "no token named %q", nameOrID)
}

// checkTokens checks that every token has its hash index entry naming it
// and that the index has no other entries.
func (t *tx) checkTokens(report func(string, ...any) bool) {
	toks, err := t.Tokens()
	if err != nil {
		report("tokens: %v", err)
		return
	}
	idx := t.btx.Bucket(tokenByHash)
	for _, tok := range toks {
		if key := hashKey(tok.Hash); key == nil || string(idx.Get(key)) != string(mustID(tok.ID)) {
			if !report("token %q lacks its hash index entry", tok.Name) {
				return
			}
		}
	}
	if n := idx.Stats().KeyN; n != len(toks) {
		report("token hash index has %d entries for %d tokens", n, len(toks))
	}
}
