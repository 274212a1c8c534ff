package pg

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// sameAsMarshal fails t unless encode gives what json.Marshal gives for
// s: the same bytes, or an error both.
func sameAsMarshal(t testing.TB, s *store.Statement) {
	t.Helper()
	want, wantErr := json.Marshal(s)
	got, err := encode(s)
	if (err != nil) != (wantErr != nil) || !bytes.Equal(got, want) {
		t.Fatalf("encode:\n%s (%v)\njson.Marshal:\n%s (%v)", got, err, want, wantErr)
	}
}

// odd are strings that need escaping or are not UTF-8.
var odd = []string{"", "plain", `quote " and \ back`, "<b>&amp;</b>", "tab\tnl\nret\rbs\bff\f", "\x00\x01\x1f\x7f",
	"Bakı ölkə “düz” — ok", "line\u2028para\u2029end", "bad \xff\xfe utf8 \xe2\x82", "\xed\xa0\x80 surrogate",
	"emoji 🙂 end", "\u00a0nbsp\ufeff", "\xf4\x90\x80\x80 beyond", "ends with \xe2"}

// full is a statement with every field set, each to a value from
// reflection, so that a field added to Statement and not to
// statementJSON fails the test.
func full() *store.Statement {
	s := &store.Statement{}
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("v" + v.Type().Field(i).Name + " <&>")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Float64:
			f.SetFloat(0.25)
		}
	}
	s.Said = partialdate.Date{Year: 2024, Month: 2, Day: 29}
	s.Covers = []store.Coverage{{Range: partialdate.Range{From: partialdate.Date{Year: 2023}}, Label: "last <year>"}}
	s.TopicIDs = []string{"a", "b\"c"}
	s.Span = &store.Span{Start: 3, End: -7}
	s.CreatedAt = time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)
	s.UpdatedAt = time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			panic("full leaves " + v.Type().Field(i).Name + " unset")
		}
	}
	return s
}

// The stored form of a statement is json.Marshal's, byte for byte: for
// every field alone and all together, odd strings in every string field,
// numbers and times on both sides of what statementJSON writes itself,
// and gen's statements.
func TestStatementJSONMatchesMarshal(t *testing.T) {
	sameAsMarshal(t, full())
	sameAsMarshal(t, &store.Statement{})
	v := reflect.ValueOf(full()).Elem()
	for i := range v.NumField() {
		one := &store.Statement{}
		reflect.ValueOf(one).Elem().Field(i).Set(v.Field(i))
		sameAsMarshal(t, one)
		if v.Field(i).Kind() == reflect.String {
			for _, s := range odd {
				one := full()
				reflect.ValueOf(one).Elem().Field(i).SetString(s)
				sameAsMarshal(t, one)
			}
		}
	}
	for _, c := range []float64{0.94, 1, 0.1, 1e-6, 9.99e-7, 1e-7, 5e-324, 1e20, 1e21, 123456789.125, -0.5,
		math.Copysign(0, -1), math.NaN(), math.Inf(1)} {
		s := full()
		s.Confidence = c
		sameAsMarshal(t, s)
	}
	for _, tm := range []time.Time{{}, time.Date(2026, 1, 1, 0, 0, 0, 1, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("x", 5*3600+30*60)), time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local)} {
		s := full()
		s.CreatedAt = tm
		sameAsMarshal(t, s)
	}
	for _, d := range []partialdate.Date{{Year: 2025}, {Year: 2025, Month: 3}, {Year: 7, Month: 1, Day: 2}, {Year: 9999, Month: 12, Day: 31},
		{Month: 3}, {Year: 10000, Month: 1}, {Year: -5}, {Year: 2025, Month: 100, Day: 1}} {
		s := full()
		s.Said = d
		sameAsMarshal(t, s)
	}
	for _, seed := range []uint64{1, 2, 3} {
		err := gen.Generate(t.Context(), gen.Config{Statements: 300, Seed: seed}, func(rec store.Record) error {
			if rec.Statement != nil {
				sameAsMarshal(t, rec.Statement)
				if err := store.NormalizeStatement(rec.Statement); err != nil {
					t.Fatal(err)
				}
				sameAsMarshal(t, rec.Statement)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func FuzzStatementJSON(f *testing.F) {
	for _, s := range odd {
		f.Add(s, "cue", 0.5, int64(1767225600123456789), 2025, 1, 31)
	}
	f.Fuzz(func(t *testing.T, text, cue string, confidence float64, nanos int64, y, m, d int) {
		s := full()
		s.Text, s.Cue, s.Confidence = text, cue, confidence
		s.CreatedAt = time.Unix(0, nanos).UTC()
		s.Said = partialdate.Date{Year: y, Month: m, Day: d}
		sameAsMarshal(t, s)
	})
}

// BenchmarkStatementJSON encodes gen's statements, normalized, as the
// stored form: by json.Marshal, and by encode.
func BenchmarkStatementJSON(b *testing.B) {
	var stmts []*store.Statement
	err := gen.Generate(b.Context(), gen.Config{Statements: 1000, Seed: 1}, func(rec store.Record) error {
		if rec.Statement != nil {
			stmts = append(stmts, rec.Statement)
			return store.NormalizeStatement(rec.Statement)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		enc  func(any) ([]byte, error)
	}{{"marshal", json.Marshal}, {"encode", encode}} {
		b.Run(bc.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := bc.enc(stmts[i%len(stmts)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
