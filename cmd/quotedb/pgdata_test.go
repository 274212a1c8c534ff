package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

// gen, import, export and ingest take --store (or QUOTEDB_STORE) as serve
// does: a dataset generated into PostgreSQL exports, imports into another
// database and exports again the same; a document ingested there is in
// the next export.
func TestDataCommandsOnPostgres(t *testing.T) {
	url, schema := pgtest.Schema(t)
	first := pgtest.WithSchema(url, schema)
	url, schema = pgtest.Schema(t)
	second := pgtest.WithSchema(url, schema)
	dir := t.TempDir()
	t.Chdir(dir) // where --db's default would make a file

	mustRun(t, "", "gen", "--statements", "60", "--seed", "7", "--store", first)
	exported := mustRun(t, "", "export", "--store", first)
	if n := strings.Count(exported, "\n"); n < 60 {
		t.Fatalf("export --store after gen --statements 60: %d records", n)
	}
	file := filepath.Join(dir, "first.jsonl")
	if err := os.WriteFile(file, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}

	t.Setenv("QUOTEDB_STORE", second)
	if out := mustRun(t, "", "import", file); !strings.Contains(out, "created") {
		t.Errorf("import through QUOTEDB_STORE said %q", out)
	}
	if again := mustRun(t, "", "export"); again != exported {
		t.Errorf("the export of the import differs from the export imported")
	}
	if _, err := os.Stat("quotedb.db"); err == nil {
		t.Errorf("a database file was written beside the test, not PostgreSQL")
	}

	doc := filepath.Join(dir, "council.txt")
	text := "Harbour council backs the new ferry\n\n\"The ferry will run every hour from May,\" said Mara Velt, the harbour master.\n"
	if err := os.WriteFile(doc, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, "", "ingest", "--store", second, "--date", "2024-03-02", doc); !strings.Contains(out, "1 statements") {
		t.Errorf("ingest --store said %q", out)
	}
	after := mustRun(t, "", "export", "--store", second)
	if !strings.Contains(after, "The ferry will run every hour from May") || !strings.Contains(after, "Mara Velt") {
		t.Errorf("the ingested statement is not in the export")
	}
	if mustRun(t, "", "export", "--store", first) != exported {
		t.Errorf("ingesting into one database changed another")
	}
}

func TestDataCommandsStoreFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"gen into both", []string{"gen", "--statements", "1", "--db", "x.db", "--store", "postgres://127.0.0.1:1/x"}, "not both"},
		{"export from both", []string{"export", "--store", "postgres://127.0.0.1:1/x", "--server", "http://127.0.0.1:1"}, "not both"},
		{"import from a file name", []string{"import", "--store", "quotedb.db"}, "PostgreSQL URL"},
		{"ingest into a file name", []string{"ingest", "--store", "q.db", "doc.txt"}, "PostgreSQL URL"},
		{"export from a file name", []string{"export", "--store", "q.db"}, "PostgreSQL URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir()) // so that no database file is made here
			if err := os.WriteFile("doc.txt", []byte("\"We will open the bridge,\" said Ola Brun.\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := quotedb(t, "", tt.args...)
			if errs.KindOf(err) != errs.Invalid || !strings.Contains(errs.Message(err), tt.want) {
				t.Errorf("%v: %v, want an invalid-input error saying %q", tt.args, err, tt.want)
			}
		})
	}
}

// reindex --store builds a PostgreSQL database's search index where serve
// looks for it by default, in the working directory, named after the
// database.
func TestReindexOnPostgres(t *testing.T) {
	url, schema := pgtest.Schema(t)
	store := pgtest.WithSchema(url, schema)
	t.Chdir(t.TempDir())
	mustRun(t, "", "gen", "--statements", "20", "--seed", "2", "--store", store)
	if out := mustRun(t, "", "reindex", "--store", store); !strings.Contains(out, "indexed ") {
		t.Errorf("reindex --store said %q", out)
	}
	if _, err := os.Stat(pgSearchDir(store)); err != nil {
		t.Errorf("no search index where serve looks for it: %v", err)
	}
	if _, err := os.Stat("quotedb.db"); err == nil {
		t.Errorf("reindex --store made a database file")
	}
}
