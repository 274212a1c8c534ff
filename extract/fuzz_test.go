package extract_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/quotedb/quotedb/extract"
)

// FuzzExtract checks, for any text in any format, that extraction does not
// panic, refuses invalid UTF-8 with ErrInvalidUTF8, and returns statements
// whose spans lie in the result text and whose text is exactly those bytes.
// Seeds are in testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	f.Add(`The minister said: "We will rebuild the bridge by May."`, uint8(0))
	f.Add("# Heading\n\n> \"Quoted *words*,\" said **Ali Karimli**, chairman of the APFP.", uint8(1))
	f.Add(`<p>&ldquo;Free them,&rdquo; <b>she</b> wrote.</p>`, uint8(2))
	f.Fuzz(func(t *testing.T, text string, format uint8) {
		formats := []extract.Format{extract.PlainText, extract.Markdown, extract.HTML}
		res, err := extract.Extract(extract.Document{Text: text, Format: formats[int(format)%len(formats)]})
		if !utf8.ValidString(text) {
			if !errors.Is(err, extract.ErrInvalidUTF8) {
				t.Fatalf("invalid UTF-8: error %v, want ErrInvalidUTF8", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Extract failed on valid UTF-8: %v", err)
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("result text is not valid UTF-8")
		}
		for i, q := range res.Quotes {
			if q.Start < 0 || q.Start > q.End || q.End > len(res.Text) {
				t.Fatalf("quote %d: span [%d, %d) outside text of %d bytes", i, q.Start, q.End, len(res.Text))
			}
			if q.Text != res.Text[q.Start:q.End] {
				t.Fatalf("quote %d: text %q is not the span's bytes %q", i, q.Text, res.Text[q.Start:q.End])
			}
		}
	})
}
