package verify_test

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/internal/corpustest"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
	"github.com/quotedb/quotedb/textfold"
	"github.com/quotedb/quotedb/verify"
)

// rewordings makes, from a statement's words, the rewordings a
// fact-checker meets, each only where the statement lends itself to it:
// its clauses in the other order, an active clause made passive (or a
// passive one active), two or three words replaced by synonyms from a
// small list, two or three of its longest words (mostly its rarest)
// replaced by other words of the corpus, and all of these at once.
func rewordings(words []string, vocab []string, r *rand.Rand) map[string]string {
	out := map[string]string{}
	join := func(parts ...[]string) string {
		var all []string
		for _, p := range parts {
			all = append(all, p...)
		}
		return strings.Join(all, " ")
	}
	for i := 3; i < len(words)-3; i++ {
		if w := words[i-1]; strings.HasSuffix(w, ",") {
			first := slices.Clone(words[:i])
			first[len(first)-1] = strings.TrimSuffix(w, ",")
			out["clauses reordered"] = join(words[i:], []string{"and"}, first)
			break
		}
		if words[i] == "and" {
			out["clauses reordered"] = join(words[i+1:], []string{"and"}, words[:i])
			break
		}
	}
	for i := 1; i < len(words)-2; i++ {
		w := strings.ToLower(words[i])
		switch {
		case (w == "was" || w == "were") && strings.HasSuffix(words[i+1], "ed") && i+3 < len(words) && words[i+2] == "by":
			out["passive made active"] = join(words[i+3:], words[i+1:i+2], words[:i])
		case strings.HasSuffix(w, "ed") && len(w) > 4 && i <= 4 && !auxiliaries[strings.ToLower(words[i-1])] && !negative(strings.Join(words[:i], " ")):
			out["active made passive"] = join(words[i+1:], []string{"was", words[i], "by"}, words[:i])
		default:
			continue
		}
		break
	}
	var at []int
	for i, w := range words {
		if _, ok := synonyms[strings.ToLower(w)]; ok {
			at = append(at, i)
		}
	}
	if len(at) >= 2 {
		changed := slices.Clone(words)
		r.Shuffle(len(at), func(i, j int) { at[i], at[j] = at[j], at[i] })
		for _, i := range at[:min(len(at), 3)] {
			changed[i] = synonyms[strings.ToLower(words[i])]
		}
		out["synonyms"] = strings.Join(changed, " ")
	}
	// The longest words, which are mostly the rarest: those a search for
	// the quote's rarest words relies on.
	order := r.Perm(len(words))
	slices.SortStableFunc(order, func(a, b int) int { return len(words[b]) - len(words[a]) })
	// Two words of a statement of fewer than twelve, two or three of a
	// longer one: three of eight would leave little of the statement.
	changed := slices.Clone(words)
	n := 2
	if len(words) >= 12 {
		n += r.IntN(2)
	}
	for _, i := range order {
		if n > 0 && !negative(words[i]) {
			changed[i] = vocab[r.IntN(len(vocab))]
			n--
		}
	}
	out["longest words changed"] = strings.Join(changed, " ")
	// All at once, as a fact-checker's rewording often is: the clauses
	// turned round, synonyms, and the two longest words changed.
	if len(words) >= 12 {
		base := strings.Fields(cmp.Or(out["clauses reordered"], out["active made passive"], strings.Join(words, " ")))
		for i, w := range base {
			if syn, ok := synonyms[strings.ToLower(w)]; ok {
				base[i] = syn
			}
		}
		order := r.Perm(len(base))
		slices.SortStableFunc(order, func(a, b int) int { return len(base[b]) - len(base[a]) })
		n := 2
		for _, i := range order {
			if n > 0 && !negative(base[i]) {
				base[i] = vocab[r.IntN(len(vocab))]
				n--
			}
		}
		out["all at once"] = strings.Join(base, " ")
	}
	return out
}

var auxiliaries = map[string]bool{"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true}

// synonyms is a small list of everyday synonyms, one each.
var synonyms = map[string]string{
	"said": "stated", "says": "states", "important": "significant", "government": "administration",
	"people": "citizens", "country": "nation", "help": "assist", "big": "large", "large": "big",
	"show": "demonstrate", "shows": "demonstrates", "problem": "issue", "problems": "issues",
	"support": "back", "now": "currently", "also": "too", "many": "numerous", "very": "highly",
	"because": "since", "start": "begin", "started": "began", "end": "finish", "need": "require",
	"needs": "requires", "want": "wish", "get": "obtain", "buy": "purchase", "think": "believe",
	"make": "create", "give": "provide", "told": "informed", "asked": "requested", "only": "solely",
	"main": "principal", "new": "fresh", "often": "frequently", "quickly": "rapidly", "begin": "start",
	"whole": "entire", "enough": "sufficient", "about": "regarding", "against": "opposing",
	"however": "but", "continue": "carry on", "increase": "rise", "decision": "ruling",
	"city": "town", "law": "legislation", "war": "conflict", "money": "funds", "children": "kids",
	"women": "females", "work": "labour", "job": "post", "jobs": "posts", "price": "cost", "prices": "costs",
}

// negate puts "not" after the statement's first auxiliary or modal verb,
// or returns "" when it has none or has a negation already.
func negate(words []string) string {
	text := strings.ToLower(strings.Join(words, " "))
	if negative(text) || strings.Contains(text, "nobody") || strings.Contains(text, "nothing") || strings.Contains(text, "cannot") || strings.Contains(text, "none") {
		return ""
	}
	for i, w := range words[:len(words)-1] {
		switch strings.ToLower(w) {
		case "is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "has", "have", "had":
			return strings.Join(slices.Concat(words[:i+1], []string{"not"}, words[i+1:]), " ")
		}
	}
	return ""
}

// TestCorpusParaphraseRecall verifies rewordings of the corpus's
// statements of eight words or more, made at run time (see rewordings),
// and the statements negated: a rewording is found when the statement, or
// a statement of the same words, is among the matches as EXACT, PARTIAL or
// PARAPHRASE; a negated statement must not be matched so. It logs the
// recall of each kind, and fails below 95% overall or on any negated
// statement matched.
func TestCorpusParaphraseRecall(t *testing.T) {
	st := bolttest.Open(t)
	all := corpustest.Ingest(t, st)
	ix := search.Open(st, t.TempDir(), search.Options{})
	defer ix.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	v := &verify.Verifier{Store: st, Index: ix}
	var vocab []string
	for _, s := range all {
		for _, w := range strings.Fields(s.Text) {
			if len(w) > 4 && !negative(w) {
				vocab = append(vocab, strings.Trim(w, ".,;:!?\"“”‘’'()"))
			}
		}
	}
	matched := func(text string, s *store.Statement) (found, first bool) {
		ms, err := v.Verify(ctx, verify.Quote{Text: text})
		if err != nil {
			t.Fatalf("verify %q: %v", text, err)
		}
		same := textfold.Fold(s.Text)
		for i, m := range ms {
			if m.Statement != nil && m.Verdict != verify.NotFound && (m.Statement.ID == s.ID || textfold.Fold(m.Statement.Text) == same) {
				return true, i == 0
			}
		}
		return false, false
	}
	type tally struct{ asked, found, first int }
	counts := map[string]*tally{}
	var total tally
	negatedMatched, negatedAsked := 0, 0
	r := rand.New(rand.NewPCG(13, 17))
	for _, s := range all {
		words := strings.Fields(s.Text)
		if len(words) < 8 {
			continue
		}
		for kind, text := range rewordings(words, vocab, r) {
			c := counts[kind]
			if c == nil {
				c = &tally{}
				counts[kind] = c
			}
			found, first := matched(text, s)
			for _, t := range []*tally{c, &total} {
				t.asked++
				if found {
					t.found++
				}
				if first {
					t.first++
				}
			}
			if !found && testing.Verbose() {
				t.Logf("%s not found: %q\n\tstored: %q", kind, text, s.Text)
			}
		}
		if neg := negate(words); neg != "" {
			negatedAsked++
			if found, _ := matched(neg, s); found {
				negatedMatched++
				t.Errorf("negated quote matched: %q", neg)
			}
		}
	}
	if total.asked < 500 {
		t.Fatalf("only %d rewordings; is the corpus complete?", total.asked)
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		c := counts[k]
		t.Logf("%s: %d of %d found (%.1f%%), %d first", k, c.found, c.asked, 100*float64(c.found)/float64(c.asked), c.first)
	}
	t.Logf("all rewordings: %d of %d found (%.1f%%), %d first; negated: %d of %d matched", total.found, total.asked, 100*float64(total.found)/float64(total.asked), total.first, negatedMatched, negatedAsked)
	if float64(total.found) < 0.95*float64(total.asked) {
		t.Errorf("recall %.1f%%, want 95%% or more", 100*float64(total.found)/float64(total.asked))
	}
}
