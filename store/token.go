package store

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/quotedb/quotedb/errs"
)

// Role is what an API token may do. Reads need no role (or, when the server
// requires tokens for reads, any valid token).
type Role string

const (
	// Editor creates and edits records and ingests documents.
	Editor Role = "editor"
	// Admin may do everything an editor may, and also delete and merge
	// records, manage tokens and take backups.
	Admin Role = "admin"
)

// Roles lists the valid roles, weakest first.
var Roles = []Role{Editor, Admin}

// Allows reports whether a token of role r may do what needs role need:
// each role allows what the roles before it in Roles allow.
func (r Role) Allows(need Role) bool {
	rank := func(x Role) int {
		for i, y := range Roles {
			if x == y {
				return i
			}
		}
		return -1
	}
	return rank(r) >= 0 && rank(r) >= rank(need)
}

// Token is an API token as stored: only the hash of its secret is kept,
// so that a copy of the database (a backup, a stolen disk) gives no one a
// usable token. Tokens are not records: they are not in the change log,
// exports or lists of records.
type Token struct {
	ID   string `json:"id"`
	Name string `json:"name"` // unique; the actor the change log names for its writes
	Role Role   `json:"role"`
	// Hash is the hex SHA-256 of the token's secret.
	Hash      string    `json:"hash"`
	CreatedAt time.Time `json:"createdAt"`
	// RevokedAt is when the token was revoked; zero while it is valid. A
	// revoked token is kept so that its name, which the change log names,
	// is never given to another.
	RevokedAt time.Time `json:"revokedAt,omitzero"`
}

// Revoked reports whether the token has been revoked.
func (t *Token) Revoked() bool { return !t.RevokedAt.IsZero() }

// MaxTokenNameLen bounds a token's name, in bytes.
const MaxTokenNameLen = 100

// NormToken trims a new token's name and checks the token: a name of
// printable characters within MaxTokenNameLen, a valid role and a hash of
// 64 lower-case hex digits. It gives errs.Invalid errors.
func NormToken(t *Token) error {
	t.Name = strings.TrimSpace(t.Name)
	switch {
	case t.Name == "":
		return errs.E(errs.Invalid, "token name is required")
	case len(t.Name) > MaxTokenNameLen:
		return errs.E(errs.Invalid, "token name is longer than %d bytes", MaxTokenNameLen)
	case !utf8.ValidString(t.Name) || strings.IndexFunc(t.Name, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		return errs.E(errs.Invalid, "token name %q has characters that are not printable", t.Name)
	case !slices.Contains(Roles, t.Role):
		return errs.E(errs.Invalid, "token role %q is not one of %v", t.Role, Roles)
	case !hashPattern.MatchString(t.Hash):
		return errs.E(errs.Invalid, "token hash is not 64 lower-case hex digits")
	}
	return nil
}

var hashPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)
