// Package extract finds attributed statements in text: direct quotations and
// reported speech, with the speaker, the reporting cue, the speaker's role and
// organisation, the section heading the statement stands under, and the dates
// it mentions.
//
// The package is pure: Extract takes a document and returns candidates; it
// touches no store, network or file system.
package extract

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Kind tells quoted words from reported speech.
type Kind string

// Statement kinds.
const (
	// Direct is a quotation: the span includes the quotation marks the
	// document has (also when only the closing mark is there).
	Direct Kind = "direct"
	// Indirect is reported speech: the span is the reported clause without
	// a leading "that".
	Indirect Kind = "indirect"
)

// Format is the markup of a Document's Text.
type Format int

// Input formats.
const (
	PlainText Format = iota
	Markdown
	HTML
)

// Document is the input of Extract.
type Document struct {
	Text   string    // raw input
	Format Format    // markup of Text
	Date   time.Time // document date if known from metadata (zero if unknown)
}

// DateRange is a period a statement mentions, as partial dates
// ("2022-03-03", "2022-03", "2021"). From == To for a single day or period.
type DateRange struct{ From, To string }

// Quote is one attributed statement.
type Quote struct {
	// Start and End are UTF-8 byte offsets into Result.Text, End exclusive.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is exactly Result.Text[Start:End], never rewritten.
	Text string `json:"text"`
	Kind Kind   `json:"kind"`
	// Speaker is the full name as established in the document ("Ann
	// Roe" also for a later "Roe" or "she"), or the name of an
	// outlet or institution; "" when the source is not named.
	Speaker string `json:"speaker"`
	// SpeakerIsOrg is true when Speaker names an organisation (an outlet
	// or institution that reports or states) rather than a person.
	SpeakerIsOrg bool `json:"speaker_is_org,omitempty"`
	// Source is the phrase designating an unnamed source as written ("the
	// government", "a spokesperson", "activists"); "" when Speaker is set
	// or there is no source at all.
	Source string `json:"source,omitempty"`
	// Cue is the reporting verb or phrase as written: "argued", "wrote",
	// "according to"; "" for follow-on quotations without one.
	Cue string `json:"cue"`
	// Organisation is the speaker's organisation, as the canonical short
	// name where the document gives one ("APFP"), else as written.
	Organisation string `json:"organisation"`
	// Role is the speaker's role in lower case: "member", "chairman",
	// "exiled journalist".
	Role string `json:"role"`
	// Topic is the section heading the statement stands under ("" if none).
	Topic string `json:"topic"`
	// Date is the date the statement was made as a partial date, which is
	// the document's date unless the text says otherwise; "" if unknown.
	Date string `json:"date"`
	// Covers lists the dates and periods the statement mentions, resolved
	// against the document date.
	Covers []DateRange `json:"covers,omitempty"`
	// Confidence is a rough probability, 0..1, that the candidate is a
	// statement with the right speaker.
	Confidence float64 `json:"confidence"`
	// PullQuote marks the highlighted quotation at the top of a digest. It
	// carries the speaker and topic of the statement it repeats, or none
	// when that statement is not in the text.
	PullQuote bool `json:"pull_quote,omitempty"`
}

// Speaker is a distinct speaker the document establishes.
type Speaker struct {
	Name         string
	Role         string
	Organisation string
	Aliases      []string // other forms seen: surname, acronyms
	// IsOrg is true for an outlet or institution that is a speaker.
	IsOrg bool
}

// Result is the output of Extract.
type Result struct {
	// Text is the text all offsets refer to: the input for plain text, the
	// text content for HTML (tags removed, entities decoded), the text
	// without markup for Markdown.
	Text string
	// Date is the document date as a partial date: from Document.Date when
	// set, else from a dateline in the text; "" if unknown.
	Date string
	// Quotes are the statements in document order.
	Quotes []Quote
	// Speakers are the distinct named speakers of Quotes with the
	// descriptors the document gives them.
	Speakers []Speaker
	// OrgAliases maps an organisation acronym to the long names and
	// shorter acronyms the document uses for it.
	OrgAliases map[string][]string
}

// ErrInvalidUTF8 is returned, wrapped with the byte offset of the first bad
// byte, when the input is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("extract: invalid UTF-8")

// Extract finds the attributed statements of doc. It fails only on invalid
// UTF-8 input, with an error that wraps ErrInvalidUTF8.
func Extract(doc Document) (*Result, error) {
	return ExtractContext(context.Background(), doc)
}

// ExtractContext is Extract, stopped when ctx ends: then it returns
// ctx.Err(). Its time grows in proportion to the text.
func ExtractContext(ctx context.Context, doc Document) (*Result, error) {
	if !utf8.ValidString(doc.Text) {
		return nil, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, firstInvalid(doc.Text))
	}
	text := doc.Text
	switch doc.Format {
	case HTML:
		text = stripHTML(text)
	case Markdown:
		text = stripMarkdown(text)
	}
	a := analyse(ctx, text)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{Text: text, OrgAliases: a.orgAliases}
	if !doc.Date.IsZero() {
		res.Date = doc.Date.Format("2006-01-02")
	} else {
		res.Date = a.findDocDate()
	}
	res.Quotes = a.statements(res.Date)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Speakers = a.speakerList(res.Quotes)
	return res, nil
}

// firstInvalid returns the byte offset of the first invalid UTF-8 sequence
// in s, or len(s).
func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(s)
}
