package demo

import (
	"slices"
	"testing"

	"github.com/quotedb/quotedb/store"
)

func TestMarkedText(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		text    string
		spans   []store.Span
		wantErr bool
	}{
		{in: "no marks", want: 0, text: "no marks"},
		{in: `He said "[[yes]]" and [[no]].`, want: 2, text: `He said "yes" and no.`, spans: []store.Span{{Start: 9, End: 12}, {Start: 18, End: 20}}},
		// Spans are in bytes: "Ə" and "ə" take two each.
		{in: "Əli: [[Kərimli]]", want: 1, text: "Əli: Kərimli", spans: []store.Span{{Start: 6, End: 14}}},
		{in: "[[a]]", want: 2, wantErr: true},
		{in: "[[a", want: 1, wantErr: true},
		{in: "a]]", want: 0, wantErr: true},
		{in: "[[a [[b]]", want: 1, wantErr: true},
	}
	for _, tt := range tests {
		text, spans, err := markedText(tt.in, tt.want)
		if tt.wantErr {
			if err == nil {
				t.Errorf("markedText(%q) succeeded", tt.in)
			}
			continue
		}
		if err != nil || text != tt.text || !slices.Equal(spans, tt.spans) {
			t.Errorf("markedText(%q) = %q, %v, %v; want %q, %v", tt.in, text, spans, err, tt.text, tt.spans)
		}
	}
}

// TestSources checks each source's marks against its statements without a
// store, so that a broken dataset is reported here first.
func TestSources(t *testing.T) {
	for _, src := range sources {
		if _, _, err := markedText(src.text, len(src.statements)); err != nil {
			t.Errorf("%s: %v", src.title, err)
		}
	}
}
