package dump_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store/bolt"
)

// validDump is a small dump that imports cleanly into an empty database.
const validDump = `{"type":"organisation","organisation":{"id":"01930000-0000-7000-8000-000000000001","name":"Example Party","shortName":"EP","kind":"PARTY","createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z"}}
{"type":"speaker","speaker":{"id":"01930000-0000-7000-8000-000000000002","name":"Ada Example","aliases":["Ada Ekzampl"],"createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z"}}
{"type":"topic","topic":{"id":"01930000-0000-7000-8000-000000000003","name":"Bridges","slug":"bridges","createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z"}}
{"type":"statement","statement":{"id":"01930000-0000-7000-8000-000000000004","text":"We will rebuild the bridge.","kind":"DIRECT","speakerId":"01930000-0000-7000-8000-000000000002","said":"2024-05","topicIds":["01930000-0000-7000-8000-000000000003"],"status":"UNVERIFIED","createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:00Z"}}
`

// FuzzImport imports any input into one database: an import either
// succeeds, leaving the database consistent, or fails with a classified
// error having written nothing (the change log does not move). Seeds are in
// testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	s, err := bolt.Open(filepath.Join(f.TempDir(), "fuzz.db"), &bolt.Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Add([]byte(validDump))
	f.Add([]byte(validDump + `{"type":"speaker","speaker":{"id":"not-a-uuid","name":"X"}}`))
	f.Add([]byte(`{"type":"statement","statement":{"id":"01930000-0000-7000-8000-000000000009","text":"x","kind":"DIRECT","speakerId":"01930000-0000-7000-8000-0000000000ff"}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		before, err := s.Stats()
		if err != nil {
			t.Fatal(err)
		}
		st, err := dump.Import(context.Background(), s, bytes.NewReader(in))
		after, statsErr := s.Stats()
		if statsErr != nil {
			t.Fatal(statsErr)
		}
		if err != nil {
			if k := errs.KindOf(err); k == errs.Internal {
				t.Fatalf("import error is not classified: %v", err)
			}
			if after.LastSeq != before.LastSeq || st.Read() != 0 {
				t.Fatalf("failed import wrote %d changes (stats %+v): %v", after.LastSeq-before.LastSeq, st, err)
			}
			return
		}
		if after.LastSeq-before.LastSeq < uint64(st.Changed()) {
			t.Fatalf("import reports %d changes, the log has %d", st.Changed(), after.LastSeq-before.LastSeq)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("database inconsistent after import: %v", err)
		}
	})
}
