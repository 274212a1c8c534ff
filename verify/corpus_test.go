package verify_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/internal/corpustest"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
	"github.com/quotedb/quotedb/verify"
)

// TestCorpusVerdicts verifies, against the ingested shared corpus, quotes
// made at run time from its statements of eight words or more: the
// statement itself (EXACT or, where the same words stand in a longer
// statement too, PARTIAL), its first half (PARTIAL), the statement with one
// word changed (PARAPHRASE), and the statement with a negation added (never
// EXACT, PARTIAL or PARAPHRASE of it). The statement must be among the
// matches with that verdict.
func TestCorpusVerdicts(t *testing.T) {
	st := bolttest.Open(t)
	all := corpustest.Ingest(t, st)
	dir := t.TempDir()
	ix := search.Open(st, dir, search.Options{})
	defer ix.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	v := &verify.Verifier{Store: st, Index: ix}
	r := rand.New(rand.NewPCG(7, 11))
	verdictOf := func(text, id string) verify.Verdict {
		ms, err := v.Verify(ctx, verify.Quote{Text: text})
		if err != nil {
			t.Fatalf("verify %q: %v", text, err)
		}
		for _, m := range ms {
			if m.Statement != nil && m.Statement.ID == id {
				return m.Verdict
			}
		}
		return verify.NotFound
	}
	type tally struct{ asked, right int }
	counts := map[string]*tally{"exact": {}, "half": {}, "one word changed": {}, "negated": {}}
	check := func(kind string, ok bool, text string, got verify.Verdict) {
		c := counts[kind]
		c.asked++
		if ok {
			c.right++
		} else {
			t.Logf("%s: %q got %s", kind, text, got)
		}
	}
	for _, s := range all {
		words := strings.Fields(s.Text)
		if len(words) < 8 {
			continue
		}
		got := verdictOf(s.Text, s.ID)
		check("exact", got == verify.Exact || got == verify.Partial, s.Text, got)

		half := strings.Join(words[:len(words)/2], " ")
		got = verdictOf(half, s.ID)
		check("half", got == verify.Partial || got == verify.Exact, half, got)

		// Change a word that is no negation: dropping a negation reverses
		// the meaning, which verification rightly refuses to match.
		changed := append([]string(nil), words...)
		at := 1 + r.IntN(len(words)-2)
		for negative(changed[at]) {
			at = 1 + r.IntN(len(words)-2)
		}
		changed[at] = "zebra"
		text := strings.Join(changed, " ")
		got = verdictOf(text, s.ID)
		check("one word changed", got == verify.Paraphrase, text, got)

		if i := strings.Index(s.Text, " is "); i > 0 && !negative(s.Text) {
			negated := s.Text[:i] + " is not " + s.Text[i+len(" is "):]
			got = verdictOf(negated, s.ID)
			check("negated", got != verify.Exact && got != verify.Partial && got != verify.Paraphrase, negated, got)
		}
	}
	for kind, c := range counts {
		t.Logf("%s: %d of %d right", kind, c.right, c.asked)
	}
	if counts["exact"].asked < 500 {
		t.Fatalf("only %d statements to verify; is the corpus complete?", counts["exact"].asked)
	}
	for kind, c := range counts {
		if float64(c.right) < 0.98*float64(c.asked) {
			t.Errorf("%s: %d of %d verdicts right", kind, c.right, c.asked)
		}
	}
}

// negative reports whether a text already has a negation, which adding
// another could cancel.
func negative(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;:!?\"“”‘’'()")
		if w == "not" || w == "no" || w == "never" || w == "nor" || w == "neither" || w == "without" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}
