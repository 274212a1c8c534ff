package extract

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
)

// repeated is one attributed sentence; a text of it repeated is the worst
// case found for extraction time.
const repeated = `"We will win," said John Smith, the minister. `

// resolved is a paragraph whose statements are resolved against earlier
// mentions ("the company", "it", "the report"): repeated, it is the worst
// case found for coreference time.
const resolved = "Ann Roe met the press. Acme Corp. cut jobs. It said that demand had collapsed. " +
	"The report said that the fees were too high. The company said it would appeal. " +
	"The paramedics union says that the port would stay open. "

// credited is a paragraph that ends in the name of a person quoted
// elsewhere, and listed a colon before quotations in a list: repeated,
// each is a worst case for the constructions that look across the text
// (the name's other mentions, the quotation's neighbours).
const (
	credited = "We cannot lose our libraries. Maria Lopez\n\n"
	listed   = "Also on the list: \"platform,\" \"ghosting\" and \"yeet.\" "
)

// ministers is a sentence whose speaker holds a portfolio that no
// ministry the text names matches: repeated, a worst case for that lookup
// (it scanned every mention for every minister, 22 s for a megabyte).
const ministers = "Energy Minister Ann Roe said it was fine. "

// repeatedTo returns s repeated up to n bytes.
func repeatedTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n]
}

// BenchmarkExtractRepeated extracts texts of one attributed sentence
// repeated, at growing sizes: the time per byte should stay flat.
func BenchmarkExtractRepeated(b *testing.B) {
	for _, n := range []int{64 << 10, 256 << 10, 1 << 20, 2 << 20} {
		benchmarkExtract(b, "attributed/"+strconv.Itoa(n>>10)+"KiB", repeatedTo(repeated, n))
		benchmarkExtract(b, "resolved/"+strconv.Itoa(n>>10)+"KiB", repeatedTo(resolved, n))
		benchmarkExtract(b, "credited/"+strconv.Itoa(n>>10)+"KiB", repeatedTo(credited, n))
		benchmarkExtract(b, "listed/"+strconv.Itoa(n>>10)+"KiB", repeatedTo(listed, n))
		benchmarkExtract(b, "ministers/"+strconv.Itoa(n>>10)+"KiB", repeatedTo(ministers, n))
	}
}

func benchmarkExtract(b *testing.B, name, text string) {
	b.Run(name, func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := Extract(Document{Text: text}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestExtractContextStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	res, err := ExtractContext(ctx, Document{Text: repeatedTo(repeated, 64<<10)})
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("ExtractContext with a cancelled context = %v, %v; want context.Canceled", res, err)
	}
}

// TestTokenizeStopsWhenCancelled checks that splitting a long text into
// tokens, a step no other check interrupts, stops when the context ends.
func TestTokenizeStopsWhenCancelled(t *testing.T) {
	text := repeatedTo(repeated, 4*tokenizeCheckBytes)
	if toks := tokenize(t.Context(), text); len(toks) == 0 {
		t.Fatal("no tokens from a live context")
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if toks := tokenize(ctx, text); toks != nil {
		t.Errorf("tokenize with a cancelled context gave %d tokens, want none", len(toks))
	}
}
