// Package partialdate represents calendar dates known only to a year, a month
// or a day, as journalists meet them ("in 2021", "in March 2022", "on 3 March
// 2022"), and periods between two such dates.
//
// A partial date denotes a period of days: "2022" is 2022-01-01..2022-12-31.
// Comparisons between partial dates are comparisons between those periods.
package partialdate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

const (
	// Unknown is the precision of the zero Date: nothing is known.
	Unknown Precision = iota
	Year
	Month
	Day
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "YEAR"
	case Month:
		return "MONTH"
	case Day:
		return "DAY"
	}
	return "UNKNOWN"
}

// Date is a calendar date of which only the year, or the year and month, may
// be known. Month and Day are zero when unknown. The zero Date is unknown.
type Date struct {
	Year  int
	Month int
	Day   int
}

// ErrSyntax is returned (wrapped) by Parse for text that is not YYYY,
// YYYY-MM or YYYY-MM-DD.
var ErrSyntax = errors.New("partial date must be YYYY, YYYY-MM or YYYY-MM-DD")

// ErrRange is returned (wrapped) by Parse and Validate for a date that does not
// exist in the calendar (month 13, 30 February) or a year outside 1..9999.
var ErrRange = errors.New("partial date out of range")

// Parse reads a partial date written as YYYY, YYYY-MM or YYYY-MM-DD.
// The empty string parses to the zero (unknown) Date.
func Parse(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("%q: %w", s, ErrSyntax)
	}
	var nums [3]int
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || !allDigits(p) {
			return Date{}, fmt.Errorf("%q: %w", s, ErrSyntax)
		}
		nums[i], _ = strconv.Atoi(p)
		// A zero in Date means "unknown", so a written 0000, 00 month or 00
		// day would silently parse as a coarser date (or none) instead.
		if nums[i] == 0 {
			return Date{}, fmt.Errorf("%q: %w", s, ErrRange)
		}
	}
	d := Date{Year: nums[0], Month: nums[1], Day: nums[2]}
	if err := d.Validate(); err != nil {
		return Date{}, fmt.Errorf("%q: %w", s, err)
	}
	return d, nil
}

// MustParse is Parse for literals known to be valid; it panics otherwise.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// Validate reports whether d names a real year, month or day.
func (d Date) Validate() error {
	switch {
	case d == Date{}:
		return nil
	case d.Year < 1 || d.Year > 9999:
		return fmt.Errorf("year %d: %w", d.Year, ErrRange)
	case d.Month < 0 || d.Month > 12:
		return fmt.Errorf("month %d: %w", d.Month, ErrRange)
	case d.Month == 0 && d.Day != 0:
		return fmt.Errorf("day without month: %w", ErrRange)
	case d.Day < 0 || d.Day > daysIn(d.Year, d.Month):
		return fmt.Errorf("day %d of %04d-%02d: %w", d.Day, d.Year, d.Month, ErrRange)
	}
	return nil
}

func daysIn(year, month int) int {
	if month == 0 {
		return 31
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// FromTime returns the day of t (in t's location) as a Day-precision Date.
func FromTime(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// IsZero reports whether nothing is known of d.
func (d Date) IsZero() bool { return d == Date{} }

// Precision reports how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.Year == 0:
		return Unknown
	case d.Month == 0:
		return Year
	case d.Day == 0:
		return Month
	}
	return Day
}

// String formats d as YYYY, YYYY-MM or YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	switch d.Precision() {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// First returns the first day of the period d denotes.
// The zero Date has no days; First returns the zero Date for it.
func (d Date) First() Date {
	if d.IsZero() {
		return d
	}
	return Date{d.Year, max(d.Month, 1), max(d.Day, 1)}
}

// Last returns the last day of the period d denotes.
// The zero Date has no days; Last returns the zero Date for it.
func (d Date) Last() Date {
	switch d.Precision() {
	case Unknown:
		return d
	case Year:
		return Date{d.Year, 12, 31}
	case Month:
		return Date{d.Year, d.Month, daysIn(d.Year, d.Month)}
	}
	return d
}

// Key returns a number that sorts dates chronologically, with a coarser date
// sorting just before the finer dates inside it: 2022 < 2022-01 < 2022-01-01.
// The zero Date has key 0, before every known date.
func (d Date) Key() uint32 {
	return uint32(d.Year*10000 + d.Month*100 + d.Day)
}

// FromKey is the inverse of Key.
func FromKey(k uint32) Date {
	return Date{Year: int(k / 10000), Month: int(k / 100 % 100), Day: int(k % 100)}
}

// Compare orders dates by Key: -1 if d sorts before e, +1 if after, 0 if equal.
func (d Date) Compare(e Date) int {
	switch a, b := d.Key(), e.Key(); {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Range is a period from the first day of From to the last day of To.
// A zero From means "since ever", a zero To "until now and on".
// A single partial date is the Range{d, d}.
type Range struct {
	From Date `json:"from,omitzero"`
	To   Date `json:"to,omitzero"`
}

// ErrReversed is returned by Range.Validate when To ends before From begins.
var ErrReversed = errors.New("range ends before it begins")

// Validate reports whether both ends are valid and in order.
func (r Range) Validate() error {
	if err := r.From.Validate(); err != nil {
		return err
	}
	if err := r.To.Validate(); err != nil {
		return err
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Last().Key() < r.From.First().Key() {
		return fmt.Errorf("%s..%s: %w", r.From, r.To, ErrReversed)
	}
	return nil
}

// Of returns the range of days that d denotes.
func Of(d Date) Range { return Range{From: d, To: d} }

// IsZero reports whether the range is open at both ends.
func (r Range) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// Overlaps reports whether the days of r and s share at least one day.
// Open ends overlap everything on their side.
func (r Range) Overlaps(s Range) bool {
	return (r.To.IsZero() || s.From.IsZero() || s.From.First().Key() <= r.To.Last().Key()) &&
		(s.To.IsZero() || r.From.IsZero() || r.From.First().Key() <= s.To.Last().Key())
}

// Contains reports whether every day of d lies in r.
func (r Range) Contains(d Date) bool {
	if d.IsZero() {
		return false
	}
	return (r.From.IsZero() || r.From.First().Key() <= d.First().Key()) &&
		(r.To.IsZero() || d.Last().Key() <= r.To.Last().Key())
}

// String formats the range as FROM..TO, or as the single date when both ends
// are the same.
func (r Range) String() string {
	if r.From == r.To {
		return r.From.String()
	}
	return r.From.String() + ".." + r.To.String()
}

// ParseRange reads a range written as DATE or FROM..TO, where either end
// of FROM..TO may be empty for an open end.
func ParseRange(s string) (Range, error) {
	from, to, found := strings.Cut(s, "..")
	if !found {
		to = from
	}
	f, err := Parse(from)
	if err != nil {
		return Range{}, err
	}
	t, err := Parse(to)
	if err != nil {
		return Range{}, err
	}
	r := Range{From: f, To: t}
	return r, r.Validate()
}

// MarshalText formats d as String does.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses text as Parse does.
func (d *Date) UnmarshalText(text []byte) error {
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
