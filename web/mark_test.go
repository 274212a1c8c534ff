package web

import (
	"html/template"
	"testing"

	"github.com/quotedb/quotedb/store"
)

func TestMarkSpan(t *testing.T) {
	text := "Intro. «Sülh vacibdir», dedi Əli. <b>End</b>"
	start := len("Intro. ")
	end := start + len("«Sülh vacibdir»")
	tests := []struct {
		span store.Span
		want template.HTML
	}{
		{store.Span{Start: start, End: end}, `Intro. <mark id="span">«Sülh vacibdir»</mark>, dedi Əli. &lt;b&gt;End&lt;/b&gt;`},
		// A span that cuts a character, or runs past the text, marks nothing.
		{store.Span{Start: start + 1, End: end}, `Intro. «Sülh vacibdir», dedi Əli. &lt;b&gt;End&lt;/b&gt;`},
		{store.Span{Start: 0, End: len(text) + 1}, `Intro. «Sülh vacibdir», dedi Əli. &lt;b&gt;End&lt;/b&gt;`},
		{store.Span{Start: 3, End: 3}, `Intro. «Sülh vacibdir», dedi Əli. &lt;b&gt;End&lt;/b&gt;`},
	}
	for _, tt := range tests {
		if got := markSpan(text, tt.span); got != tt.want {
			t.Errorf("markSpan(%v) =\n%s\nwant\n%s", tt.span, got, tt.want)
		}
	}
}

func TestMarkDifferences(t *testing.T) {
	tests := []struct {
		quote, statement string
		wantQ, wantS     template.HTML
	}{
		{
			"the rates will not rise", "He said the rates will not rise this year.",
			"the rates will not rise", "He said the rates will not rise this year.",
		},
		{
			"prices will fall soon", "prices will not fall soon",
			"prices will fall soon", `prices will <mark class="diff">not</mark> fall soon`,
		},
		{
			// Folded as the index folds: Kərimli is Kerimli; markup escaped.
			"Kerimli said <no>", "KƏRİMLİ said it",
			`Kerimli said &lt;<mark class="diff">no</mark>&gt;`, "KƏRİMLİ said it",
		},
	}
	for _, tt := range tests {
		q, s := markDifferences(tt.quote, tt.statement)
		if q != tt.wantQ || s != tt.wantS {
			t.Errorf("markDifferences(%q, %q) =\n%s\n%s\nwant\n%s\n%s", tt.quote, tt.statement, q, s, tt.wantQ, tt.wantS)
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{"/who?x=1": "/who?x=1", "//evil.example/": "/", "https://evil.example": "/", "": "/", `/\evil`: "/"} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}
