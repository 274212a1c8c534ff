package extract

import (
	"strings"
)

// stmt is a statement found, before it becomes a Quote.
type stmt struct {
	start, end int
	kind       Kind
	sp         speakerRef
	cue        string
	conf       float64
	pull       bool
}

// cueHit is a reporting cue in a sentence: tokens [at, last].
type cueHit struct {
	at, last  int
	class     cueClass
	according bool
}

// frame is how a cue relates to its speaker and its content.
type frame struct {
	sp        speakerRef
	subjStart int // first token of the subject (or of the cue when none before it)
	after     int // first token after the cue and an inverted subject
	hasSubj   bool
	inverted  bool // "…, said Yagublu."
}

// state is carried from sentence to sentence.
type state struct {
	running  speakerRef // speaker of the latest statement
	blocked  int        // byte offset up to which text belongs to an earlier statement
	consumed []bool     // quotations already part of a statement
	known    map[string]speakerRef
}

// adverbialStarts open the rest of a sentence after "…, X said" that is
// not reported content: "in a statement", "on Monday", "told Reuters".
var adverbialStarts = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true,
	"while": true, "when": true, "via": true, "from": true, "outside": true, "inside": true,
	"last": true, "this": true, "earlier": true, "later": true, "through": true, "as": true,
	"to": true, "with": true, "of": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "today": true,
	"yesterday": true, "recently": true, "previously": true, "then": true, "again": true,
	"by": true, "into": true, "over": true, "under": true, "about": true, "afterward": true,
	"afterwards": true, "too": true, "also": true, "firmly": true, "simply": true, "only": true,
}

// findCues returns the reporting cues of sentence s outside quotations.
func (a *analysis) findCues(s sentence) []cueHit {
	var out []cueHit
	for k := s.first; k < s.last; k++ {
		t := a.toks[k]
		if !t.word || a.insideQuote(t.start) {
			continue
		}
		if t.lower == "according" && k+1 < s.last && a.toks[k+1].lower == "to" {
			out = append(out, cueHit{at: k, last: k + 1, according: true})
			k++
			continue
		}
		cls, ok := cueVerbs[t.lower]
		if !ok {
			continue
		}
		last := k
		next := ""
		if k+1 < s.last {
			next = a.toks[k+1].lower
		}
		switch {
		case strings.HasPrefix(t.lower, "point"):
			if next != "out" {
				continue
			}
			last = k + 1
		case strings.HasPrefix(t.lower, "call"):
			if next == "for" || next == "on" {
				last = k + 1
			}
		case strings.HasPrefix(t.lower, "appeal"):
			if next != "to" {
				continue
			}
		}
		// passive or attributive uses: "was told", "the said", "so-called"
		if k > s.first {
			p := a.toks[k-1].lower
			if passiveMarks[p] && !strings.HasSuffix(t.lower, "ing") {
				continue
			}
		}
		out = append(out, cueHit{at: k, last: last, class: cls})
		k = last
	}
	return out
}

func isParticiple(t token) bool { return strings.HasSuffix(t.lower, "ing") }

// isClosingMarkTok reports whether token i is the closing mark of a
// quotation.
func (a *analysis) isClosingMarkTok(i int) bool {
	return a.quoteEndingAt(a.toks[i].end) >= 0
}

// subjectBefore finds the subject of the cue among the words before it.
func (a *analysis) subjectBefore(s sentence, c cueHit, st *state) (speakerRef, int, bool) {
	j := c.at - 1
	for j >= s.first && a.toks[j].word && skipBeforeCue[a.toks[j].lower] {
		j--
	}
	if j >= s.first && a.toks[j].text == ")" {
		for j >= s.first && a.toks[j].text != "(" {
			j--
		}
		j--
	}
	if j < s.first {
		return speakerRef{}, c.at, false
	}
	t := a.toks[j]
	switch {
	case t.word && isPronounSubject(t.lower):
		return a.resolvePronoun(t.lower, t.start, st), j, true
	case t.word && (t.isCap() || t.isAcronym()):
		n0, ok := a.nameEndingAt(j, s.first)
		if !ok {
			return speakerRef{}, c.at, false
		}
		sp, d0 := a.nameRef(n0, j+1, s.first, st)
		return sp, d0, true
	case t.text == ",":
		m := j - 1
		for m >= s.first && a.toks[m].text != "," {
			m--
		}
		if m <= s.first {
			return speakerRef{}, c.at, false
		}
		n0, ok := a.nameEndingAt(m-1, s.first)
		if !ok {
			return speakerRef{}, c.at, false
		}
		sp, d0 := a.nameRef(n0, m, s.first, st)
		if role, org := a.describe(m+1, j); role != "" || org != "" {
			if role != "" {
				sp.role = role
			}
			if org != "" {
				sp.org = org
			}
			st.known[sp.name] = sp
		}
		return sp, d0, true
	case t.word && (t.lower == "and" || t.lower == "but"):
		if sp, ok := a.sentenceSubject(s, j, st); ok {
			return sp, c.at, true
		}
		return speakerRef{}, c.at, false
	case t.word && !boundaryWords[t.lower] && !determiners[t.lower]:
		if _, isCue := cueVerbs[t.lower]; isCue {
			return speakerRef{}, c.at, false
		}
		k := j
		for k-1 >= s.first && k > j-6 {
			p := a.toks[k-1]
			if !p.word || boundaryWords[p.lower] || isPossessive(p) && !determiners[p.lower] && p.isCap() {
				break
			}
			if _, isCue := cueVerbs[p.lower]; isCue {
				break
			}
			k--
			if determiners[p.lower] {
				break
			}
		}
		if k > s.first && !a.toks[k-1].word && a.toks[k-1].text != "," && !isQuoteMark(a.toks[k-1].text) {
			return speakerRef{}, c.at, false
		}
		np := a.joinTokens(k, j+1)
		return a.phraseRef(np, k, j+1, st), k, true
	}
	return speakerRef{}, c.at, false
}

func isPronounSubject(w string) bool {
	_, ok := subjectPronouns[w]
	return ok
}

// nameRef builds the speaker for the name at tokens [n0, n1) with the
// descriptor words before it ("Member of APFP", "exiled journalist") and
// returns the first token of the whole subject.
func (a *analysis) nameRef(n0, n1, min int, st *state) (speakerRef, int) {
	raw := cleanName(a.joinTokens(n0, n1))
	name := a.canonicalName(raw, a.toks[n0].start)
	sp := speakerRef{name: name, person: !isOrgName(name)}
	if k, ok := st.known[name]; ok {
		sp = k
	}
	d := n0
	for d-1 >= min && n0-d < 8 {
		p := a.toks[d-1]
		if !p.word || (boundaryWords[p.lower] && p.lower != "of") {
			break
		}
		if _, isCue := cueVerbs[p.lower]; isCue {
			break
		}
		d--
	}
	// post-name "of ORG": "Ali Karimli of PFP"
	role, org := a.describe(d, n0)
	if n1+1 < len(a.toks) && a.toks[n1].lower == "of" && (a.toks[n1+1].isAcronym() || a.nameWord(n1+1)) {
		e, _ := a.nameStartingAt(n1+1, len(a.toks))
		org = a.canonOrg(cleanName(a.joinTokens(n1+1, e)))
	}
	if role != "" {
		sp.role = role
	}
	if org != "" {
		sp.org = org
	}
	if !sp.person && (role != "" || sp.name != raw) && !isOrgName(raw) {
		sp.person = true
	}
	if role != "" || org != "" {
		st.known[name] = sp
	}
	return sp, d
}

// phraseRef builds the speaker for a noun phrase subject: a name inside it
// ("the Kenya Red Cross"), a role that names a known speaker ("the
// minister"), or an unnamed source ("activists").
func (a *analysis) phraseRef(np string, i, j int, st *state) speakerRef {
	for k := i; k < j; k++ {
		if a.nameWord(k) || a.toks[k].isAcronym() {
			e, _ := a.nameStartingAt(k, j)
			name := cleanName(a.joinTokens(k, e))
			if e == j || (e < j && orgWords[a.toks[j-1].lower]) {
				if e < j {
					name = cleanName(a.joinTokens(k, j))
				}
				return speakerRef{name: a.canonicalName(name, a.toks[k].start), person: !isOrgName(name)}
			}
		}
	}
	head := a.toks[j-1].lower
	if roleWords[head] {
		var best speakerRef
		for _, sp := range st.known {
			if sp.name != "" && strings.HasSuffix(sp.role, head) {
				best = sp
			}
		}
		if st.running.name != "" && strings.HasSuffix(st.running.role, head) {
			best = st.running
		}
		if best.name != "" {
			return best
		}
		return speakerRef{source: np, role: head}
	}
	return speakerRef{source: np}
}

// sentenceSubject returns the first named source of sentence s before
// token limit: a pronoun opening the sentence or the first name outside
// quotations.
func (a *analysis) sentenceSubject(s sentence, limit int, st *state) (speakerRef, bool) {
	var acr = -1
	for k := s.first; k < limit; k++ {
		t := a.toks[k]
		if !t.word || a.insideQuote(t.start) {
			continue
		}
		if k == s.first && isPronounSubject(t.lower) {
			return a.resolvePronoun(t.lower, t.start, st), true
		}
		if t.isAcronym() && !functionCaps[t.lower] {
			if acr < 0 {
				acr = k
			}
			continue
		}
		if a.nameWord(k) {
			e, _ := a.nameStartingAt(k, limit)
			sp, _ := a.nameRef(k, e, s.first, st)
			return sp, true
		}
	}
	if acr >= 0 {
		sp, _ := a.nameRef(acr, acr+1, s.first, st)
		return sp, true
	}
	return speakerRef{}, false
}

// resolvePronoun maps a subject pronoun to the running speaker or the
// latest person named.
func (a *analysis) resolvePronoun(p string, pos int, st *state) speakerRef {
	switch p {
	case "he", "she", "i":
		if st.running.person && st.running.name != "" {
			return st.running
		}
		if n := a.lastPersonBefore(pos, 3000); n != "" {
			if k, ok := st.known[n]; ok {
				return k
			}
			return speakerRef{name: n, person: true}
		}
	default:
		if !st.running.empty() {
			return st.running
		}
	}
	return speakerRef{source: p}
}

// subjectAfter parses an inverted subject: "said Yagublu", "said police
// Chief Joseph Boinnet, adding …". It returns the speaker and the token
// after the subject.
func (a *analysis) subjectAfter(s sentence, c cueHit, st *state) (speakerRef, int, bool) {
	k := c.last + 1
	e := k
	for e < s.last && a.toks[e].word && e < k+10 {
		e++
	}
	if e == k {
		return speakerRef{}, k, false
	}
	if isPronounSubject(a.toks[k].lower) {
		return a.resolvePronoun(a.toks[k].lower, a.toks[k].start, st), k + 1, true
	}
	for n := e - 1; n >= k; n-- {
		if a.nameWord(n) || a.toks[n].isAcronym() {
			n0, _ := a.nameEndingAt(n, k)
			sp, _ := a.nameRef(n0, n+1, k, st)
			return sp, n + 1, true
		}
	}
	if determiners[a.toks[k].lower] && e-k <= 5 {
		return a.phraseRef(a.joinTokens(k, e), k, e, st), e, true
	}
	return speakerRef{}, k, false
}
