package extract

import "context"

// analysis holds the segmented text and what was found in it.
type analysis struct {
	text       string
	toks       []token
	paras      []span
	sents      []sentence
	sentOf     []int // token index -> sentence index
	quotes     []qspan
	heading    []bool   // per paragraph: is a section heading
	topicOf    []string // per paragraph: the heading it stands under
	mentions   []mention
	orgAliases map[string][]string
	defined    map[string]definedTerm // a short name a document defines in parentheses, lower case
	wordCount  map[string]int         // how often each word is written, built when first needed
	gender     map[string]byte        // person's full name -> genderMale or genderFemale
	qix        quoteIndex
	mix        mentionIndex
	// givenRoles holds role words the text uses as given names, with the
	// surname after them ("dean margetts" from "dairy farmer Dean
	// Margetts")
	givenRoles map[string]bool
	// kinNames maps a relative's given name, lower case, to the full name
	// the family's surname gives it ("leila" from "His wife, Leila,")
	kinNames map[string]string
	// namedAsOrg holds the names a noun for a kind of organisation
	// describes somewhere in the text ("fashion retailer Beatrix Lowe"):
	// organisations wherever else they stand, though they read like a
	// person's
	namedAsOrg map[string]bool
	// describedAsOrg holds the names a description of an organisation
	// was found to refer to ("the health authority" for "Westmarch
	// Regional Health"): an organisation in every statement it made
	describedAsOrg map[string]bool
	// ministries are the ministries the text names, the one named last
	// first (findMinistries)
	ministries []string
	// ctx ends the analysis early: see stopped.
	ctx context.Context
}

// analyse segments text and collects names, organisations and headings.
// When ctx ends it stops between steps; the caller checks ctx.Err().
func analyse(ctx context.Context, text string) *analysis {
	a := &analysis{text: text, ctx: ctx}
	a.toks = tokenize(ctx, text)
	a.paras = paragraphs(text)
	for _, step := range []func(){a.findQuotes, a.joinPluralPossessives, a.splitSentences, a.findHeadings, a.findOrgAliases, a.findDefinedTerms, a.findGivenRoles, a.findMentions, a.findMinistries, a.indexMentions, a.findGenders} {
		if a.stopped() {
			break
		}
		step()
	}
	return a
}

// stopped reports whether the analysis's context has ended, after which its
// steps return early with partial results, to be thrown away.
func (a *analysis) stopped() bool {
	return a.ctx.Err() != nil
}

// tokensIn returns the tokens lying within [start, end).
func (a *analysis) tokensIn(start, end int) []token {
	i := a.tokenAt(start)
	j := i
	for j < len(a.toks) && a.toks[j].end <= end {
		j++
	}
	return a.toks[i:j]
}

// tokenAt returns the index of the first token starting at or after pos.
func (a *analysis) tokenAt(pos int) int {
	lo, hi := 0, len(a.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if a.toks[m].start < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
