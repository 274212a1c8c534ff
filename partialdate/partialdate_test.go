package partialdate_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/quotedb/quotedb/partialdate"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    partialdate.Date
		prec    partialdate.Precision
		wantErr error
	}{
		{in: "", want: partialdate.Date{}, prec: partialdate.Unknown},
		{in: "2022", want: partialdate.Date{Year: 2022}, prec: partialdate.Year},
		{in: "2022-03", want: partialdate.Date{Year: 2022, Month: 3}, prec: partialdate.Month},
		{in: "2022-03-08", want: partialdate.Date{Year: 2022, Month: 3, Day: 8}, prec: partialdate.Day},
		{in: "2024-02-29", want: partialdate.Date{Year: 2024, Month: 2, Day: 29}, prec: partialdate.Day},
		{in: "2000-02-29", want: partialdate.Date{Year: 2000, Month: 2, Day: 29}, prec: partialdate.Day},
		{in: "0001", want: partialdate.Date{Year: 1}, prec: partialdate.Year},
		{in: "9999-12-31", want: partialdate.Date{Year: 9999, Month: 12, Day: 31}, prec: partialdate.Day},

		{in: "2022-02-30", wantErr: partialdate.ErrRange},
		{in: "2023-02-29", wantErr: partialdate.ErrRange},
		{in: "1900-02-29", wantErr: partialdate.ErrRange},
		{in: "2022-13", wantErr: partialdate.ErrRange},
		{in: "2022-04-31", wantErr: partialdate.ErrRange},
		{in: "0000", wantErr: partialdate.ErrRange},
		{in: "2022-00", wantErr: partialdate.ErrRange},
		{in: "2022-01-00", wantErr: partialdate.ErrRange},
		{in: "2022-3", wantErr: partialdate.ErrSyntax},
		{in: "2022-03-8", wantErr: partialdate.ErrSyntax},
		{in: "22", wantErr: partialdate.ErrSyntax},
		{in: "20222", wantErr: partialdate.ErrSyntax},
		{in: "2022-", wantErr: partialdate.ErrSyntax},
		{in: "-2022", wantErr: partialdate.ErrSyntax},
		{in: "2022-03-08-01", wantErr: partialdate.ErrSyntax},
		{in: "2022/03/08", wantErr: partialdate.ErrSyntax},
		{in: " 2022", wantErr: partialdate.ErrSyntax},
		{in: "2022-+3", wantErr: partialdate.ErrSyntax},
		{in: "２０２２", wantErr: partialdate.ErrSyntax},
		{in: "March 2022", wantErr: partialdate.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := partialdate.Parse(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Parse(%q) = %v, %v; want error %v", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			if p := got.Precision(); p != tt.prec {
				t.Errorf("Parse(%q).Precision() = %v, want %v", tt.in, p, tt.prec)
			}
			if s := got.String(); s != tt.in {
				t.Errorf("Parse(%q).String() = %q", tt.in, s)
			}
		})
	}
}

func TestPrecisionString(t *testing.T) {
	for p, want := range map[partialdate.Precision]string{
		partialdate.Unknown: "UNKNOWN",
		partialdate.Year:    "YEAR",
		partialdate.Month:   "MONTH",
		partialdate.Day:     "DAY",
	} {
		if got := p.String(); got != want {
			t.Errorf("Precision(%d).String() = %q, want %q", p, got, want)
		}
	}
}

func TestFirstLast(t *testing.T) {
	tests := []struct {
		in, first, last string
	}{
		{"", "", ""},
		{"2022", "2022-01-01", "2022-12-31"},
		{"2022-02", "2022-02-01", "2022-02-28"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2022-04", "2022-04-01", "2022-04-30"},
		{"2022-12", "2022-12-01", "2022-12-31"},
		{"2022-03-08", "2022-03-08", "2022-03-08"},
	}
	for _, tt := range tests {
		d := partialdate.MustParse(tt.in)
		if got := d.First().String(); got != tt.first {
			t.Errorf("%q.First() = %q, want %q", tt.in, got, tt.first)
		}
		if got := d.Last().String(); got != tt.last {
			t.Errorf("%q.Last() = %q, want %q", tt.in, got, tt.last)
		}
	}
}

func TestKeyOrder(t *testing.T) {
	// Coarser dates sort just before the finer dates they contain.
	ordered := []string{"", "2021", "2021-12-31", "2022", "2022-01", "2022-01-01", "2022-01-31", "2022-02", "2022-02-01", "2022-12-31", "2023"}
	for i := 1; i < len(ordered); i++ {
		a, b := partialdate.MustParse(ordered[i-1]), partialdate.MustParse(ordered[i])
		if a.Key() >= b.Key() || a.Compare(b) != -1 || b.Compare(a) != 1 {
			t.Errorf("%q (key %d) does not sort before %q (key %d)", a, a.Key(), b, b.Key())
		}
	}
	for _, s := range ordered {
		d := partialdate.MustParse(s)
		if d.Compare(d) != 0 {
			t.Errorf("%q.Compare(itself) != 0", s)
		}
		if got := partialdate.FromKey(d.Key()); got != d {
			t.Errorf("FromKey(%q.Key()) = %q", s, got)
		}
	}
}

func TestFromTime(t *testing.T) {
	d := partialdate.FromTime(mustTime(t, "2022-03-11T23:30:00+04:00"))
	if want := partialdate.MustParse("2022-03-11"); d != want {
		t.Errorf("FromTime = %v, want %v (the day in t's location)", d, want)
	}
}

func TestParseRange(t *testing.T) {
	tests := []struct {
		in      string
		want    partialdate.Range
		str     string // String of the result, when not in
		wantErr error
	}{
		{in: "", want: partialdate.Range{}},
		{in: "2022", want: partialdate.Of(partialdate.MustParse("2022"))},
		{in: "2022-03..2022-04", want: rng("2022-03", "2022-04")},
		{in: "..2022", want: rng("", "2022")},
		{in: "2022-03..", want: rng("2022-03", "")},
		{in: "..", want: partialdate.Range{}, str: ""},
		{in: "2022..2022-06-30", want: rng("2022", "2022-06-30")},
		// Ends within each other's periods are in order.
		{in: "2022-03-08..2022-03", want: rng("2022-03-08", "2022-03")},
		{in: "2022-03..2022-03", want: rng("2022-03", "2022-03"), str: "2022-03"},

		{in: "2022-04..2022-03", wantErr: partialdate.ErrReversed},
		{in: "2022-03-09..2022-03-08", wantErr: partialdate.ErrReversed},
		{in: "2022-02-30..2022-03", wantErr: partialdate.ErrRange},
		{in: "2022..22", wantErr: partialdate.ErrSyntax},
		{in: "2022...2023", wantErr: partialdate.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := partialdate.ParseRange(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("ParseRange(%q) = %v, %v; want error %v", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseRange(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			}
			str := tt.str
			if str == "" && tt.in != ".." {
				str = tt.in
			}
			if s := got.String(); s != str {
				t.Errorf("String() = %q, want %q", s, str)
			}
		})
	}
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		r, s string
		want bool
	}{
		{"2022-03..2022-04", "2022-04-30", true},
		{"2022-03..2022-04", "2022-05-01", false},
		{"2022-03..2022-04", "2022-02", false},
		{"2022-03..2022-04", "2022", true},
		{"2022-03", "2022-03-08", true},
		{"2020-09-27..2020-11-10", "2020-11", true},
		{"2020-09-27..2020-11-10", "2020-11-11..", false},
		{"2020-09-27..2020-11-10", "2020-11-10..", true},
		{"..2021-12", "2022-03", false},
		{"..2021-12", "2021", true},
		{"2000..", "2022-03", true},
		{"2000..", "..1999", false},
		{"..2021-12", "2022..", false},
		{"..2022", "..1990", true},
		{"", "2022-03", true},
		{"", "", true},
	}
	for _, tt := range tests {
		r, s := mustRange(t, tt.r), mustRange(t, tt.s)
		if got := r.Overlaps(s); got != tt.want {
			t.Errorf("%q.Overlaps(%q) = %v, want %v", tt.r, tt.s, got, tt.want)
		}
		if got := s.Overlaps(r); got != tt.want {
			t.Errorf("%q.Overlaps(%q) = %v, want %v (symmetry)", tt.s, tt.r, got, tt.want)
		}
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		r, d string
		want bool
	}{
		{"2022-03..2022-04", "2022-03-01", true},
		{"2022-03..2022-04", "2022-04", true},
		{"2022-03..2022-04", "2022-04-30", true},
		{"2022-03..2022-04", "2022-05-01", false},
		{"2022-03..2022-04", "2022-02-28", false},
		// A date is contained only when all of its days are.
		{"2022-03..2022-04", "2022", false},
		{"2022-03-08", "2022-03", false},
		{"2022", "2022-03", true},
		{"..2022", "1990-01-01", true},
		{"2022..", "2021-12-31", false},
		{"", "2022", true},
		{"", "", false}, // an unknown date is in no range
	}
	for _, tt := range tests {
		r, d := mustRange(t, tt.r), partialdate.MustParse(tt.d)
		if got := r.Contains(d); got != tt.want {
			t.Errorf("%q.Contains(%q) = %v, want %v", tt.r, tt.d, got, tt.want)
		}
	}
}

func TestJSON(t *testing.T) {
	type doc struct {
		Said   partialdate.Date  `json:"said,omitzero"`
		Covers partialdate.Range `json:"covers,omitzero"`
	}
	tests := []struct {
		in   doc
		json string
	}{
		{doc{}, `{}`},
		{doc{Said: partialdate.MustParse("2022-03-11")}, `{"said":"2022-03-11"}`},
		{doc{Said: partialdate.MustParse("2022"), Covers: rng("2020-09-27", "2020-11-10")},
			`{"said":"2022","covers":{"from":"2020-09-27","to":"2020-11-10"}}`},
		{doc{Covers: rng("", "2022-03")}, `{"covers":{"to":"2022-03"}}`},
		{doc{Covers: rng("2022-03", "")}, `{"covers":{"from":"2022-03"}}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.in)
		if err != nil || string(b) != tt.json {
			t.Errorf("Marshal(%+v) = %s, %v; want %s", tt.in, b, err, tt.json)
			continue
		}
		var back doc
		if err := json.Unmarshal(b, &back); err != nil || back != tt.in {
			t.Errorf("Unmarshal(%s) = %+v, %v; want %+v", b, back, err, tt.in)
		}
	}

	for _, bad := range []string{`{"said":"2022-02-30"}`, `{"said":"22"}`, `{"said":2022}`, `{"covers":{"from":"2022-3"}}`} {
		var d doc
		if err := json.Unmarshal([]byte(bad), &d); err == nil {
			t.Errorf("Unmarshal(%s) succeeded with %+v", bad, d)
		}
	}
}

func TestValidate(t *testing.T) {
	bad := []partialdate.Date{
		{Year: 0, Month: 3},
		{Year: 10000},
		{Year: 2022, Day: 5},
		{Year: 2022, Month: -1},
		{Year: 2022, Month: 2, Day: 29},
	}
	for _, d := range bad {
		if err := d.Validate(); !errors.Is(err, partialdate.ErrRange) {
			t.Errorf("%+v.Validate() = %v, want ErrRange", d, err)
		}
	}
	if err := (partialdate.Range{From: partialdate.MustParse("2023"), To: partialdate.MustParse("2022")}).Validate(); !errors.Is(err, partialdate.ErrReversed) {
		t.Errorf("reversed range: Validate() = %v, want ErrReversed", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "2022", "2022-03", "2022-03-08", "2024-02-29", "2022-02-30", "0000", "2022-00", "22", "2022-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := partialdate.Parse(s)
		if err != nil {
			if !errors.Is(err, partialdate.ErrSyntax) && !errors.Is(err, partialdate.ErrRange) {
				t.Fatalf("Parse(%q) error %v is neither ErrSyntax nor ErrRange", s, err)
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("Parse(%q) = %+v, which does not validate: %v", s, d, err)
		}
		back, err := partialdate.Parse(d.String())
		if err != nil || back != d {
			t.Fatalf("Parse(%q) = %+v, but Parse(%q) = %+v, %v", s, d, d.String(), back, err)
		}
		if d.String() != s {
			t.Fatalf("Parse(%q) accepted a non-canonical spelling (String %q)", s, d.String())
		}
		if !slices.Contains([]partialdate.Precision{partialdate.Unknown, partialdate.Year, partialdate.Month, partialdate.Day}, d.Precision()) {
			t.Fatalf("Parse(%q): bad precision %v", s, d.Precision())
		}
		if d.First().Key() > d.Last().Key() {
			t.Fatalf("Parse(%q): First %v after Last %v", s, d.First(), d.Last())
		}
	})
}

func ExampleParseRange() {
	r, err := partialdate.ParseRange("2022-03..2022-04")
	if err != nil {
		panic(err)
	}
	rally := partialdate.MustParse("2022-03-08")
	fmt.Println(r.Contains(rally), r.Overlaps(partialdate.Of(partialdate.MustParse("2022"))))
	fmt.Println(r.From.First(), r.To.Last())

	_, err = partialdate.ParseRange("2022-04..2022-03")
	fmt.Println(err)
	// Output:
	// true true
	// 2022-03-01 2022-04-30
	// 2022-04..2022-03: range ends before it begins
}

func ExampleParse() {
	for _, s := range []string{"2022", "2022-03", "2022-03-08", "2022-02-30"} {
		d, err := partialdate.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d, d.Precision(), d.First(), d.Last())
	}
	// Output:
	// 2022 YEAR 2022-01-01 2022-12-31
	// 2022-03 MONTH 2022-03-01 2022-03-31
	// 2022-03-08 DAY 2022-03-08 2022-03-08
	// "2022-02-30": day 30 of 2022-02: partial date out of range
}

func rng(from, to string) partialdate.Range {
	return partialdate.Range{From: partialdate.MustParse(from), To: partialdate.MustParse(to)}
}

func mustRange(t *testing.T, s string) partialdate.Range {
	t.Helper()
	r, err := partialdate.ParseRange(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
