package search

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
)

// densestWindowQuadratic is the plain definition densestWindow must agree
// with: for each hit, count the hits in the window it starts.
func densestWindowQuadratic(hit []int, width int) int {
	best, bestN := 0, -1
	for k, h := range hit {
		n := 0
		for _, h2 := range hit[k:] {
			if h2 < h+width {
				n++
			}
		}
		if n > bestN {
			best, bestN = h, n
		}
	}
	return best
}

func TestDensestWindow(t *testing.T) {
	tests := []struct {
		hit  []int
		want int
	}{
		{[]int{7}, 7},
		{[]int{0, 30, 31, 32}, 30},
		{[]int{0, 1, 40, 41}, 0}, // a tie goes to the first
		{[]int{0, 23, 24, 25}, 23},
	}
	for _, tt := range tests {
		if got := densestWindow(tt.hit, fragmentWords); got != tt.want {
			t.Errorf("densestWindow(%v) = %d, want %d", tt.hit, got, tt.want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		var hit []int
		for i := range 200 {
			if r.IntN(4) == 0 {
				hit = append(hit, i)
			}
		}
		if len(hit) == 0 {
			continue
		}
		if got, want := densestWindow(hit, fragmentWords), densestWindowQuadratic(hit, fragmentWords); got != want {
			t.Fatalf("densestWindow(%v) = %d, want %d", hit, got, want)
		}
	}
}

func hqMatchers(t *testing.T) []matcher {
	t.Helper()
	var ms []matcher
	for _, w := range Words("hq") {
		ms = append(ms, matcher{forms: w.Forms})
	}
	return ms
}

func TestHighlightStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	text := strings.Repeat("hq ", 100_000)
	if h, err := highlight(ctx, text, hqMatchers(t)); err == nil {
		t.Fatalf("highlight with a cancelled context = %d highlights, want the context's error", len(h))
	}
}

func TestHighlightReadsABoundedPrefix(t *testing.T) {
	ms := hqMatchers(t)
	// The only match lies past the bound: nothing is marked.
	far := strings.Repeat("x ", MaxHighlightBytes/2+10) + "hq"
	h, err := highlight(t.Context(), far, ms)
	if err != nil || len(h) != 0 {
		t.Errorf("a match past MaxHighlightBytes: %+v, %v; want none", h, err)
	}
	// A match before it is marked, and the fragment says text follows.
	near := "hq " + strings.Repeat("x ", MaxHighlightBytes)
	h, err = highlight(t.Context(), near, ms)
	if err != nil || len(h) != 1 || len(h[0].Matches) != 1 || !h[0].Suffix || h[0].Prefix {
		t.Fatalf("a match before the bound: %+v, %v", h, err)
	}
	if got := near[h[0].Matches[0].Start:h[0].Matches[0].End]; got != "hq" {
		t.Errorf("marked %q", got)
	}
}

// BenchmarkHighlightMiB highlights a statement of a MiB whose every word
// matches, the worst case for choosing the fragment.
func BenchmarkHighlightMiB(b *testing.B) {
	text := strings.Repeat("hq ", MaxHighlightBytes/3)
	var ms []matcher
	for _, w := range Words("hq") {
		ms = append(ms, matcher{forms: w.Forms})
	}
	for b.Loop() {
		if _, err := highlight(b.Context(), text, ms); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDocsPerSegment(t *testing.T) {
	tests := []struct {
		n, size, want int
	}{
		{0, 0, maxSegmentDocs},                  // no statements yet
		{1000, 1000 * 322, segmentBytes / 322},  // generated statements, 222 bytes of text on average
		{1000, 1000 * 64 << 10, minSegmentDocs}, // statements at the default bound
		{1000, 1000 * 40, maxSegmentDocs},       // tiny ones
	}
	for _, tt := range tests {
		if got := docsPerSegment(tt.n, tt.size); got != tt.want {
			t.Errorf("docsPerSegment(%d, %d) = %d, want %d", tt.n, tt.size, got, tt.want)
		}
		if tt.n > 0 && tt.want > minSegmentDocs && tt.want < maxSegmentDocs && tt.want*tt.size/tt.n > segmentBytes {
			t.Errorf("%d documents of %d bytes exceed a segment", tt.want, tt.size/tt.n)
		}
	}
}
