package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/store"
)

const tokenHelp = `Manages the API tokens that mutations (and, with serve --auth-reads, reads) need.

  quotedb token create --role editor|admin --name NAME
        prints a new token once: only its hash is stored
  quotedb token list
        lists the tokens: name, role, when created, whether revoked
  quotedb token revoke NAME|ID
        revokes a token; its name stays reserved, since the history names it

Roles: editor creates and edits records and ingests; admin also deletes,
merges, manages tokens and takes backups. Clients send a token as
Authorization: Bearer TOKEN.

The commands open the database file (creating it for the first token), or the
PostgreSQL database --store names. While a server holds the file they go through
the server's API instead, which needs an admin token (--token, env
QUOTEDB_TOKEN); --server URL forces that.`

func tokenCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		tokenUsage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return errHelp
	}
	switch args[0] {
	case "create":
		return tokenCreate(ctx, args[1:], stdout, stderr)
	case "list":
		return tokenList(ctx, args[1:], stdout, stderr)
	case "revoke":
		return tokenRevoke(ctx, args[1:], stdout, stderr)
	}
	return usageError("unknown token command %q: use create, list or revoke", args[0])
}

// tokenUsage prints the help of token and the flags of its commands,
// from the same definitions the commands use.
func tokenUsage(w io.Writer) {
	fmt.Fprintf(w, "%s\n\n%s\n\nFlags of create:\n", "Usage: quotedb token create|list|revoke [flags]", tokenHelp)
	fs := flag.NewFlagSet("token", flag.ContinueOnError)
	fs.SetOutput(w)
	createFlags(fs)
	fs.PrintDefaults()
	fmt.Fprint(w, "\nFlags of create, list and revoke:\n")
	fs = flag.NewFlagSet("token", flag.ContinueOnError)
	fs.SetOutput(w)
	tokenFlags(fs)
	fs.PrintDefaults()
}

// tokenFlags adds the flags every token command takes: where the tokens
// are, or the server to go through.
func tokenFlags(fs *flag.FlagSet) (db *string, srv remote) {
	db, srv = dbFlag(fs), remoteFlags(fs)
	srv.store = storeFlag(fs)
	return db, srv
}

// createFlags adds the flags of token create.
func createFlags(fs *flag.FlagSet) (name, role *string) {
	name = fs.String("name", "", "name of the token, unique: who holds it (the history names it as the author of its changes)")
	role = fs.String("role", "", "editor or admin")
	return name, role
}

func tokenCreate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("token create", "Creates an API token and prints it, once, on stdout. Only its SHA-256 hash is stored:\na lost token cannot be recovered, only revoked and replaced.", stderr)
	name, role := createFlags(fs)
	db, srv := tokenFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("token create takes no arguments, only flags")
	}
	if !slices.Contains(store.Roles, store.Role(*role)) {
		return usageError("--role must be editor or admin, not %q", *role)
	}
	s, err := srv.openTokens(ctx, *db, true, "create a token")
	if err != nil {
		return err
	}
	var secret string
	var tok *store.Token
	if s != nil {
		defer s.Close()
		secret, tok, err = auth.Create(ctx, s, *name, store.Role(*role))
	} else {
		var d struct {
			CreateToken struct {
				Secret string
				Token  remoteToken
			}
		}
		err = srv.graphql(ctx, `mutation($name: String!, $role: Role!) { createToken(name: $name, role: $role) { secret token { `+remoteTokenFields+` } } }`,
			map[string]any{"name": *name, "role": strings.ToUpper(*role)}, &d)
		secret, tok = d.CreateToken.Secret, d.CreateToken.Token.token()
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, secret)
	fmt.Fprintf(stderr, "created %s token %q (id %s); keep it now: it is not shown again\n", tok.Role, tok.Name, tok.ID)
	return nil
}

func tokenList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("token list", "Lists the API tokens, revoked ones included, oldest first. Secrets are not stored, so not shown.", stderr)
	db, srv := tokenFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("token list takes no arguments, only flags")
	}
	s, err := srv.openTokens(ctx, *db, false, "list the tokens")
	if err != nil {
		return err
	}
	var toks []*store.Token
	if s != nil {
		defer s.Close()
		err = s.View(ctx, func(tx store.Tx) error {
			var err error
			toks, err = tx.Tokens()
			return err
		})
	} else {
		var d struct{ Tokens []remoteToken }
		err = srv.graphql(ctx, `{ tokens { `+remoteTokenFields+` } }`, nil, &d)
		for _, t := range d.Tokens {
			toks = append(toks, t.token())
		}
	}
	if err != nil {
		return err
	}
	if len(toks) == 0 {
		fmt.Fprintln(stderr, "no tokens; create one with: quotedb token create --role admin --name NAME")
		return nil
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tROLE\tCREATED\tREVOKED\tID")
	for _, t := range toks {
		revoked := "-"
		if t.Revoked() {
			revoked = t.RevokedAt.Format(time.RFC3339)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", t.Name, t.Role, t.CreatedAt.Format(time.RFC3339), revoked, t.ID)
	}
	return w.Flush()
}

func tokenRevoke(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSetArgs("token revoke", "NAME|ID", "Revokes the API token with the given name or id: requests with it are refused from now on.", stderr)
	db, srv := tokenFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("token revoke takes one token name or id")
	}
	s, err := srv.openTokens(ctx, *db, false, "revoke a token")
	if err != nil {
		return err
	}
	var tok *store.Token
	if s != nil {
		defer s.Close()
		err = s.Update(ctx, func(tx store.Tx) error {
			var err error
			tok, err = tx.RevokeToken(fs.Arg(0))
			return err
		})
	} else {
		var d struct{ RevokeToken remoteToken }
		err = srv.graphql(ctx, `mutation($t: String!) { revokeToken(nameOrId: $t) { `+remoteTokenFields+` } }`, map[string]any{"t": fs.Arg(0)}, &d)
		tok = d.RevokeToken.token()
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "revoked %s token %q (at %s)\n", tok.Role, tok.Name, tok.RevokedAt.Format(time.RFC3339))
	return nil
}

// remoteToken is a token as the GraphQL API gives it.
type remoteToken struct {
	ID, Name, Role       string
	CreatedAt, RevokedAt *time.Time
}

const remoteTokenFields = "id name role createdAt revokedAt"

func (r remoteToken) token() *store.Token {
	t := &store.Token{ID: r.ID, Name: r.Name, Role: store.Role(strings.ToLower(r.Role))}
	if r.CreatedAt != nil {
		t.CreatedAt = *r.CreatedAt
	}
	if r.RevokedAt != nil {
		t.RevokedAt = *r.RevokedAt
	}
	return t
}
