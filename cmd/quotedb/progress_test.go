package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/errs"
)

// TestImportProgressLines imports from a stream that stalls halfway: a
// stderr that is not a terminal gets plain progress lines meanwhile, and
// none with --quiet.
func TestImportProgressLines(t *testing.T) {
	lines := mustRun(t, "", "gen", "--statements", "200", "--quiet")
	half := strings.Index(lines[len(lines)/2:], "\n") + len(lines)/2 + 1
	want := strings.Count(lines[:half], "\n")
	progressRE := regexp.MustCompile(`(?m)^import: ` + strconv.Itoa(want) + ` records, \d+/s, \S+ elapsed$`)
	for _, quiet := range []bool{false, true} {
		args := []string{"import", "--db", filepath.Join(t.TempDir(), "p.db"), "--progress-every", "1ms"}
		if quiet {
			args = append(args, "--quiet")
		}
		pr, pw := io.Pipe()
		var stdout, stderr syncBuffer
		done := make(chan error, 1)
		go func() { done <- run(context.Background(), args, pr, &stdout, &stderr) }()
		if _, err := io.WriteString(pw, lines[:half]); err != nil {
			t.Fatal(err)
		}
		if quiet {
			time.Sleep(30 * time.Millisecond) // thirty intervals
		} else {
			deadline := time.Now().Add(5 * time.Second)
			for !progressRE.MatchString(stderr.String()) && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
		}
		io.WriteString(pw, lines[half:])
		pw.Close()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		switch got := stderr.String(); {
		case quiet && got != "":
			t.Errorf("--quiet: stderr %q, want nothing", got)
		case !quiet && !progressRE.MatchString(got):
			t.Errorf("stderr %q has no progress line for %d records", got, want)
		}
	}
}

// TestProgressQuiet runs every command that reports progress with --quiet
// and a tiny interval: none writes a progress line.
func TestProgressQuiet(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	jsonl := filepath.Join(dir, "q.jsonl")
	os.WriteFile(jsonl, []byte(mustRun(t, "", "gen", "--statements", "300", "--quiet")), 0o600)
	for _, args := range [][]string{
		{"gen", "--statements", "300", "--db", filepath.Join(dir, "g.db")},
		{"import", "--db", db, jsonl},
		{"export", "--db", db, "--out", filepath.Join(dir, "out.jsonl")},
		{"reindex", "--db", db},
		{"backup", "--db", db, filepath.Join(dir, "b.db")},
		{"check", "--db", db},
		{"migrate-store", "--from", db, "--to", filepath.Join(dir, "m.db")},
	} {
		var stdout, stderr syncBuffer
		err := run(context.Background(), append(args, "--quiet", "--progress-every", "1ms"), strings.NewReader(""), &stdout, &stderr)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if strings.Contains(stderr.String(), "/s, ") {
			t.Errorf("%v --quiet: stderr %q", args, stderr.String())
		}
	}
}

// TestCSVCommands exports statements and speakers as CSV and imports them
// into another database through the commands; a bad row writes nothing.
func TestCSVCommands(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	mustRun(t, "", "gen", "--statements", "100", "--db", a, "--quiet")
	speakers := filepath.Join(dir, "speakers.csv")
	mustRun(t, "", "export", "--db", a, "--format", "csv", "--records", "speakers", "--out", speakers)
	statements := mustRun(t, "", "export", "--db", a, "--format", "csv")
	mustRun(t, "", "import", "--db", b, "--format", "csv", "--records", "speakers", speakers)
	out := mustRun(t, statements, "import", "--db", b, "--format", "csv")
	if !strings.Contains(out, "statement: 100 created") {
		t.Errorf("import: %s", out)
	}
	if again := mustRun(t, "", "export", "--db", b, "--format", "csv"); again != statements {
		t.Error("statements differ after a round trip through the commands")
	}
	_, err := quotedb(t, "text,said\nA.,2024\nB.,yesterday\n", "import", "--db", filepath.Join(dir, "c.db"), "--format", "csv")
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("bad row: %v", err)
	}
	for _, args := range [][]string{{"--format", "xml"}, {"--format", "csv", "--records", "quotes"}} {
		if _, err := quotedb(t, "", append([]string{"export", "--db", a}, args...)...); !errs.Is(err, errs.Invalid) {
			t.Errorf("export %v: %v, want a usage error", args, err)
		}
	}
}

// TestQuotebankCommands generates Quotebank quotes, imports them from a
// gzip file and exports them again: as many quotes, and the occurrences of
// each.
func TestQuotebankCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	quotes := mustRun(t, "", "gen", "--format", "quotebank", "--statements", "200", "--quiet")
	if n := strings.Count(quotes, "\n"); n != 200 {
		t.Fatalf("gen wrote %d quotes, want 200", n)
	}
	file := filepath.Join(dir, "quotes.jsonl.gz")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(quotes))
	zw.Close()
	os.WriteFile(file, gz.Bytes(), 0o600)
	out := mustRun(t, "", "import", "--db", db, "--format", "quotebank", file)
	occurrences := 0
	for _, m := range regexp.MustCompile(`"numOccurrences":(\d+)`).FindAllStringSubmatch(quotes, -1) {
		n, _ := strconv.Atoi(m[1])
		occurrences += n
	}
	if !strings.Contains(out, "statement: "+strconv.Itoa(occurrences)+" created") {
		t.Errorf("import of %d occurrences: %s", occurrences, out)
	}
	exported := mustRun(t, "", "export", "--db", db, "--format", "quotebank")
	if n := strings.Count(exported, "\n"); n != 200 {
		t.Errorf("export wrote %d quotes, want 200", n)
	}
	if again := mustRun(t, "", "import", "--db", db, "--format", "quotebank", file); !strings.Contains(again, "statement: 0 created, 0 updated, "+strconv.Itoa(occurrences)+" unchanged") {
		t.Errorf("import again: %s", again)
	}
	mustRun(t, "", "check", "--db", db, "--quiet")
}

// TestClaimReviewCommands exports the demo's claim reviews as a DataFeed
// and imports it into the database again: every review matches its
// statement, and nothing changes.
func TestClaimReviewCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	_, stop := startServe(t, "--db", db, "--demo")
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "reviews.jsonld")
	mustRun(t, "", "export", "--db", db, "--format", "claimreview", "--out", file)
	out := mustRun(t, "", "import", "--db", db, "--format", "claimreview", file)
	if !regexp.MustCompile(`read (\d+) claim reviews from .*claimReview: 0 created, 0 updated, \d+ unchanged; 0 not matched`).MatchString(out) {
		t.Errorf("import of the exported feed: %s", out)
	}
}

// TestImportProgressCountsRecords: the progress of a JSON Lines import
// counts the records stored, not the lines read (here a blank line follows
// each record), and from a file it estimates the total and an ETA.
func TestImportProgressCountsRecords(t *testing.T) {
	records := strings.SplitAfter(mustRun(t, "", "gen", "--statements", "2000", "--quiet"), "\n")
	records = records[:len(records)-1]
	spaced := func(rs []string) string { return strings.Join(rs, "\n") + "\n" }
	half := len(records) / 2
	// From a stream that waits after half the records.
	stalled := regexp.MustCompile(`(?m)^import: ` + strconv.Itoa(half) + ` records, \d+/s, \S+ elapsed$`)
	pr, pw := io.Pipe()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(context.Background(), []string{"import", "--db", filepath.Join(t.TempDir(), "p.db"), "--progress-every", "1ms"}, pr, &stdout, &stderr)
	}()
	if _, err := io.WriteString(pw, spaced(records[:half])); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !stalled.MatchString(stderr.String()) && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	io.WriteString(pw, spaced(records[half:]))
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !stalled.MatchString(stderr.String()) {
		t.Errorf("no progress line of the %d records stored while the stream waited (%d lines read): %q", half, 2*half, lastLines(stderr.String(), 3))
	}
	// From a file: records of the estimated total, a rate and an ETA.
	file := filepath.Join(t.TempDir(), "spaced.jsonl")
	if err := os.WriteFile(file, []byte(spaced(records)), 0o600); err != nil {
		t.Fatal(err)
	}
	var fileErr syncBuffer
	if err := run(context.Background(), []string{"import", "--db", filepath.Join(t.TempDir(), "f.db"), "--progress-every", "1ms", file}, strings.NewReader(""), &stdout, &fileErr); err != nil {
		t.Fatal(err)
	}
	withETA := regexp.MustCompile(`(?m)^import: (\d+) records of (\d+) \(\d+%\), \d+/s, \S+ elapsed, ETA \S+$`)
	m := withETA.FindAllStringSubmatch(fileErr.String(), -1)
	if len(m) == 0 {
		t.Fatalf("no progress line with a total and an ETA: %q", lastLines(fileErr.String(), 3))
	}
	for _, l := range m {
		// The total estimates lines, two a record here; the count is of
		// records, so it never passes half the lines.
		n, _ := strconv.Atoi(l[1])
		if n > len(records) {
			t.Errorf("%q counts more than the %d records", l[0], len(records))
		}
	}
}

// lastLines returns the last n lines of s, for messages.
func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(ls[max(0, len(ls)-n):], "\n")
}

// TestMigrateStoreProgress copies a database file into another with a
// tiny interval: stderr, not a terminal, gets plain progress lines that
// count the records and changes copied.
func TestMigrateStoreProgress(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, "from.db")
	mustRun(t, "", "gen", "--statements", "2000", "--db", from, "--quiet")
	var stdout, stderr syncBuffer
	args := []string{"migrate-store", "--from", from, "--to", filepath.Join(dir, "to.db"), "--progress-every", "1ms"}
	if err := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`(?m)^migrate-store: \d+ records and changes of \d+ \(\d+%\), \d+/s, \S+ elapsed`)
	if !line.MatchString(stderr.String()) {
		t.Errorf("no progress line in %q", stderr.String())
	}
}
