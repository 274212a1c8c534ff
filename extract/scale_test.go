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

// repeatedTo returns s repeated up to n bytes.
func repeatedTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n]
}

// BenchmarkExtractRepeated extracts texts of one attributed sentence
// repeated, at growing sizes: the time per byte should stay flat.
func BenchmarkExtractRepeated(b *testing.B) {
	for _, n := range []int{64 << 10, 256 << 10, 1 << 20, 2 << 20} {
		text := repeatedTo(repeated, n)
		b.Run(strconv.Itoa(n>>10)+"KiB", func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				if _, err := Extract(Document{Text: text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestExtractContextStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	res, err := ExtractContext(ctx, Document{Text: repeatedTo(repeated, 64<<10)})
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("ExtractContext with a cancelled context = %v, %v; want context.Canceled", res, err)
	}
}
