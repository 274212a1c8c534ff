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
	running   speakerRef // speaker of the latest statement
	runningAt int        // byte offset where that statement ends
	stmtSent  int        // sentence of the latest statement, -1 before any
	subjSent  int        // sentence whose opening named lastSubj, -1 before any
	lastSubj  speakerRef // person named at the start of the latest sentence that names one
	blocked   int        // byte offset up to which text belongs to an earlier statement
	consumed  []bool     // quotations already part of a statement
	known     map[string]speakerRef
	recent    []speakerRef // persons who were subjects, latest last
	orgs      []speakerRef // named speakers that are not persons, latest last
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
		if t.isCap() && k > s.first && a.toks[k-1].word {
			continue // part of a name: "Wayne State University"
		}
		if a.negatedAt(k, s.first) {
			continue // "did not say", "won't comment": nothing was reported
		}
		if nounableCues[t.lower] && k+1 < s.last && finiteAfterNoun[a.toks[k+1].lower] {
			continue // a noun before its verb: "a fresh study shows", "the claims were"
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
			if isPossessive(a.toks[k-1]) || possessivePronouns[p] {
				continue // "the mayor's claims", "his report"
			}
			if isNumber(a.toks[k-1]) || numberWords[p] {
				continue // "seven state titles", "two reports"
			}
		}
		if k > s.first && a.toks[k-1].word && k+1 < s.last && roleWords[a.toks[k+1].lower] && !a.toks[k+1].isCap() {
			continue // a modifier of a role: "state senator", "report author"
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
	case t.word && (t.isCap() || t.isAcronym()) && !quantifiers[t.lower]:
		n0, ok := a.nameEndingAt(j, s.first)
		if !ok || !a.plausibleName(n0, j+1) {
			return speakerRef{}, c.at, false
		}
		if n0 > s.first && a.toks[n0-1].lower == "the" && affiliationNouns[t.lower] {
			// "the Nevada Democrat said": a description, not a name
			return a.phraseRef(a.joinTokens(n0-1, j+1), n0-1, j+1, st), n0 - 1, true
		}
		// the organisation after a person: "Ali Karimli of PFP reports",
		// "Tim Guest with the Harbour Authority says"
		p := n0 - 1
		if p > s.first && a.toks[p].lower == "the" {
			p--
		}
		if p >= s.first+1 && personLinks[a.toks[p].lower] {
			if p0, ok := a.nameEndingAt(p-1, s.first); ok && !isOrgName(a.joinTokens(p0, p)) && !(p0 > s.first && (a.toks[p0-1].lower == "the" || prepositions[a.toks[p0-1].lower])) {
				sp, d0 := a.nameRef(p0, p, s.first, st)
				return sp, d0, true
			}
		}
		if n0 > s.first && prepositions[a.toks[n0-1].lower] {
			// the object of a preposition is not the subject: "X who in his
			// interview to the Voice of America called for"
			if sp, ok := a.relativeSubject(s, n0, st); ok {
				return sp, c.at, true
			}
			return speakerRef{}, c.at, false
		}
		sp, d0 := a.nameRef(n0, j+1, s.first, st)
		return sp, d0, true
	case t.word && t.lower == "who":
		if sp, ok := a.relativeSubject(s, j+1, st); ok {
			return sp, c.at, true
		}
		return speakerRef{}, c.at, false
	case t.word && (t.lower == "that" || t.lower == "which") && j-1 > s.first && a.toks[j-1].text == ",":
		// "the statement by the embassy, that calls for": the noun phrase
		// before the comma
		for k := j - 2; k >= s.first && k > j-16; k-- {
			p := a.toks[k]
			if !p.word || a.insideQuote(p.start) {
				break
			}
			if determiners[p.lower] {
				return a.phraseRef(a.joinTokens(k, j-1), k, j-1, st), c.at, true
			}
		}
		return speakerRef{}, c.at, false
	case t.word && quantifiers[t.lower]:
		return speakerRef{source: t.text}, j, true
	case t.text == ",":
		m := j - 1
		for m >= s.first && a.toks[m].text != "," {
			m--
		}
		if m <= s.first {
			return speakerRef{}, c.at, false
		}
		// (not when it ends in a role word: "Jim Roe, Eastside MP, said")
		if n0, ok := a.nameEndingAt(j-1, m+1); ok && a.onlyDescriptors(m+1, n0) && !isOrgName(a.joinTokens(n0, j)) && !roleWords[a.toks[j-1].lower] {
			// the name is the apposition: "her lawyer, Jane Roe, said",
			// "one senator, Montana Sen. Jo Tan, said"
			sp, _ := a.nameRef(n0, j, m+1, st)
			if role, org := a.describe(max(s.first, m-4), m); role != "" {
				sp.role = role
				if org != "" {
					sp.org = org
				}
			}
			return sp, max(s.first, m-4), true
		}
		n0, ok := a.nameEndingAt(m-1, s.first)
		if !ok || !a.isPersonName(n0, m) || n0 > s.first && (prepositions[a.toks[n0-1].lower] || a.toks[n0-1].lower == "the") {
			// a long apposition or relative clause after the person who
			// opens the sentence: "Ann Roe, who ran the club, a charity
			// based in Eastport, says"; a name after a preposition is in
			// the apposition, not its head
			if sp, ok := a.leadPerson(s, j, st); ok {
				return sp, s.first, true
			}
		}
		if !ok {
			// an unnamed source with a relative clause: "a resident, whose
			// name was withheld, wrote"
			if sp, d0, ok := a.describedSource(s, m, st); ok {
				return sp, d0, true
			}
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
		// "The poet deleted the poem and said that": the opening noun phrase
		e := s.first
		for e < j && a.toks[e].word && !boundaryWords[a.toks[e].lower] && e < s.first+5 {
			if _, isCue := cueVerbs[a.toks[e].lower]; isCue && e > s.first {
				break
			}
			e++
		}
		if e > s.first+1 && determiners[a.toks[s.first].lower] {
			return a.phraseRef(a.joinTokens(s.first, e-1), s.first, e-1, st), c.at, true
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
		if k == j && (t.lower == "you" || t.lower == "one") {
			return speakerRef{}, c.at, false // generic: "when you say", "one might think"
		}
		np := a.joinTokens(k, j+1)
		return a.phraseRef(np, k, j+1, st), k, true
	}
	return speakerRef{}, c.at, false
}

// negatedAt reports whether the reporting verb at token k is negated:
// "not", "never" or an "n't" form before it, over auxiliaries and adverbs.
func (a *analysis) negatedAt(k, first int) bool {
	for j := k - 1; j >= first && j >= k-3; j-- {
		w := a.toks[j].lower
		if w == "not" || w == "never" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
		if !a.toks[j].word || !skipBeforeCue[w] {
			return false
		}
	}
	return false
}

// nounableCues are reporting verb forms that are also nouns.
var nounableCues = map[string]bool{
	"report": true, "reports": true, "claim": true, "claims": true, "comment": true,
	"comments": true, "note": true, "notes": true, "post": true, "posts": true,
	"tweet": true, "tweets": true, "estimate": true, "estimates": true, "fear": true,
	"fears": true, "hope": true, "hopes": true, "promise": true, "promises": true,
	"demand": true, "demands": true, "call": true, "calls": true, "appeal": true,
	"appeals": true, "remark": true, "remarks": true, "statement": true, "worries": true,
}

// finiteAfterNoun are verbs whose coming right after a noun-like cue
// word shows that word is the subject noun ("the report found").
var finiteAfterNoun = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "had": true,
	"have": true, "shows": true, "showed": true, "found": true, "finds": true,
	"will": true, "would": true, "could": true, "may": true, "might": true,
	"should": true, "can": true, "must": true, "suggests": true, "suggested": true,
	"says": true, "said": true, "indicates": true, "indicated": true, "concluded": true,
	"concludes": true, "states": true, "stated": true, "notes": true, "noted": true,
	"recommends": true, "recommended": true, "predicts": true, "predicted": true,
}

// numberWords before a cue word make it a noun ("four reports").
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "dozen": true, "several": true,
}

// possessivePronouns before a cue word make it a noun.
var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true}

// quantifiers can stand alone as the subject of a report ("Many argue").
var quantifiers = map[string]bool{"many": true, "some": true, "others": true, "most": true, "several": true, "few": true}

// personLinks join a person's name to the organisation named after it.
var personLinks = map[string]bool{"of": true, "with": true, "from": true, "at": true}

// prepositions that make the following name an object, not a subject.
var prepositions = map[string]bool{
	"of": true, "to": true, "in": true, "at": true, "from": true, "with": true,
	"by": true, "for": true, "on": true, "against": true, "about": true, "into": true,
}

// relativeSubject finds the antecedent of the nearest "who" before token
// limit: "X, a former ambassador, who …" or "X who …".
func (a *analysis) relativeSubject(s sentence, limit int, st *state) (speakerRef, bool) {
	for w := limit - 1; w > s.first; w-- {
		if a.toks[w].lower != "who" {
			continue
		}
		k := w - 1
		if a.toks[k].text == "," {
			k--
			// a name right before ", who" is the antecedent unless it ends
			// an apposition: "X, the adviser of the president of Y, who"
			if n0, ok := a.nameEndingAt(k, s.first); ok && !(n0 > s.first && (prepositions[a.toks[n0-1].lower] || a.toks[n0-1].lower == "the")) {
				sp, _ := a.nameRef(n0, k+1, s.first, st)
				return sp, true
			}
			m := k
			for m > s.first && a.toks[m].text != "," {
				m--
			}
			if m > s.first {
				if n0, ok := a.nameEndingAt(m-1, s.first); ok {
					sp, _ := a.nameRef(n0, m, s.first, st)
					if role, org := a.describe(m+1, k+1); role != "" || org != "" {
						sp.role, sp.org = role, org
					}
					return sp, true
				}
			}
			return speakerRef{}, false
		}
		if n0, ok := a.nameEndingAt(k, s.first); ok {
			sp, _ := a.nameRef(n0, k+1, s.first, st)
			return sp, true
		}
		return speakerRef{}, false
	}
	return speakerRef{}, false
}

// plausibleName rejects a lone capitalised word at the start of a sentence
// that the text never uses as a name elsewhere ("Interestingly said").
func (a *analysis) plausibleName(i, j int) bool {
	if j-i > 1 || a.toks[i].isAcronym() || a.sentOf[i] < 0 || a.sents[a.sentOf[i]].first != i {
		return true
	}
	w := cleanName(a.toks[i].text)
	if strings.HasSuffix(w, "ly") {
		return false
	}
	for _, m := range a.mentions {
		for _, f := range strings.Fields(m.name) {
			if f == w {
				return true
			}
		}
	}
	for k, t := range a.toks {
		if t.text == a.toks[i].text && k != i && a.sents[a.sentOf[k]].first != k {
			return true
		}
	}
	return false
}

func isPronounSubject(w string) bool {
	_, ok := subjectPronouns[w]
	return ok
}

// nameRef builds the speaker for the name at tokens [n0, n1) with the
// descriptor words before it ("Member of APFP", "exiled journalist") and
// returns the first token of the whole subject.
func (a *analysis) nameRef(n0, n1, min int, st *state) (speakerRef, int) {
	var orgPrefix string
	for k := n1 - 2; k >= n0; k-- {
		if orgWords[strings.ToLower(a.toks[k].text)] && a.nameWord(k+1) {
			orgPrefix = a.joinTokens(n0, k+1)
			n0 = k + 1
			break
		}
	}
	raw := cleanName(a.joinTokens(n0, n1))
	name := a.canonicalName(raw, a.toks[n0].start)
	sp := speakerRef{name: name, person: !isOrgName(name)}
	if k, ok := st.known[name]; ok {
		sp = k
	}
	d := n0
	for d-1 >= min && n0-d < 10 {
		p := a.toks[d-1]
		if p.text == ")" && d-3 >= min && a.toks[d-3].text == "(" {
			d -= 3 // "the Blue Harbour Party (BHP) Karl Ostrander"
			continue
		}
		if !p.word || (boundaryWords[p.lower] && p.lower != "of") {
			break
		}
		if _, isCue := cueVerbs[p.lower]; isCue {
			break
		}
		d--
	}
	// post-name "of ORG": "Omar Selby of XDP"
	role, org := a.describe(d, n0)
	if n1+1 < len(a.toks) && a.toks[n1].lower == "of" && (a.toks[n1+1].isAcronym() || a.nameWord(n1+1)) {
		e, _ := a.nameStartingAt(n1+1, len(a.toks))
		org = a.canonOrg(cleanName(a.joinTokens(n1+1, e)))
	}
	if org == "" && orgPrefix != "" {
		org = a.canonOrg(orgPrefix)
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
// ("the Harbour Red Cross"), a definite description that refers back to a
// named speaker ("the minister", "the company", "the California
// Democrat"), or an unnamed source ("activists").
func (a *analysis) phraseRef(np string, i, j int, st *state) speakerRef {
	head := a.toks[j-1].lower
	definite := a.definiteAt(i)
	if documentNouns[head] {
		if sp, ok := a.documentAuthor(i, j, st); ok {
			return sp
		}
	}
	if definite && affiliationNouns[head] {
		// "the Vermont Republican said": a descriptor, not a name
		if sp, ok := a.describedPerson(head, a.toks[i].start, true, st); ok {
			return sp
		}
	}
	for k := i; k < j; k++ {
		if a.nameWord(k) || a.toks[k].isAcronym() {
			e, _ := a.nameStartingAt(k, j)
			name := cleanName(a.joinTokens(k, e))
			if e == j {
				return speakerRef{name: a.canonicalName(name, a.toks[k].start), person: !isOrgName(name)}
			}
			if orgWords[a.toks[j-1].lower] {
				// "the Daily Example newspaper", "Acme news agency": a
				// name and, in lower case, the kind of organisation it
				// names, which is a descriptor and not part of the name.
				if e == j-1 || !a.toks[j-1].isCap() && a.descriptorRun(e, j) {
					return speakerRef{name: name}
				}
				return speakerRef{name: cleanName(a.joinTokens(k, j))}
			}
		}
	}
	if definite && (orgNouns[head] || genericOrgNouns[head]) {
		if sp, ok := a.describedOrg(head, a.toks[i].start, st); ok {
			return sp
		}
	}
	if definite && !kinWords[head] && (roleWords[head] || a.hasAge(i, j)) {
		if sp, ok := a.describedPerson(head, a.toks[i].start, a.hasAge(i, j) || !anonymousRoles[head], st); ok {
			return sp
		}
	}
	if roleWords[head] {
		return speakerRef{source: np, role: head}
	}
	return speakerRef{source: np}
}

// descriptorRun reports whether tokens [i, j) are lower-case words, as
// in "news agency" after a name.
func (a *analysis) descriptorRun(i, j int) bool {
	for k := i; k < j; k++ {
		if !a.toks[k].word || a.toks[k].isCap() {
			return false
		}
	}
	return true
}

// documentNouns name statements and documents; a report "by" one of them
// is the report of its author ("A statement said", "the post read").
var documentNouns = map[string]bool{
	"statement": true, "statements": true, "release": true, "post": true, "report": true,
	"memo": true, "study": true, "letter": true, "tweet": true, "email": true, "survey": true,
	"findings": true, "document": true, "documents": true, "filing": true, "notice": true,
	"audit": true, "blog": true, "submission": true, "paper": true, "analysis": true,
}

// authorWindow is how far back, in bytes, the latest statement's speaker
// is taken as the author of a document a report cites.
const authorWindow = 1500

// documentAuthor resolves a document noun phrase (tokens [i, j)) to its
// author: a name right before the head or in a possessive before the
// phrase ("the Acme study", "Roe's letter"), else, for a single document
// introduced by an article, the speaker of a statement just before ("Acme
// said … A statement said"); "documents show" stays unnamed.
func (a *analysis) documentAuthor(i, j int, st *state) (speakerRef, bool) {
	ref := func(n0, n1 int) speakerRef {
		name := a.canonicalName(cleanName(a.joinTokens(n0, n1)), a.toks[n0].start)
		if k, ok := st.known[name]; ok {
			return k
		}
		return speakerRef{name: name, person: !isOrgName(name)}
	}
	if j-2 >= i && (a.nameWord(j-2) || a.toks[j-2].isAcronym()) && !isPossessive(a.toks[j-2]) {
		if n0, ok := a.nameEndingAt(j-2, i); ok && a.plausibleName(n0, j-1) {
			return ref(n0, j-1), true
		}
	}
	if p := i - 1; p >= 0 && isPossessive(a.toks[p]) && a.nameWord(p) {
		n0 := p
		for n0-1 >= 0 && n0 > p-4 && a.nameWord(n0-1) && !isPossessive(a.toks[n0-1]) {
			n0--
		}
		return ref(n0, p+1), true
	}
	if d := a.toks[i].lower; (d == "a" || d == "the" || d == "this" || d == "that") && st.running.name != "" && a.toks[i].start-st.runningAt < authorWindow {
		return st.running, true
	}
	return speakerRef{}, false
}

// affiliationNouns name a person by party or faction; as the head of a
// definite description ("the Ohio Republican") they refer to a person named
// earlier.
var affiliationNouns = map[string]bool{
	"democrat": true, "republican": true, "conservative": true, "liberal": true,
	"tory": true, "socialist": true, "nationalist": true, "libertarian": true,
	"independent": true, "progressive": true, "populist": true, "centrist": true,
}

// affiliationWindow is how far back, in bytes, a party description looks
// for the person named last.
const affiliationWindow = 600

// anonymousRoles are roles reporters give sources they do not name ("the
// official said", "a spokesperson"); such a description refers back only
// to someone introduced with that word.
var anonymousRoles = map[string]bool{
	"official": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"employee": true, "worker": true, "resident": true, "witness": true, "officer": true,
	"source": true, "expert": true, "analyst": true, "volunteer": true, "victim": true,
	"survivor": true, "student": true, "agent": true, "staff": true, "member": true,
}

// kinWords name relatives; "the father" in a report is usually a new,
// unnamed person, not someone named before.
var kinWords = map[string]bool{
	"father": true, "mother": true, "son": true, "daughter": true, "brother": true,
	"sister": true, "wife": true, "husband": true, "widow": true, "uncle": true,
	"aunt": true, "cousin": true, "grandmother": true, "grandfather": true, "friend": true,
	"neighbour": true, "neighbor": true, "parents": true,
}

// genericOrgNouns are heads of definite descriptions that refer back to
// the organisation last quoted even when its name does not contain them:
// "Acme said … the company said", "the agency told".
var genericOrgNouns = map[string]bool{
	"company": true, "firm": true, "agency": true, "group": true, "organization": true,
	"organisation": true, "business": true, "retailer": true, "airline": true,
	"carrier": true, "manufacturer": true, "automaker": true, "charity": true,
	"newspaper": true, "broadcaster": true, "publication": true, "outlet": true,
	"startup": true, "insurer": true, "developer": true, "operator": true,
	"supplier": true, "giant": true, "platform": true, "regulator": true, "watchdog": true,
}

// orgNouns are heads of definite descriptions that refer back to an
// organisation whose name contains them ("the union" after "the Teachers'
// Union"); without such a name they stay unnamed sources.
var orgNouns = map[string]bool{
	"network": true, "union": true, "diocese": true, "church": true,
	"university": true, "school": true, "ministry": true, "department": true,
	"association": true, "foundation": true, "institute": true, "coalition": true,
	"party": true, "bank": true, "club": true, "team": true, "league": true,
	"commission": true, "committee": true, "council": true, "board": true,
	"utility": true,
}

// definiteAt reports whether the noun phrase starting at token i is a
// definite description: it opens with "the", or it continues one after a
// comma ("the tall, soft-spoken engineer").
func (a *analysis) definiteAt(i int) bool {
	if a.toks[i].lower == "the" {
		return true
	}
	if i > 0 && a.toks[i-1].text == "," {
		for k := i - 2; k >= 0 && k >= i-4; k-- {
			if a.toks[k].lower == "the" {
				return true
			}
			if !a.toks[k].word {
				break
			}
		}
	}
	return false
}

// hasAge reports whether tokens [i, j) give an age ("the 32-year-old
// labourer"), which marks a description of a person.
func (a *analysis) hasAge(i, j int) bool {
	for k := i; k < j; k++ {
		if strings.Contains(a.toks[k].lower, "-year-old") {
			return true
		}
	}
	return false
}

// describedPerson resolves a definite description of a person with head
// noun head at byte pos: the latest person named before pos with that word
// next to the name ("Mayor Doug McCallum", "Jane Roe, the mayor"), else a
// known speaker with that role, else, when salient is set (descriptions
// that only fit someone already introduced: an age, a party), the latest
// person who was a subject and whose gender does not contradict the head.
func (a *analysis) describedPerson(head string, pos int, salient bool, st *state) (speakerRef, bool) {
	ref := func(name string) speakerRef {
		if k, ok := st.known[name]; ok {
			return k
		}
		return speakerRef{name: name, person: true}
	}
	for k := len(a.mentions) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if m.pos >= pos || !m.person || !strings.Contains(m.name, " ") {
			continue
		}
		i := a.tokenAt(m.pos)
		for d := i - 1; d >= 0 && d >= i-3 && a.toks[d].word; d-- {
			if a.toks[d].lower == head {
				return ref(m.name), true
			}
		}
		e, _ := a.nameStartingAt(i, len(a.toks))
		if e < len(a.toks) && a.toks[e].text == "," {
			for d := e + 1; d < len(a.toks) && d <= e+6 && a.toks[d].word; d++ {
				if a.toks[d].lower == head {
					return ref(m.name), true
				}
			}
		}
	}
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
		return best, true
	}
	if !salient {
		return speakerRef{}, false
	}
	if affiliationNouns[head] {
		// "… Sen. Jo Tan blamed the media. “…,” the Ohio Republican said":
		// the person named last, when named just before
		if n := a.lastPersonBefore(pos, affiliationWindow); n != "" {
			return ref(n), true
		}
	}
	g := genderedRoles[head]
	for k := len(st.recent) - 1; k >= 0 && k >= len(st.recent)-salienceDepth; k-- {
		if gk := a.gender[st.recent[k].name]; g == genderUnknown || gk == g || gk == genderUnknown {
			return st.recent[k], true
		}
	}
	return speakerRef{}, false
}

// describedOrg resolves a definite description of an organisation with
// head noun head at byte pos: the latest organisation named before pos
// whose name has that word ("the union" for "the Teachers' Union"), else
// the latest named speaker that is not a person.
func (a *analysis) describedOrg(head string, pos int, st *state) (speakerRef, bool) {
	for k := len(a.mentions) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if m.pos >= pos || pos-m.pos > 3000 {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(m.name)) {
			if w == head {
				return speakerRef{name: m.name}, true
			}
		}
	}
	if genericOrgNouns[head] && len(st.orgs) > 0 {
		return st.orgs[len(st.orgs)-1], true
	}
	return speakerRef{}, false
}

// sentenceSubject returns the first named source of sentence s before
// token limit: a pronoun opening the sentence or the first name outside
// quotations.
func (a *analysis) sentenceSubject(s sentence, limit int, st *state) (speakerRef, bool) {
	var acr = -1
	from := s.first
	if e := a.adverbialIntro(s, limit); e >= 0 {
		from = e + 1 // "Shortly after the arrest of Ann Roe, the ministry …"
	}
	for k := from; k < limit; k++ {
		t := a.toks[k]
		if !t.word || a.insideQuote(t.start) {
			continue
		}
		if k == from && isPronounSubject(t.lower) {
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

// noteSubject remembers the person named in the opening noun phrase of
// sentence s, the likeliest antecedent of a later "he" or "she". The phrase
// may carry descriptors before the name ("The XDP leader Omar Selby",
// "Harbour Ministry spokesperson Ines Vahl"), so the walk passes over
// determiners, role words and organisation names and keeps the last person
// name before the first other word (normally the verb). It reports
// whether a person was noted.
func (a *analysis) noteSubject(s sentence, st *state) bool {
	name, stop := a.openingName(s.first, s)
	if name == "" && !stop {
		// after a short introductory phrase: "On Monday, Ann Roe …",
		// "Given his views, Ann Roe, the head of …"
		if k := a.introComma(s); k >= 0 {
			name, _ = a.openingName(k+1, s)
		}
	}
	if name == "" {
		return false
	}
	sp := speakerRef{name: name, person: true}
	if kn, ok := st.known[name]; ok {
		sp = kn
	}
	st.noteSalient(sp)
	return true
}

// openingName returns the person named in the noun phrase that starts at
// token from of sentence s. stop is set when the phrase shows that no
// person is its subject ("Karimli's lawyer", "Roe of …").
func (a *analysis) openingName(from int, s sentence) (name string, stop bool) {
	for k := from; k < s.last && k < from+10; {
		t := a.toks[k]
		if a.titleDot(k) {
			k++
			continue
		}
		if !t.word || a.insideQuote(t.start) {
			break
		}
		if determiners[t.lower] || roleWords[t.lower] || honorifics[t.lower] || isNumber(t) {
			k++
			continue
		}
		if !a.nameWord(k) && !t.isAcronym() {
			break
		}
		e, _ := a.nameStartingAt(k, s.last)
		n := a.canonicalName(cleanName(a.joinTokens(k, e)), t.start)
		if !isOrgName(n) && !(k > from && a.toks[k-1].lower == "the") && (strings.Contains(n, " ") || a.appositiveRole(e, s.last)) {
			name = n // "the Nevada Democrat" describes, a person's name takes no article
		}
		if isPossessive(a.toks[e-1]) {
			return "", true // "Karimli's lawyer": the name is not the subject
		}
		k = e
		if e < s.last && (a.toks[e].lower == "of" || a.toks[e].lower == "and") {
			return "", true
		}
	}
	return name, false
}

// appositiveRole reports whether token i opens an apposition that gives a
// role: ", a resident of …", ", the owner of …". A lone capitalised word
// with such an apposition is a person's name.
func (a *analysis) appositiveRole(i, limit int) bool {
	if i+1 >= limit || a.toks[i].text != "," || !determiners[a.toks[i+1].lower] {
		return false
	}
	for k := i + 2; k < limit && k < i+6; k++ {
		t := a.toks[k]
		if !t.word {
			return false
		}
		if roleWords[t.lower] {
			return true
		}
	}
	return false
}

// introComma returns the comma that ends a short introductory phrase of
// sentence s ("On Monday,", "Down the street,"), or -1. The phrase holds no
// quotation, reporting verb or name of a person.
func (a *analysis) introComma(s sentence) int {
	for k := s.first; k < s.last && k < s.first+14; k++ {
		t := a.toks[k]
		if t.text == "," {
			if k == s.first {
				return -1
			}
			return k
		}
		if !t.word || a.insideQuote(t.start) {
			return -1
		}
		if _, isCue := cueVerbs[t.lower]; isCue {
			return -1
		}
		if a.nameWord(k) && k > s.first {
			if e, _ := a.nameStartingAt(k, s.last); a.isPersonName(k, e) {
				return -1
			}
		}
	}
	return -1
}

// resolvePronoun maps a subject pronoun to the running speaker or the
// latest person named. "he" and "she" take the most salient person (the
// latest subject) whose gender does not contradict the pronoun, so that two
// alternating speakers of different gender are told apart.
func (a *analysis) resolvePronoun(p string, pos int, st *state) speakerRef {
	switch p {
	case "he", "she", "i":
		if g := pronounGender[p]; g != genderUnknown {
			for k := len(st.recent) - 1; k >= 0 && k >= len(st.recent)-salienceDepth; k-- {
				if gk := a.gender[st.recent[k].name]; gk == g || gk == genderUnknown {
					return st.recent[k]
				}
			}
		}
		if st.lastSubj.name != "" {
			return st.lastSubj
		}
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

// salienceDepth is how many recent subjects a gendered pronoun looks back
// over for one of its gender.
const salienceDepth = 4

// noteSalient records sp as the latest subject: the antecedent "he" or
// "she" prefers.
func (st *state) noteSalient(sp speakerRef) {
	st.lastSubj = sp
	for k, r := range st.recent {
		if r.name == sp.name {
			st.recent = append(st.recent[:k], st.recent[k+1:]...)
			break
		}
	}
	st.recent = append(st.recent, sp)
}

// subjectAfter parses an inverted subject: "said Yagublu", "said police
// Chief Joseph Boinnet, adding …". It returns the speaker and the token
// after the subject.
func (a *analysis) subjectAfter(s sentence, c cueHit, st *state) (speakerRef, int, bool) {
	k := c.last + 1
	e := k
	for e < s.last && (a.toks[e].word || a.titleDot(e)) && e < k+10 {
		e++
	}
	if e == k {
		return speakerRef{}, k, false
	}
	if isPronounSubject(a.toks[k].lower) {
		return a.resolvePronoun(a.toks[k].lower, a.toks[k].start, st), k + 1, true
	}
	first := a.toks[k]
	if !first.word || badAfterClauseCue[first.lower] || adverbialStarts[first.lower] || first.lower == "that" {
		return speakerRef{}, k, false
	}
	// a plain lower-case noun opens the reported clause, not an inverted
	// subject ("said landlords in Eastport will …"), unless descriptors
	// lead to a name ("said police Chief Ann Roe", "said oil and gas
	// worker Ann Roe")
	if !first.isCap() && !determiners[first.lower] && !quantifiers[first.lower] && !a.descriptorsToName(k, s.last) {
		return speakerRef{}, k, false
	}
	// the name ends before an organisation linked to it: "said Ann Roe
	// with the Harbour Union"
	for n := k; n < e; n++ {
		if personLinks[a.toks[n].lower] && n > k {
			e = n
			break
		}
	}
	for n := e - 1; n >= k; n-- {
		if a.nameWord(n) || a.toks[n].isAcronym() {
			n0, ok := a.nameEndingAt(n, k)
			if !ok {
				return speakerRef{}, k, false
			}
			sp, _ := a.nameRef(n0, n+1, k, st)
			return sp, n + 1, true
		}
	}
	if determiners[a.toks[k].lower] && e-k <= 5 {
		return a.phraseRef(a.joinTokens(k, e), k, e, st), e, true
	}
	return speakerRef{}, k, false
}

// onlyDescriptors reports whether tokens [i, j) can all stand before a
// name in an apposition: capitalised words, titles and their dots, role
// words ("Montana Sen.", "Harbour MP").
func (a *analysis) onlyDescriptors(i, j int) bool {
	for k := i; k < j; k++ {
		t := a.toks[k]
		if a.titleDot(k) || t.word && (t.isCap() || roleWords[t.lower] || honorifics[t.lower]) {
			continue
		}
		return false
	}
	return true
}

// isPersonName reports whether the name written at tokens [i, j) is a
// person's name of two or more words.
func (a *analysis) isPersonName(i, j int) bool {
	words := 0
	for k := i; k < j; k++ {
		if a.toks[k].word {
			words++
		}
	}
	return words >= 2 && !isOrgName(a.joinTokens(i, j))
}

// leadPerson finds the person's name that opens sentence s, or its main
// clause after a short introductory phrase ("On Monday, …"), when a comma
// follows the name (or "of/with ORG" after it) before token limit. Titles,
// role words and capitalised descriptors may precede the name ("Toronto
// retiree Ann Roe", "Sen. Jo Tan of Ohio").
func (a *analysis) leadPerson(s sentence, limit int, st *state) (speakerRef, bool) {
	if sp, ok := a.leadPersonAt(s.first, limit, st); ok {
		return sp, true
	}
	for k := s.first; k < limit && k < s.first+7; k++ {
		t := a.toks[k]
		if t.text == "," {
			if k > s.first {
				return a.leadPersonAt(k+1, limit, st)
			}
			break
		}
		if !t.word || a.insideQuote(t.start) || a.nameWord(k) && k > s.first {
			break
		}
		if _, isCue := cueVerbs[t.lower]; isCue {
			break
		}
	}
	return speakerRef{}, false
}

func (a *analysis) leadPersonAt(from, limit int, st *state) (speakerRef, bool) {
	for k := from; k < limit && k < from+8; {
		t := a.toks[k]
		if a.titleDot(k) {
			k++
			continue
		}
		if !t.word || a.insideQuote(t.start) {
			return speakerRef{}, false
		}
		if a.nameWord(k) {
			e, _ := a.nameStartingAt(k, limit)
			if isPossessive(a.toks[e-1]) {
				return speakerRef{}, false
			}
			if !a.isPersonName(k, e) || k > from && a.toks[k-1].lower == "the" {
				k = e
				continue
			}
			after := e
			if after+1 < limit && personLinks[a.toks[after].lower] {
				o := after + 1
				if a.toks[o].lower == "the" {
					o++
				}
				if o < limit && (a.nameWord(o) || a.toks[o].isAcronym()) {
					after, _ = a.nameStartingAt(o, limit)
				}
			}
			if after >= limit || a.toks[after].text != "," {
				return speakerRef{}, false
			}
			sp, _ := a.nameRef(k, e, from, st)
			return sp, true
		}
		if _, isCue := cueVerbs[t.lower]; isCue || boundaryWords[t.lower] {
			return speakerRef{}, false
		}
		if t.isCap() && !determiners[t.lower] && !honorifics[t.lower] && !roleWords[t.lower] && !isNumber(t) && k > from {
			return speakerRef{}, false
		}
		k++
	}
	return speakerRef{}, false
}

// describedSource parses an unnamed source that ends before the comma at
// token m and opens after a comma, a quotation or the sentence start: "a
// resident, whose name was withheld, wrote", "“…,” another member of the
// public, who …, said". The phrase must open with a determiner; its head is
// the noun before any preposition or participle.
func (a *analysis) describedSource(s sentence, m int, st *state) (speakerRef, int, bool) {
	k := m
	for k-1 >= s.first && k > m-8 {
		p := a.toks[k-1]
		if !p.word || a.insideQuote(p.start) {
			break
		}
		_, isCue := cueVerbs[p.lower]
		if isCue && !(k-2 >= s.first && determiners[a.toks[k-2].lower]) || boundaryWords[p.lower] && !prepositions[p.lower] {
			return speakerRef{}, 0, false // a verb: not a noun phrase ("the report")
		}
		k--
	}
	if k >= m || !determiners[a.toks[k].lower] || k > s.first && a.toks[k-1].text != "," && !a.isClosingMarkTok(k-1) {
		return speakerRef{}, 0, false
	}
	head := m
	for h := k + 1; h < m; h++ {
		w := a.toks[h].lower
		if prepositions[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
			head = h
			break
		}
	}
	sp := a.phraseRef(a.joinTokens(k, m), k, head, st)
	return sp, k, true
}

// descriptorsToName reports whether lower-case descriptor words from token
// i lead, within five words and without a preposition or a verb, to a name.
func (a *analysis) descriptorsToName(i, limit int) bool {
	for k := i; k < limit && k < i+6; k++ {
		t := a.toks[k]
		if a.nameWord(k) || t.isAcronym() {
			return true
		}
		if a.titleDot(k) || roleWords[t.lower] || honorifics[t.lower] {
			continue
		}
		if !t.word || t.isCap() || prepositions[t.lower] || boundaryWords[t.lower] && t.lower != "and" {
			return false
		}
		if _, isCue := cueVerbs[t.lower]; isCue {
			return false
		}
	}
	return false
}

// adverbialIntro returns the comma ending an adverbial phrase that opens
// sentence s before token limit ("Shortly after …,", "In March,"), or -1.
// Names inside it are not the subject of the sentence.
func (a *analysis) adverbialIntro(s sentence, limit int) int {
	first := a.toks[s.first]
	if !first.word || !(prepositions[first.lower] || subordinators[first.lower] || boundaryWords[first.lower] || strings.HasSuffix(first.lower, "ly") && first.isCap()) {
		return -1
	}
	for k := s.first + 1; k < limit && k < s.first+20; k++ {
		t := a.toks[k]
		if t.text == "," {
			return k
		}
		if !t.word || a.insideQuote(t.start) {
			return -1
		}
		if _, isCue := cueVerbs[t.lower]; isCue {
			return -1
		}
	}
	return -1
}
