package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
)

// TestMaxStatementBytes: a document with one statement past
// --max-statement-bytes (or QUOTEDB_MAX_STATEMENT_BYTES) is refused whole
// by ingest, as is an import with one such statement; with a higher bound
// both are stored.
func TestMaxStatementBytes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	file := filepath.Join(dir, "article.txt")
	// The article's longest statement, "the budget would not improve
	// schools", is 36 bytes; the other, the quotation, is shorter than 30.
	os.WriteFile(file, []byte(article), 0o600)
	tests := []struct {
		name string
		env  string
		args []string
	}{
		{"flag", "", []string{"--max-statement-bytes", "30"}},
		{"environment", "30", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("QUOTEDB_MAX_STATEMENT_BYTES", tt.env)
			}
			args := append([]string{"ingest", "--db", db}, tt.args...)
			_, err := quotedb(t, "", append(args, file)...)
			if !errs.Is(err, errs.TooLarge) || !strings.Contains(errorText(err), "statement text of 36 bytes exceeds the limit of 30 bytes") {
				t.Fatalf("ingest past the bound: %v", err)
			}
			if got := mustRun(t, "", "export", "--db", db); got != "" {
				t.Fatalf("a refused document left records:\n%s", got)
			}
		})
	}
	mustRun(t, "", "ingest", "--db", db, "--max-statement-bytes", "36", file)
	export := mustRun(t, "", "export", "--db", db)
	other := filepath.Join(dir, "other.db")
	if _, err := quotedb(t, export, "import", "--db", other, "--max-statement-bytes", "30"); !errs.Is(err, errs.TooLarge) {
		t.Errorf("import past the bound: %v", err)
	}
	// Into a new file, a refused import creates none.
	if _, err := os.Stat(other); !os.IsNotExist(err) {
		t.Errorf("a refused import created the database: %v", err)
	}
	mustRun(t, export, "import", "--db", other)
	// Into an existing file, it writes nothing.
	before := mustRun(t, "", "export", "--db", other)
	if _, err := quotedb(t, export, "import", "--db", other, "--max-statement-bytes", "30"); !errs.Is(err, errs.TooLarge) {
		t.Errorf("import past the bound into an existing database: %v", err)
	}
	if got := mustRun(t, "", "export", "--db", other); got != before {
		t.Errorf("a refused import changed the database:\n%s", got)
	}
	if _, err := quotedb(t, "", "ingest", "--db", db, "--max-statement-bytes", "0", file); !errs.Is(err, errs.Invalid) {
		t.Errorf("--max-statement-bytes 0: %v", err)
	}
}
