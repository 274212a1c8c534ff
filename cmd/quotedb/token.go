package main

import (
	"context"
	"fmt"
	"io"
	"slices"
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
Authorization: Bearer TOKEN. The commands open the database file, so run them
while the server is stopped (or on the server's host before starting it).`

func tokenCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintf(stderr, "Usage: quotedb token create|list|revoke [flags]\n\n%s\n", tokenHelp)
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

func tokenCreate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("token create", "Creates an API token and prints it, once, on stdout. Only its SHA-256 hash is stored:\na lost token cannot be recovered, only revoked and replaced.", stderr)
	db := dbFlag(fs)
	name := fs.String("name", "", "name of the token, unique: who holds it (the history names it as the author of its changes)")
	role := fs.String("role", "", "editor or admin")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("token create takes no arguments, only flags")
	}
	if !slices.Contains(store.Roles, store.Role(*role)) {
		return usageError("--role must be editor or admin, not %q", *role)
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	secret, tok, err := auth.Create(ctx, s, *name, store.Role(*role))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, secret)
	fmt.Fprintf(stderr, "created %s token %q (id %s); keep it now: it is not shown again\n", tok.Role, tok.Name, tok.ID)
	return nil
}

func tokenList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("token list", "Lists the API tokens, revoked ones included, oldest first. Secrets are not stored, so not shown.", stderr)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	var toks []*store.Token
	if err := s.View(ctx, func(tx store.Tx) error {
		var err error
		toks, err = tx.Tokens()
		return err
	}); err != nil {
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
	fs := newFlagSet("token revoke", "Revokes the API token with the given name or id: requests with it are refused from now on.\n\nUsage: quotedb token revoke [flags] NAME|ID", stderr)
	db := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("token revoke takes one token name or id")
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	var tok *store.Token
	if err := s.Update(ctx, func(tx store.Tx) error {
		var err error
		tok, err = tx.RevokeToken(fs.Arg(0))
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "revoked %s token %q (at %s)\n", tok.Role, tok.Name, tok.RevokedAt.Format(time.RFC3339))
	return nil
}
