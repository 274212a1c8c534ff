package bolt

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// codecRecords has one record of each type with every field set, and
// nearly empty ones.
func codecRecords() []any {
	ts := time.Date(2026, 3, 4, 5, 6, 7, 891011121, time.UTC)
	id := func(n byte) string {
		return "0190aaaa-0000-7000-8000-0000000000" + string([]byte{'0' + n/10, '0' + n%10})
	}
	return []any{
		&store.Speaker{ID: id(1), Name: "Əli Kərimli", Aliases: []string{"Ali Karimli", "A. Kərimli"}, Description: "chairman", QID: "Q123", CreatedAt: ts, UpdatedAt: ts.Add(time.Hour)},
		&store.Speaker{ID: id(2), Name: "X"},
		&store.Speaker{ID: id(13), Name: "Y", QID: "Q1", QIDCandidates: []string{"Q2", "Q30"}, CreatedAt: ts, UpdatedAt: ts},
		&store.Organisation{ID: id(3), Name: "Popular Front Party", ShortName: "APFP", Aliases: []string{"PFP"}, Kind: store.Party, QID: "Q1", CreatedAt: ts, UpdatedAt: ts},
		&store.Organisation{ID: id(4), Name: "Y", Kind: store.OrgKind("FUTURE_KIND")},
		&store.Affiliation{ID: id(5), SpeakerID: id(1), OrganisationID: id(3), Role: "chairman", Start: partialdate.Date{Year: 2000}, End: partialdate.Date{Year: 2022, Month: 3, Day: 1}, SourceID: id(7), CreatedAt: ts, UpdatedAt: ts},
		&store.Topic{ID: id(6), Name: "War in Ukraine", Slug: "war-in-ukraine", Aliases: []string{"Ukraine war"}, ParentID: id(8), CreatedAt: ts, UpdatedAt: ts},
		&store.Source{ID: id(7), Title: "T", PublisherID: id(3), URL: "https://x.example/a", ArchivedURL: "https://archive.example/a", Published: partialdate.Date{Year: 2022, Month: 3}, Language: "az", ContentHash: store.ContentHash("text “quoted”"), Text: "text “quoted”", CreatedAt: ts, UpdatedAt: ts},
		&store.Source{ID: id(9), Title: "odd hash", ContentHash: "ABC"},
		&store.Statement{ID: id(10), Text: "We will not “allow” it.\x00", Kind: store.Indirect, SpeakerID: id(1), OrganisationID: id(3), Role: "MP", Cue: "said",
			Said: partialdate.Date{Year: 2022, Month: 3, Day: 11}, Covers: []store.Coverage{{Range: partialdate.Range{From: partialdate.Date{Year: 2020}, To: partialdate.Date{Year: 2021, Month: 2}}, Label: "last year"}},
			TopicIDs: []string{id(6), id(8)}, SourceID: id(7), Span: &store.Span{Start: 0, End: 4}, Language: "en", Status: store.Disputed, Confidence: 0.875, CreatedAt: ts, UpdatedAt: ts},
		&store.Statement{ID: id(11), Text: "t", Kind: store.Direct, Span: &store.Span{}},
		&store.Statement{ID: id(12), Text: "The reporter was detained.", Kind: store.Indirect, OrganisationID: id(3), ByOrganisation: true, Heading: "Human Rights. Arrests continue."},
		&store.Statement{ID: id(14), Text: "the ferry will run", Kind: store.Direct, SourceID: id(7), Confidence: 0.5, Origin: "quotebank:D"},
	}
}

func TestCodecRoundTrip(t *testing.T) {
	for _, rec := range codecRecords() {
		b, err := encode(rec)
		if err != nil {
			t.Fatalf("%T: %v", rec, err)
		}
		got := reflect.New(reflect.TypeOf(rec).Elem()).Interface()
		if err := decode(b, got); err != nil {
			t.Fatalf("%T: %v", rec, err)
		}
		if !reflect.DeepEqual(got, rec) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, rec)
		}
		j, _ := json.Marshal(rec)
		if len(b) >= len(j) {
			t.Errorf("%T: %d bytes, JSON %d: want it smaller", rec, len(b), len(j))
		}
		// Records stored as JSON by earlier versions still read.
		legacy := reflect.New(reflect.TypeOf(rec).Elem()).Interface()
		if err := decode(j, legacy); err != nil || !reflect.DeepEqual(legacy, rec) {
			t.Errorf("JSON record: %v, %+v", err, legacy)
		}
	}
}

// TestCodecCorrupt checks that every truncation, and trailing bytes, are
// reported rather than read as a record.
func TestCodecCorrupt(t *testing.T) {
	for _, rec := range codecRecords() {
		b, _ := encode(rec)
		for n := range len(b) {
			v := reflect.New(reflect.TypeOf(rec).Elem()).Interface()
			if err := decode(b[:n], v); err == nil {
				t.Errorf("%T truncated to %d of %d bytes decoded without error", rec, n, len(b))
			}
		}
		v := reflect.New(reflect.TypeOf(rec).Elem()).Interface()
		if err := decode(append(b, 0), v); err == nil {
			t.Errorf("%T with a trailing byte decoded without error", rec)
		}
	}
}

func BenchmarkDecodeStatement(b *testing.B) {
	rec := codecRecords()[8]
	enc, _ := encode(rec)
	j, _ := json.Marshal(rec)
	b.Run("binary", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var s store.Statement
			if err := decode(enc, &s); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var s store.Statement
			if err := json.Unmarshal(j, &s); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestCodecStatementV1 checks that statements stored in the first layout,
// before they recorded an organisation as their source and their heading,
// still decode, with those fields empty.
func TestCodecStatementV1(t *testing.T) {
	rec := codecRecords()[9].(*store.Statement)
	if rec.ByOrganisation || rec.Heading != "" {
		t.Fatal("the record must have the added fields empty")
	}
	b, err := encode(rec)
	if err != nil {
		t.Fatal(err)
	}
	if b[0] != recordV2 || !bytes.HasSuffix(b, []byte{0, 0}) {
		t.Fatalf("a statement is written in the second layout with an empty tail: % x", b)
	}
	v1 := append([]byte{recordV1}, b[1:len(b)-2]...)
	var got store.Statement
	if err := decode(v1, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, rec) {
		t.Errorf("first layout:\n got %+v\nwant %+v", got, rec)
	}
	var sp store.Speaker
	if err := decode(append([]byte{recordV2}, b[1:]...), &sp); err == nil {
		t.Error("a speaker in the statements' second layout decoded without error")
	}
}

// TestCodecStatementOrigin checks that only a statement with an origin is
// written in the third layout, and that no other record reads as one.
func TestCodecStatementOrigin(t *testing.T) {
	recs := codecRecords()
	plain, withOrigin := recs[9].(*store.Statement), recs[len(recs)-1].(*store.Statement)
	if b, _ := encode(plain); b[0] != recordV2 {
		t.Errorf("a statement without origin in layout %d, want %d", b[0], recordV2)
	}
	b, err := encode(withOrigin)
	if err != nil || b[0] != recordV3 {
		t.Fatalf("a statement with an origin in layout %d (%v), want %d", b[0], err, recordV3)
	}
	sb, _ := encode(recs[2].(*store.Speaker))
	var sp store.Speaker
	if err := decode(append([]byte{recordV3}, sb[1:]...), &sp); err == nil {
		t.Error("a speaker in the third layout decoded without error")
	}
}
