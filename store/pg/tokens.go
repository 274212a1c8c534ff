package pg

import (
	"encoding/hex"
	"time"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// API tokens live outside the records, in the table tokens: not logged,
// not exported. Their names and hashes are unique.

// CreateToken stores a new token; see store.Tx.
func (t *tx) CreateToken(tok *store.Token) error {
	if err := t.canWrite(); err != nil {
		return err
	}
	if err := store.NormToken(tok); err != nil {
		return err
	}
	var taken struct{ name, hash bool }
	err := t.q.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM tokens WHERE name = $1), EXISTS (SELECT 1 FROM tokens WHERE hash = $2)`,
		tok.Name, tok.Hash).Scan(&taken.name, &taken.hash)
	if err != nil {
		return t.err(err)
	}
	switch {
	case taken.name:
		return errs.E(errs.Conflict, "a token named %q exists already", tok.Name)
	case taken.hash:
		return errs.E(errs.Conflict, "a token with this secret exists already")
	}
	u, err := uuid.NewV7()
	if err != nil {
		return errs.Wrap(errs.Internal, err, "generating id")
	}
	tok.ID, tok.CreatedAt, tok.RevokedAt = u.String(), now(), time.Time{}
	doc, err := encode(tok)
	if err != nil {
		return err
	}
	return t.exec(`INSERT INTO tokens (id, name, role, hash, doc) VALUES ($1, $2, $3, $4, $5::json)`,
		tok.ID, tok.Name, string(tok.Role), tok.Hash, string(doc))
}

// Tokens returns every token in order of id, that is of creation.
func (t *tx) Tokens() ([]*store.Token, error) {
	return queryDocs[store.Token](t, "SELECT doc FROM tokens ORDER BY id")
}

// TokenByHash looks the hash up in the unique hash column.
func (t *tx) TokenByHash(hash string) (*store.Token, error) {
	b, err := hex.DecodeString(hash)
	if err != nil || len(b) != 32 {
		return nil, errs.E(errs.Invalid, "token hash %q is not 64 hex digits", hash)
	}
	toks, err := queryDocs[store.Token](t, "SELECT doc FROM tokens WHERE hash = $1", hex.EncodeToString(b))
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, errs.E(errs.NotFound, "no such token")
	}
	return toks[0], nil
}

// RevokeToken marks the token revoked; see store.Tx. Its hash stays, so
// that the secret keeps naming the (revoked) token.
func (t *tx) RevokeToken(nameOrID string) (*store.Token, error) {
	if err := t.canWrite(); err != nil {
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
		doc, err := encode(tok)
		if err != nil {
			return nil, err
		}
		return tok, t.exec("UPDATE tokens SET doc = $2::json WHERE id = $1", tok.ID, string(doc))
	}
	return nil, errs.E(errs.NotFound, "no token named %q", nameOrID)
}
