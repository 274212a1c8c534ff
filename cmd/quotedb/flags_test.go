package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
)

func TestParseFlagsAnywhere(t *testing.T) {
	tests := []struct {
		args     []string
		db       string
		force    bool
		operands []string
	}{
		{[]string{"a", "b"}, "", false, []string{"a", "b"}},
		{[]string{"--db", "x", "a"}, "x", false, []string{"a"}},
		{[]string{"a", "--db", "x"}, "x", false, []string{"a"}},
		{[]string{"a", "--force", "b", "--db=x"}, "x", true, []string{"a", "b"}},
		{[]string{"a", "--", "--db", "x"}, "", false, []string{"a", "--db", "x"}},
		{[]string{"--", "-"}, "", false, []string{"-"}},
		{[]string{"-", "--force"}, "", true, []string{"-"}},
		{nil, "", false, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			db := fs.String("db", "", "")
			force := fs.Bool("force", false, "")
			if err := parse(fs, tt.args); err != nil {
				t.Fatal(err)
			}
			if *db != tt.db || *force != tt.force || !slices.Equal(fs.Args(), tt.operands) {
				t.Errorf("db %q force %v operands %q; want %q %v %q", *db, *force, fs.Args(), tt.db, tt.force, tt.operands)
			}
		})
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := parse(fs, []string{"a", "--nope"}); err != errUsage {
		t.Errorf("an unknown flag after an operand: %v, want a usage error", err)
	}
}

// TestFlagsAfterArguments runs every command with its flags after its
// arguments, as the README's CLI reference writes some of them. Commands
// without arguments must name the stray one rather than ignore it.
func TestFlagsAfterArguments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	doc := filepath.Join(dir, "doc.txt")
	gold := filepath.Join(dir, "gold.jsonl")
	dump := filepath.Join(dir, "dump.jsonl")
	snap := filepath.Join(dir, "snap.db")
	restored := filepath.Join(dir, "restored.db")
	for path, text := range map[string]string{
		doc:  "Harbour news\n\n\"The ferry will run all winter,\" said Mara Lind, the harbour master.\n",
		gold: `{"id": "d1", "text": "\"We will see,\" said Ann Roe.", "quotes": []}` + "\n",
		dump: `{"type": "speaker", "speaker": {"id": "0190a0a0-0000-7000-8000-000000000001", "name": "Ola Berg"}}` + "\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stray := func(cmd ...string) []string { return append(cmd, "stray", "--db", db) }
	tests := []struct {
		cmd  string
		args []string
		want string // in stdout; for a stray argument, in the error
		bad  bool   // a usage error is wanted
	}{
		{"ingest", []string{"ingest", doc, "--db", db}, "source", false},
		{"import", []string{"import", dump, "--db", db}, "1 created", false},
		{"token create", []string{"token", "create", "--db", db, "--role", "editor", "--name", "newsdesk"}, "qdb_", false},
		{"token revoke", []string{"token", "revoke", "newsdesk", "--db", db}, `revoked editor token "newsdesk"`, false},
		{"backup", []string{"backup", snap, "--db", db}, "checked", false},
		{"restore", []string{"restore", snap, "--db", restored, "--force"}, "restored", false},
		{"eval", []string{"eval", gold, "--json"}, `{"`, false},
		{"extract", []string{"extract", doc, "--jsonl"}, "takes no file", true},
		{"serve", stray("serve"), "no arguments", true},
		{"export", stray("export"), "no arguments", true},
		{"reindex", stray("reindex"), "no arguments", true},
		{"check", stray("check"), "no arguments", true},
		{"gen", stray("gen"), "no arguments", true},
		{"migrate", []string{"migrate", "stray", "--store", "postgres://nobody@127.0.0.1:1/none"}, "no arguments", true},
		{"migrate-store", []string{"migrate-store", "stray", "--from", db, "--to", "postgres://nobody@127.0.0.1:1/none"}, "no arguments", true},
		{"token list", stray("token", "list"), "no arguments", true},
	}
	var tested []string
	for _, tt := range tests {
		tested = append(tested, tt.cmd)
		t.Run(tt.cmd, func(t *testing.T) {
			out, err := quotedb(t, "", tt.args...)
			if tt.bad {
				if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.Message(err), tt.want) {
					t.Fatalf("%q: got %v, want a usage error saying %q", tt.args, err, tt.want)
				}
				return
			}
			if err != nil || !strings.Contains(out, tt.want) {
				t.Fatalf("%q: %v\n%s", tt.args, err, out)
			}
		})
	}
	for _, c := range allCommands() {
		if !slices.Contains(tested, c) {
			t.Errorf("command %q has no case here", c)
		}
	}
}

// allCommands names every command and token subcommand.
func allCommands() []string {
	var out []string
	for _, c := range commands() {
		if c.name == "token" {
			out = append(out, "token create", "token list", "token revoke")
			continue
		}
		out = append(out, c.name)
	}
	return out
}

func TestEachCommandPrintsOneUsageLine(t *testing.T) {
	for _, name := range append(allCommands(), "token") {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			args := append(strings.Fields(name), "-h")
			if err := run(context.Background(), args, strings.NewReader(""), &out, &out); err != nil {
				t.Fatalf("%s -h: %v", name, err)
			}
			if n := strings.Count(out.String(), "Usage:"); n != 1 {
				t.Errorf("%s -h prints %d Usage: lines:\n%s", name, n, out.String())
			}
			if !strings.HasPrefix(out.String(), "Usage: quotedb "+name+" ") {
				t.Errorf("%s -h does not start with its usage line:\n%s", name, out.String())
			}
		})
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"token", "-h"}, strings.NewReader(""), &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"-role", "-name", "-db", "-server", "-token"} {
		if !strings.Contains(out.String(), "\n  "+flag+" ") {
			t.Errorf("token -h does not list %s:\n%s", flag, out.String())
		}
	}
}
