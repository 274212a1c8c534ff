package ingest_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// TestPrepareStopsAtTheDeadline: extracting a document of the largest size
// admitted stops when the request's context ends, rather than running on
// after its answer is due.
func TestPrepareStopsAtTheDeadline(t *testing.T) {
	s := bolttest.Open(t)
	sentence := `"We will win," said John Smith, the minister. `
	text := strings.Repeat(sentence, ingest.DefaultMaxBytes/len(sentence))
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	began := time.Now()
	p, err := ingest.Prepare(ctx, s, ingest.Document{Text: text})
	if !errors.Is(err, context.DeadlineExceeded) || p != nil {
		t.Fatalf("Prepare past its deadline = %v, %v; want context.DeadlineExceeded", p, err)
	}
	// Generous, for a loaded machine under -race: the check is that
	// extraction notices the deadline, not how fast it runs.
	if took := time.Since(began); took > 10*time.Second {
		t.Errorf("Prepare returned %s after a deadline of 50ms", took)
	}
}
