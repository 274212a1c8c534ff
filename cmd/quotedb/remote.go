package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store/bolt"
)

// remote is a running quotedb server, which commands that need the
// database file reach instead when the server holds the file.
type remote struct {
	url   *string // base URL, e.g. http://127.0.0.1:8080
	token *string // admin API token
	// store, when set (token commands), is a PostgreSQL database to open
	// instead of the file.
	store *string
}

// remoteFlags adds --server and --token to fs.
func remoteFlags(fs *flag.FlagSet) remote {
	return remote{
		url:   fs.String("server", os.Getenv("QUOTEDB_SERVER"), "the running server to go through, e.g. http://127.0.0.1:8080 (env QUOTEDB_SERVER;\ndefault: the server of QUOTEDB_ADDR, when the database file is in use)"),
		token: fs.String("token", os.Getenv("QUOTEDB_TOKEN"), "admin API token, for going through the server (env QUOTEDB_TOKEN)"),
	}
}

// open opens the database at path, unless the server was asked for with
// --server. It returns a nil store when the command should go through the
// server: asked for, or because a server holds the file; then it fails
// unless a token was given. create allows creating a missing database.
func (r remote) open(path string, create bool, what string) (*bolt.Store, error) {
	if *r.url == "" {
		var s *bolt.Store
		var err error
		if create {
			s, err = bolt.Open(path, &bolt.Options{LockTimeout: lockWait})
		} else {
			s, err = openExisting(path)
		}
		if !errors.Is(err, bolt.ErrInUse) {
			return s, err
		}
		*r.url = "http://" + envOr("QUOTEDB_ADDR", "127.0.0.1:8080")
	}
	*r.url = strings.TrimSuffix(*r.url, "/")
	if *r.token == "" {
		return nil, usageError("%s is in use (by a running server?): to %s through the server at %s, pass an admin token with --token or QUOTEDB_TOKEN", path, what, *r.url)
	}
	return nil, nil
}

// graphql runs a GraphQL request on the server and decodes its data into
// out. A GraphQL error comes back as an *errs.Error of its code's kind.
func (r remote) graphql(ctx context.Context, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, *r.url+"/graphql", bytes.NewReader(body))
	if err != nil {
		return usageError("--server: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+*r.token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return errs.Wrap(errs.Unavailable, err, "reaching the server")
	}
	defer res.Body.Close()
	var resp struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.NewDecoder(res.Body).Decode(&resp); err != nil {
		return errs.Wrap(errs.Unavailable, err, fmt.Sprintf("the server answered %s with something other than GraphQL", res.Status))
	}
	if len(resp.Errors) > 0 {
		e := resp.Errors[0]
		return errs.E(errs.KindOfCode(e.Extensions.Code), "the server refused: %s", e.Message)
	}
	return json.Unmarshal(resp.Data, out)
}
