package pg

import (
	"bytes"
	"slices"
	"testing"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
)

// tupleRows are a record's rows as appendTuple encodes them value by
// value, the form encodeRecord must give.
func tupleRows(t *testing.T, id string, doc []byte, r row) (rec, names, topics, bands []byte) {
	t.Helper()
	key, err := uuidValue("id", id)
	if err != nil {
		t.Fatal(err)
	}
	add := func(buf []byte, names []string, vals ...any) []byte {
		buf, err := appendTuple(buf, names, vals)
		if err != nil {
			t.Fatal(err)
		}
		return buf
	}
	rec = add(nil, append([]string{"id", "doc"}, r.cols...), append([]any{key, doc}, r.vals...)...)
	for _, k := range r.names {
		names = add(names, namesCols, k, key)
	}
	for _, tp := range r.topics {
		topics = add(topics, topicsCols, key, tp)
	}
	for i, b := range r.bands {
		if !slices.Contains(r.bands[:i], b) {
			bands = add(bands, bandsCols, b, key)
		}
	}
	return rec, names, topics, bands
}

// encodeRecord writes a record's rows as appendTuple would, with its
// stored form encode's, whether it is given the doc or writes it in
// place: for every record of gen's data (every type, names, topics,
// near-duplicate bands, covers).
func TestEncodeRecordMatchesTuple(t *testing.T) {
	n := 0
	err := gen.Generate(t.Context(), gen.Config{Statements: 500, Seed: 2}, func(rec store.Record) error {
		v, ready, err := store.NormalizeRecord(rec)
		if !ready || err != nil {
			t.Fatalf("%s not normalized: %v", rec.Type, err)
		}
		id, r := *store.MetaOf(v).ID, rowOf(v)
		doc, err := encode(v)
		if err != nil {
			t.Fatal(err)
		}
		rec0, names, topics, bands := tupleRows(t, id, doc, r)
		for _, given := range [][]byte{nil, doc} {
			e, gotDoc, err := encodeRecord(id, given, v, r)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gotDoc, doc) || !bytes.Equal(e.rec, rec0) || !bytes.Equal(e.names, names) ||
				!bytes.Equal(e.topics, topics) || !bytes.Equal(e.bands, bands) {
				t.Fatalf("%s %s: rows differ from appendTuple's", rec.Type, id)
			}
			if e.nNames != len(r.names) || e.nTopics != len(r.topics) || e.nBands != bytes.Count(bands, key2(id)) {
				t.Fatalf("%s %s: counts %d %d %d", rec.Type, id, e.nNames, e.nTopics, e.nBands)
			}
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 500 {
		t.Fatalf("only %d records", n)
	}
}

// key2 is a side row's record key as encoded: its length and 16 bytes.
func key2(id string) []byte { return appendField(nil, idBytes(id)) }

// A bad uuid in a row's values or topics is refused, naming the column.
func TestEncodeRecordRefuses(t *testing.T) {
	s := &store.Statement{ID: "019b76dd-b826-710b-b5cc-90274ef25cf2", Text: "a b c d e", Kind: store.Direct, Status: store.Unverified}
	for _, tc := range []struct {
		change func(*store.Statement)
		want   string
	}{
		{func(s *store.Statement) { s.SpeakerID = "nope" }, `speaker_id "nope" is not a UUID`},
		{func(s *store.Statement) { s.TopicIDs = []string{"019b76dd-b826-710b-b5cc-90274ef25cf2", "x"} }, `topic_id "x" is not a UUID`},
	} {
		c := *s
		tc.change(&c)
		if _, _, err := encodeRecord(c.ID, nil, &c, rowOf(&c)); err == nil || err.Error() != tc.want {
			t.Errorf("got %v, want %s", err, tc.want)
		}
	}
}
