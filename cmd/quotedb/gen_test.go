package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store/bolt"
)

// TestGen generates the same dataset to stdout and into a database and
// checks that the database exports to the same lines as the import of
// stdout would read.
func TestGen(t *testing.T) {
	dir := t.TempDir()
	lines := mustRun(t, "", "gen", "--statements", "300", "--seed", "5")
	if again := mustRun(t, "", "gen", "--statements", "300", "--seed", "5"); again != lines {
		t.Fatal("gen is not deterministic")
	}
	if n := strings.Count(lines, `"type":"statement"`); n != 300 {
		t.Errorf("%d statements, want 300", n)
	}
	db := filepath.Join(dir, "gen.db")
	mustRun(t, "", "gen", "--statements", "300", "--seed", "5", "--db", db)
	exported := mustRun(t, "", "export", "--db", db)
	if len(exported) != len(lines) {
		t.Errorf("the generated database exports %d bytes, the JSON Lines are %d", len(exported), len(lines))
	}
	s, err := bolt.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	file := filepath.Join(dir, "gen.jsonl")
	os.WriteFile(file, []byte(lines), 0o600)
	out := mustRun(t, "", "import", "--db", filepath.Join(dir, "imported.db"), file)
	if !strings.Contains(out, "300 created") {
		t.Errorf("import of gen output: %s", out)
	}
}

func TestGenBadFlags(t *testing.T) {
	for _, args := range [][]string{{"gen", "--statements", "-3"}, {"gen", "extra"}} {
		if _, err := quotedb(t, "", args...); !errs.Is(err, errs.Invalid) {
			t.Errorf("%v: %v, want an invalid-input error", args, err)
		}
	}
}
