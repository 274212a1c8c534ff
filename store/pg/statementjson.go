package pg

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// The stored form of a statement, written field by field rather than by
// encoding/json's reflection. Statements are nine in ten records of a
// bulk load, and json.Marshal took 2.3–2.6 µs a statement of gen's data
// (BenchmarkStatementJSON), an eighth of quotedb's CPU per imported
// statement; this writes the same bytes in 1.0–1.2 µs. It must
// stay byte for byte what json.Marshal gives, as exports and the change
// log compare stored forms: TestStatementJSONMatchesMarshal checks it on
// every field (found by reflection, so a new field fails it until it is
// written here too), FuzzStatementJSON on any text. What it does not
// write itself (numbers and times outside the usual forms) it leaves to
// json.Marshal, and covers (a tenth of statements have any) too.

// statementJSONSize is about what statementJSON takes besides the text.
const statementJSONSize = 512

// statementJSON appends json.Marshal(s) to b; it returns b unchanged and
// false when s has a value it leaves to json.Marshal.
func statementJSON(b []byte, s *store.Statement) ([]byte, bool) {
	if !plainTime(s.CreatedAt) || !plainTime(s.UpdatedAt) ||
		s.Confidence != 0 && !(math.Abs(s.Confidence) >= 1e-6 && math.Abs(s.Confidence) < 1e21) {
		return b, false
	}
	at := len(b)
	b = append(b, `{"id":`...)
	b = appendJSONString(b, s.ID)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, s.Text)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, string(s.Kind))
	b = appendOptString(b, `,"speakerId":`, s.SpeakerID)
	b = appendOptString(b, `,"organisationId":`, s.OrganisationID)
	b = appendOptString(b, `,"role":`, s.Role)
	if s.ByOrganisation {
		b = append(b, `,"byOrganisation":true`...)
	}
	b = appendOptString(b, `,"heading":`, s.Heading)
	b = appendOptString(b, `,"cue":`, s.Cue)
	if !s.Said.IsZero() {
		b = appendDate(append(b, `,"said":`...), s.Said)
	}
	if len(s.Covers) > 0 {
		covers, err := json.Marshal(s.Covers)
		if err != nil {
			return b[:at], false
		}
		b = append(append(b, `,"covers":`...), covers...)
	}
	if len(s.TopicIDs) > 0 {
		b = append(b, `,"topicIds":[`...)
		for i, id := range s.TopicIDs {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, id)
		}
		b = append(b, ']')
	}
	b = appendOptString(b, `,"sourceId":`, s.SourceID)
	if s.Span != nil {
		b = strconv.AppendInt(append(b, `,"span":{"start":`...), int64(s.Span.Start), 10)
		b = strconv.AppendInt(append(b, `,"end":`...), int64(s.Span.End), 10)
		b = append(b, '}')
	}
	b = appendOptString(b, `,"language":`, s.Language)
	b = append(b, `,"status":`...)
	b = appendJSONString(b, string(s.Status))
	if s.Confidence != 0 {
		// json.Marshal's form of a number from 1e-6 to 1e21: the shortest
		// decimal that reads back as it, without an exponent.
		b = strconv.AppendFloat(append(b, `,"confidence":`...), s.Confidence, 'f', -1, 64)
	}
	b = appendOptString(b, `,"origin":`, s.Origin)
	b = appendTime(append(b, `,"createdAt":`...), s.CreatedAt)
	b = appendTime(append(b, `,"updatedAt":`...), s.UpdatedAt)
	return append(b, '}'), true
}

// plainTime reports whether appendTime writes t as json.Marshal does: in
// UTC (which normalizing records makes them) and in the years
// Time.MarshalJSON accepts.
func plainTime(t time.Time) bool {
	return t.Location() == time.UTC && t.Year() >= 0 && t.Year() <= 9999
}

// appendTime appends Time.MarshalJSON's form of a plainTime.
func appendTime(b []byte, t time.Time) []byte {
	return append(t.AppendFormat(append(b, '"'), time.RFC3339Nano), '"')
}

func appendOptString(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(append(b, key...), s)
}

// jsonPlain holds the bytes appendJSONString copies as they are: ASCII
// but for control characters, '"', '\\', '<', '>' and '&'.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(`"\\<>&`, rune(c))
	}
	return t
}()

// appendJSONString appends s as json.Marshal writes a string: quoted,
// with '"', '\\' and control characters escaped, '<', '>' and '&' too
// (its HTML-safe default), U+2028 and U+2029 (line separators to
// JavaScript), and each byte of invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0 // s[start:i] is still to copy as it is
	for i := 0; i < len(s); {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}

// appendDate appends d's text (as MarshalText gives it: it needs no
// escaping) quoted, without fmt for the four-digit years of every record.
func appendDate(b []byte, d partialdate.Date) []byte {
	if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return appendJSONString(b, d.String())
	}
	b = append(b, '"', byte('0'+d.Year/1000), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10))
	switch d.Precision() {
	case partialdate.Month:
		b = append(b, '-', byte('0'+d.Month/10), byte('0'+d.Month%10))
	case partialdate.Day:
		b = append(b, '-', byte('0'+d.Month/10), byte('0'+d.Month%10), '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
	}
	return append(b, '"')
}
