package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/eval"
)

// quotedb runs the command line in-process and returns its stdout.
func quotedb(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	return stdout.String(), err
}

func mustRun(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	out, err := quotedb(t, stdin, args...)
	if err != nil {
		t.Fatalf("quotedb %s: %v", strings.Join(args, " "), err)
	}
	return out
}

func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	base, stop := startServe(t, "--db", a, "--demo")
	_ = base
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	dumpA := filepath.Join(dir, "a.jsonl")
	mustRun(t, "", "export", "--db", a, "--out", dumpA)
	out := mustRun(t, "", "import", "--db", b, dumpA)
	if !strings.Contains(out, "0 updated, 0 unchanged") || strings.Contains(out, "read 0 records") {
		t.Errorf("first import: %s", out)
	}
	out = mustRun(t, "", "import", "--db", b, dumpA)
	if !strings.Contains(out, " 0 created, 0 updated") {
		t.Errorf("re-import changed something: %s", out)
	}
	exportB := mustRun(t, "", "export", "--db", b)
	exportA, _ := os.ReadFile(dumpA)
	if exportB != string(exportA) {
		t.Error("export of the imported database differs from the original export")
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, append(exportA, []byte("{not json\n")...), 0o600)
	if _, err := quotedb(t, "", "import", "--db", filepath.Join(dir, "c.db"), bad); !errs.Is(err, errs.Invalid) {
		t.Errorf("bad line: %v", err)
	}
	// Into a new file, a failed import creates none; into an existing
	// one, it writes nothing.
	if _, err := os.Stat(filepath.Join(dir, "c.db")); !os.IsNotExist(err) {
		t.Errorf("a failed import into a new file created it: %v", err)
	}
	before := mustRun(t, "", "export", "--db", b)
	if _, err := quotedb(t, "", "import", "--db", b, bad); !errs.Is(err, errs.Invalid) {
		t.Errorf("bad line into an existing database: %v", err)
	}
	if got := mustRun(t, "", "export", "--db", b); got != before {
		t.Errorf("a failed import changed the database")
	}
}

const article = `Politics

Member of the Example Party Jane Doe argued that the budget would not improve schools. "We will vote against it," Doe said.

March 9, 2022
`

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	file := filepath.Join(dir, "article.txt")
	os.WriteFile(file, []byte(article), 0o600)

	preview := mustRun(t, "", "ingest", "--db", db, "--dry-run", "--json", file)
	var plan struct {
		Title      string
		Published  string
		Statements []struct{ Text, Speaker, Organisation, Role, Topic, Said string }
		Speakers   []struct{ Name, Status string }
	}
	if err := json.Unmarshal([]byte(preview), &plan); err != nil {
		t.Fatalf("dry run output: %v\n%s", err, preview)
	}
	if len(plan.Statements) != 2 || plan.Title != "Politics" || plan.Published != "2022-03-09" {
		t.Fatalf("dry run: %+v", plan)
	}
	for _, st := range plan.Statements {
		if st.Speaker != "Jane Doe" || st.Role != "member" || st.Topic != "Politics" || st.Said != "2022-03-09" {
			t.Errorf("dry run statement: %+v", st)
		}
	}
	if len(plan.Speakers) != 1 || plan.Speakers[0] != (struct{ Name, Status string }{"Jane Doe", "new"}) {
		t.Errorf("dry run speakers: %+v", plan.Speakers)
	}
	readable := mustRun(t, "", "ingest", "--db", db, "--dry-run", file)
	golden(t, "testdata/dry-run.golden", strings.ReplaceAll(readable, file, "article.txt"))
	if _, err := quotedb(t, "", "ingest", "--db", db, "--json", file); err == nil {
		t.Error("--json without --dry-run was accepted")
	}
	missing := filepath.Join(dir, "missing.db")
	if _, err := quotedb(t, "", "ingest", "--db", missing, filepath.Join(dir, "no-such-file.txt")); err == nil {
		t.Error("a missing file was accepted")
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("ingest of a missing file left a database file: %v", err)
	}
	if got := mustRun(t, "", "export", "--db", db); got != "" {
		t.Fatalf("dry run stored records: %s", got)
	}

	out := mustRun(t, "", "ingest", "--db", db, file)
	if !strings.Contains(out, "with 2 statements") {
		t.Errorf("ingest: %s", out)
	}
	out = mustRun(t, "", "ingest", "--db", db, file)
	if !strings.Contains(out, "already stored") {
		t.Errorf("re-ingest: %s", out)
	}
	export := mustRun(t, "", "export", "--db", db)
	for _, want := range []string{`"name":"Jane Doe"`, `"role":"member"`, `"text":"the budget would not improve schools"`, `"said":"2022-03-09"`} {
		if !strings.Contains(export, want) {
			t.Errorf("stored records lack %s:\n%s", want, export)
		}
	}

	long := filepath.Join(dir, "long.txt")
	os.WriteFile(long, []byte(article+"\nMore words.\n"), 0o600)
	if _, err := quotedb(t, "", "ingest", "--db", db, "--max-document-bytes", "100", long); !errs.Is(err, errs.TooLarge) || !strings.Contains(errorText(err), "exceeds the limit of 100 bytes") {
		t.Errorf("document past --max-document-bytes: %v", err)
	}
	if got := mustRun(t, "", "export", "--db", db); got != export {
		t.Errorf("a refused document changed the records")
	}

	os.WriteFile(file, []byte("bad \xff byte"), 0o600)
	if _, err := quotedb(t, "", "ingest", "--db", db, file); !errs.Is(err, errs.Invalid) || !strings.Contains(errorText(err), "UTF-8") {
		t.Errorf("invalid UTF-8: %v", err)
	}
}

func TestExtractCommands(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.html")
	os.WriteFile(file, []byte("<p>Jane Doe said that <b>taxes</b> will rise.</p>"), 0o600)
	var one extractedDoc
	if err := json.Unmarshal([]byte(mustRun(t, "", "extract", file)), &one); err != nil {
		t.Fatal(err)
	}
	if len(one.Quotes) != 1 || one.Quotes[0].Text != "taxes will rise" || *one.Quotes[0].Speaker != "Jane Doe" {
		t.Errorf("extract FILE: %+v", one)
	}

	lines := mustRun(t, `{"id": "d1", "text": "Jane Doe said that taxes will rise.", "date": "2022-03-11"}`+"\n", "extract", "--jsonl")
	var d extractedDoc
	if err := json.Unmarshal([]byte(lines), &d); err != nil || d.ID != "d1" || len(d.Quotes) != 1 {
		t.Errorf("extract --jsonl: %v %s", err, lines)
	}
	if _, err := quotedb(t, "{oops\n", "extract", "--jsonl"); !errs.Is(err, errs.Invalid) {
		t.Errorf("malformed line: %v", err)
	}
}

// TestEvalMatchesReferenceScorer checks that `quotedb eval` prints the
// numbers the corpus's reference scorer computes from `quotedb extract
// --jsonl`'s output.
func TestEvalMatchesReferenceScorer(t *testing.T) {
	dir := eval.CorpusDir()
	if dir == "" {
		t.Skip("shared/corpus not found beside the repository (set QUOTEDB_CORPUS): skipping the scorer comparison")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed: skipping the comparison with score.py")
	}
	for _, name := range []string{"seed-gold.jsonl", "cnis-dev.jsonl", "news-dev.jsonl"} {
		gold := filepath.Join(dir, name)
		docs, _ := os.ReadFile(gold)
		pred := filepath.Join(t.TempDir(), "pred.jsonl")
		os.WriteFile(pred, []byte(mustRun(t, string(docs), "extract", "--jsonl")), 0o600)
		ours := strings.Split(strings.TrimSpace(mustRun(t, "", "eval", "--json", gold)), "\n")
		for i, threshold := range []string{"0.3", "0.8"} {
			ref, err := exec.Command(python, filepath.Join(dir, "score.py"), gold, pred, "--threshold", threshold, "--json").Output()
			if err != nil {
				t.Fatalf("score.py: %v", err)
			}
			var want, got map[string]float64
			json.Unmarshal(ref, &want)
			json.Unmarshal([]byte(ours[i]), &got)
			for _, k := range []string{"gold", "predicted", "matched", "precision", "recall", "f1", "speaker_accuracy"} {
				if got[k] != want[k] {
					t.Errorf("%s @%s: %s = %v, score.py says %v", name, threshold, k, got[k], want[k])
				}
			}
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with the golden file at path, or rewrites the file
// with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept):\n%s", path, got)
	}
}

// TestExportWhileServing: export reaches the running server that holds the
// database file, as backup does, and says how when no token is given.
func TestExportWhileServing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	admin := strings.TrimSpace(mustRun(t, "", "token", "create", "--db", db, "--role", "admin", "--name", "ops"))
	base, stop := startServe(t, "--db", db, "--demo")
	t.Setenv("QUOTEDB_ADDR", strings.TrimPrefix(base, "http://"))
	out := filepath.Join(dir, "out.jsonl")
	if _, err := quotedb(t, "", "export", "--db", db, "--out", out); !errs.Is(err, errs.Invalid) || !strings.Contains(errs.Message(err), "--token") {
		t.Errorf("export of a database in use, without a token: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused export left %s: %v", out, err)
	}
	editor := strings.TrimSpace(mustRun(t, "", "token", "create", "--db", db, "--token", admin, "--role", "editor", "--name", "desk"))
	if _, err := quotedb(t, "", "export", "--db", db, "--token", editor, "--out", out); !errs.Is(err, errs.Forbidden) {
		t.Errorf("export through the server with an editor token: %v", err)
	}
	mustRun(t, "", "export", "--db", db, "--token", admin, "--out", out)
	viaServer := mustRun(t, "", "export", "--server", base, "--token", admin)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	direct := mustRun(t, "", "export", "--db", db)
	written, err := os.ReadFile(out)
	if err != nil || string(written) != direct || viaServer != direct || !strings.Contains(direct, `"claimReview"`) {
		t.Errorf("export through the server differs from the file's (%v):\n%s\nwant\n%s", err, written, direct)
	}

	missing := filepath.Join(dir, "missing.db")
	if _, err := quotedb(t, "", "export", "--db", missing, "--out", out+"2"); !errs.Is(err, errs.Invalid) {
		t.Errorf("export of a missing database: %v", err)
	}
	for _, path := range []string{missing, out + "2"} {
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("export of a missing database created %s: %v", path, err)
		}
	}
}

// TestIngestRefusedCreatesNothing: an ingest refused before anything is
// stored leaves no database file behind.
func TestIngestRefusedCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.txt")
	if err := os.WriteFile(doc, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		kind errs.Kind
	}{
		{"missing file", []string{filepath.Join(dir, "no-such-file.txt")}, errs.Internal},
		{"missing file, dry run", []string{"--dry-run", filepath.Join(dir, "no-such-file.txt")}, errs.Internal},
		{"second file missing", []string{doc, filepath.Join(dir, "no-such-file.txt")}, errs.Internal},
		{"too large", []string{"--max-document-bytes", "10", doc}, errs.TooLarge},
		{"bad date", []string{"--date", "soon", doc}, errs.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(dir, "q.db")
			if _, err := quotedb(t, "", append([]string{"ingest", "--db", db}, tt.args...)...); !errs.Is(err, tt.kind) {
				t.Errorf("got %v, want %v", err, tt.kind)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("the refused ingest left a database file: %v", err)
			}
		})
	}
}
