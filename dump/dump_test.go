package dump_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// demoRecords is the number of records of the demo dataset.
const demoRecords = 6 + 7 + 6 + 4 + 8 + 15 + 2

func demoStore(t testing.TB) *bolt.Store {
	t.Helper()
	s := bolttest.Open(t)
	if _, err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

func export(t testing.TB, s store.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := dump.Export(context.Background(), s, &b)
	if err != nil {
		t.Fatal(err)
	}
	if lines := bytes.Count(b.Bytes(), []byte("\n")); lines != n {
		t.Fatalf("Export reported %d records, wrote %d lines", n, lines)
	}
	return b.Bytes()
}

// changeCount returns the number of change-log entries of s.
func changeCount(t testing.TB, s store.Store) int {
	t.Helper()
	n := 0
	for after := uint64(0); ; {
		cs, err := s.Changes(context.Background(), after, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) == 0 {
			return n
		}
		n += len(cs)
		after = cs[len(cs)-1].Seq
	}
}

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	first := export(t, demoStore(t))
	if n := bytes.Count(first, []byte("\n")); n != demoRecords {
		t.Fatalf("export of the demo has %d lines, want %d", n, demoRecords)
	}
	checkOrder(t, first)

	s := bolttest.Open(t)
	st, err := dump.Import(ctx, s, bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if st.Read() != demoRecords || st.Created != demoRecords || st.ByType[store.StatementType].Created != 15 || st.ByType[store.TopicType].Read() != 6 {
		t.Errorf("Import stats = %+v, want %d created", st, demoRecords)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check after Import: %v", err)
	}
	if second := export(t, s); !bytes.Equal(first, second) {
		t.Fatalf("export after import differs:\n%s\nvs\n%s", first, second)
	}

	before := changeCount(t, s)
	st, err = dump.Import(ctx, s, bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if st.Changed() != 0 || st.Unchanged != demoRecords || st.ByType[store.SpeakerType].Unchanged != 7 {
		t.Errorf("re-import stats = %+v, want all %d unchanged", st, demoRecords)
	}
	if after := changeCount(t, s); after != before {
		t.Errorf("re-import logged %d changes", after-before)
	}
}

// checkOrder checks that every id a record refers to is on an earlier line.
func checkOrder(t *testing.T, dumped []byte) {
	t.Helper()
	seen := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSuffix(string(dumped), "\n"), "\n") {
		var rec store.Record
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		var id string
		var refs []string
		switch rec.Type {
		case store.OrganisationType:
			id = rec.Organisation.ID
		case store.SpeakerType:
			id = rec.Speaker.ID
		case store.TopicType:
			id, refs = rec.Topic.ID, []string{rec.Topic.ParentID}
		case store.SourceType:
			id, refs = rec.Source.ID, []string{rec.Source.PublisherID}
		case store.AffiliationType:
			id, refs = rec.Affiliation.ID, []string{rec.Affiliation.SpeakerID, rec.Affiliation.OrganisationID, rec.Affiliation.SourceID}
		case store.StatementType:
			st := rec.Statement
			id, refs = st.ID, append([]string{st.SpeakerID, st.OrganisationID, st.SourceID}, st.TopicIDs...)
		case store.ClaimReviewType:
			id, refs = rec.ClaimReview.ID, []string{rec.ClaimReview.StatementID, rec.ClaimReview.ReviewerID}
		default:
			t.Fatalf("line %d: record type %q not checked", i+1, rec.Type)
		}
		for _, r := range refs {
			if r != "" && !seen[r] {
				t.Errorf("line %d: %s %s refers to %s before it is dumped", i+1, rec.Type, id, r)
			}
		}
		seen[id] = true
	}
}

// TestExportTopicsParentsFirst moves an old topic under a newer one, which
// puts it after its parent in id order no longer.
func TestExportTopicsParentsFirst(t *testing.T) {
	ctx := context.Background()
	s := bolttest.Open(t)
	err := s.Update(ctx, func(tx store.Tx) error {
		child := &store.Topic{Name: "Elections"}
		if err := tx.CreateTopic(child); err != nil {
			return err
		}
		parent := &store.Topic{Name: "Domestic politics"}
		if err := tx.CreateTopic(parent); err != nil {
			return err
		}
		child.ParentID = parent.ID
		return tx.UpdateTopic(child)
	})
	if err != nil {
		t.Fatal(err)
	}
	dumped := export(t, s)
	checkOrder(t, dumped)
	if _, err := dump.Import(ctx, bolttest.Open(t), bytes.NewReader(dumped)); err != nil {
		t.Errorf("import of moved topics: %v", err)
	}
}

func TestImportEdits(t *testing.T) {
	ctx := context.Background()
	src := demoStore(t)
	dumped := string(export(t, src))
	// An edited name, blank lines and CRLF line ends.
	edited := strings.Replace(dumped, `"name":"`+demo.NCDF+`"`, `"name":"National Council"`, 1)
	edited = "\n" + strings.ReplaceAll(edited, "\n", "\r\n") + "\n \n"
	st, err := dump.Import(ctx, src, strings.NewReader(edited))
	if err != nil {
		t.Fatal(err)
	}
	if st.Updated != 1 || st.Unchanged != demoRecords-1 || st.ByType[store.OrganisationType].Updated != 1 {
		t.Errorf("stats = %+v, want one organisation updated", st)
	}
}

func TestImportErrors(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	dumped := export(t, s)
	lines := strings.SplitAfter(string(dumped), "\n")
	// Lines 1 and 2 are organisations; the dumps below change them, so that
	// a partial import would show.
	rename := func(l string) string { return strings.Replace(l, `"name":"`, `"name":"Renamed `, 1) }
	speaker := strings.TrimSpace(lines[6])              // a speaker (after six organisations)
	statement := strings.TrimSpace(lines[len(lines)-4]) // the last statement, before two claim reviews
	if !strings.Contains(speaker, `"type":"speaker"`) || !strings.Contains(statement, `"type":"statement"`) {
		t.Fatalf("unexpected dump order:\n%s", dumped)
	}
	var missing store.Record
	if err := json.Unmarshal([]byte(statement), &missing); err != nil {
		t.Fatal(err)
	}
	missing.Statement.SpeakerID = "0190aaaa-0000-7000-8000-000000000000"
	missingRef, err := json.Marshal(missing)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		line3 string
		kind  errs.Kind
	}{
		{"malformed JSON", `{"type":"speaker",`, errs.Invalid},
		{"not an object", `[1,2]`, errs.Invalid},
		{"two values", speaker + " {}", errs.Invalid},
		{"unknown type", `{"type":"quote","speaker":{}}`, errs.Invalid},
		{"no type", strings.Replace(speaker, `"type":"speaker",`, "", 1), errs.Invalid},
		{"type mismatch", strings.Replace(speaker, `"type":"speaker"`, `"type":"organisation"`, 1), errs.Invalid},
		{"two payloads", strings.Replace(speaker, `"speaker":`, `"organisation":{"name":"X"},"speaker":`, 1), errs.Invalid},
		{"unknown field", strings.Replace(speaker, `"name":`, `"nickname":"Ali","name":`, 1), errs.Invalid},
		{"invalid UTF-8", strings.Replace(speaker, `"name":"`, "\"name\":\"\xff", 1), errs.Invalid},
		{"id not a UUID", strings.Replace(speaker, `"id":"`, `"id":"x`, 1), errs.Invalid},
		{"missing reference", string(missingRef), errs.NotFound},
		{"too long", `{"type":"speaker","speaker":{"name":"` + strings.Repeat("a", dump.MaxLineBytes) + `"}}`, errs.TooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := rename(lines[0]) + rename(lines[1]) + tt.line3 + "\n" + strings.Join(lines[3:], "")
			before := changeCount(t, s)
			st, err := dump.Import(ctx, s, strings.NewReader(in))
			if got := errs.KindOf(err); err == nil || got != tt.kind {
				t.Fatalf("Import = %v (kind %v), want kind %v", err, got, tt.kind)
			}
			msg := errs.Message(err)
			t.Log(msg)
			if !strings.HasPrefix(msg, "line 3") {
				t.Errorf("message %q does not start with the line number", msg)
			}
			if st.Read() != 0 {
				t.Errorf("stats after a failed import: %+v", st)
			}
			if after := changeCount(t, s); after != before {
				t.Errorf("failed import logged %d changes", after-before)
			}
			if now := export(t, s); !bytes.Equal(now, dumped) {
				t.Errorf("failed import changed the database")
			}
		})
	}
}

func ExampleImport() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "quotedb-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	// A database with the demo dataset, dumped.
	from, err := bolt.Open(filepath.Join(dir, "from.db"), nil)
	if err != nil {
		panic(err)
	}
	defer from.Close()
	if _, err := demo.Load(ctx, from); err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	n, err := dump.Export(ctx, from, &buf)
	if err != nil {
		panic(err)
	}
	fmt.Println("exported", n)

	// Imported into a new database, twice.
	to, err := bolt.Open(filepath.Join(dir, "to.db"), nil)
	if err != nil {
		panic(err)
	}
	defer to.Close()
	for range 2 {
		st, err := dump.Import(ctx, to, bytes.NewReader(buf.Bytes()))
		if err != nil {
			panic(err)
		}
		fmt.Printf("read %d: %d created, %d updated, %d unchanged; %d statements\n",
			st.Read(), st.Created, st.Updated, st.Unchanged, st.ByType[store.StatementType].Read())
	}
	// Output:
	// exported 48
	// read 48: 48 created, 0 updated, 0 unchanged; 15 statements
	// read 48: 0 created, 0 updated, 48 unchanged; 15 statements
}

// TestCountAgreesWithExport: Count gives, type by type, the number of
// lines Export writes.
func TestCountAgreesWithExport(t *testing.T) {
	s := demoStore(t)
	want := map[store.RecordType]int{}
	for line := range bytes.Lines(export(t, s)) {
		var rec struct{ Type store.RecordType }
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatal(err)
		}
		want[rec.Type]++
	}
	var got map[store.RecordType]int
	err := s.View(context.Background(), func(tx store.Tx) (err error) {
		got, err = dump.Count(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(store.RecordTypes) || want[store.ClaimReviewType] == 0 {
		t.Errorf("Count = %v; export has %v", got, want)
	}
	for _, typ := range store.RecordTypes {
		if got[typ] != want[typ] {
			t.Errorf("%s: Count %d, export %d", typ, got[typ], want[typ])
		}
	}
}

// TestImportProgressCountsRecords imports a dump with a blank line after
// every record from a stream that pauses halfway: done is called once per
// record stored (not per line read), and the records before the pause are
// stored while the stream waits, not when more lines come.
func TestImportProgressCountsRecords(t *testing.T) {
	lines := strings.SplitAfter(string(export(t, demoStore(t))), "\n")
	lines = lines[:len(lines)-1] // after the last newline
	half := len(lines) / 2
	spaced := func(ls []string) string { return strings.Join(ls, "\n") + "\n" }
	pr, pw := io.Pipe()
	var done atomic.Int64
	result := make(chan error, 1)
	go func() {
		_, err := dump.ImportProgress(t.Context(), bolttest.Open(t), pr, func() { done.Add(1) })
		result <- err
	}()
	if _, err := io.WriteString(pw, spaced(lines[:half])); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for done.Load() < int64(half) && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := done.Load(); n != int64(half) {
		t.Errorf("while the stream waits after %d records (%d lines): %d done", half, 2*half, n)
	}
	io.WriteString(pw, spaced(lines[half:]))
	pw.Close()
	if err := <-result; err != nil {
		t.Fatal(err)
	}
	if n := done.Load(); n != demoRecords {
		t.Errorf("%d records done, want %d", n, demoRecords)
	}
}
