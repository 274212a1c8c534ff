package extract

import (
	"slices"
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
	passive   bool // "it was announced by X that": X speaks
	// impersonal is a passive with no agent ("it is reported that"): a
	// statement of no named source
	impersonal bool
	opinion    bool // "in X's opinion, …": tokens (at, last) are X
	putIt      bool // "As X put it, …": X is every word between "as" and the cue
	// ownView is a noun of view owned by the token before it and a copula
	// with a that-clause: "His assessment was that …" (at is the noun)
	ownView bool
}

// frame is how a cue relates to its speaker and its content.
type frame struct {
	sp        speakerRef
	subjStart int // first token of the subject (or of the cue when none before it)
	after     int // first token after the cue and an inverted subject
	hasSubj   bool
	inverted  bool // "…, said Roe."
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
	// roleOf holds the people introduced as a role held for someone
	// ("the lawyer of Nora Quill, Emil Frost"), by roleKey, for what
	// "Quill's lawyer" later means
	roleOf map[string]speakerRef
	recent []speakerRef // persons who were subjects, latest last
	orgs   []speakerRef // named speakers that are not persons, latest last
	// outlet is the latest named speaker that reported as an outlet does
	// ("Köprü Xəbər reports that …"), whatever its name reads like, and
	// outletAt where that statement ends: what "the outlet" refers to
	outlet   speakerRef
	outletAt int
}

// findCues returns the reporting cues of sentence s outside quotations.
func (a *analysis) findCues(s sentence) []cueHit {
	var out []cueHit
	for k := s.first; k < s.last; k++ {
		t := a.toks[k]
		if !t.word || a.insideQuote(t.start) {
			continue
		}
		if c, ok := a.phraseCueAt(s, k); ok {
			out = append(out, c)
			k = c.last
			continue
		}
		cls, ok := cueVerbs[t.lower]
		if c, imp := a.impersonalCue(s, k, ok); imp {
			out = append(out, c)
			continue
		}
		if !ok {
			continue
		}
		if a.notReporting(s, k) {
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
			if callParticles[next] {
				last = k + 1
			}
		case strings.HasPrefix(t.lower, "appeal"):
			if next == "for" {
				last = k + 1 // "appealed for witnesses to come forward", as "called for"
			} else if next != "to" || a.courtAhead(k+2, s.last) {
				continue // (appealing to a court asks for a ruling: "will appeal to the Supreme Court")
			}
		default:
			if cls, ok = a.complementClass(s, k, cls); !ok {
				continue
			}
		}
		// passive or attributive uses: "was told", "the said", "so-called"
		if k > s.first {
			p := a.toks[k-1].lower
			if passiveMarks[p] && !strings.HasSuffix(t.lower, "ing") && !a.continuedAt(k) {
				if copulas[p] && k-2 >= s.first && a.toks[k-2].lower == "it" && next == "by" {
					out = append(out, cueHit{at: k, last: k, class: cls, passive: true})
				} else if next == "by" && agentPassives[t.lower] && a.hasThat(k+2, s.last) {
					// "The paper was told by Ann Roe, a lawyer, that …":
					// the agent speaks
					out = append(out, cueHit{at: k, last: k, class: cls, passive: true})
				}
				if impersonalVerbs[t.lower] && a.thatAfterTime(k+1, s.last) && a.impersonalAt(k-1, s.first) {
					// "It is reported that …": a report whose source the
					// text does not give
					out = append(out, cueHit{at: k, last: k, class: cls, passive: true, impersonal: true})
				}
				continue
			}
			if a.modifiedCueWord(k) {
				continue
			}
		}
		if (nounableCues[t.lower] || adjunctCues[t.lower]) && k > s.first && a.toks[k-1].word && k+1 < s.last && roleWords[a.toks[k+1].lower] && !a.toks[k+1].isCap() {
			continue // a modifier of a role: "state senator", "report author"
		}
		out = append(out, cueHit{at: k, last: last, class: cls})
		k = last
	}
	return out
}

// modifiedCueWord reports whether the cue word at token k is a noun or an
// adjective by the words before it: "the mayor's claims", "his report",
// "seven state titles", "amid reported interest from overseas".
func (a *analysis) modifiedCueWord(k int) bool {
	t, p := a.toks[k], a.toks[k-1].lower
	if isPossessive(a.toks[k-1]) || possessivePronouns[p] {
		return true
	}
	if k >= 2 && possessivePronouns[a.toks[k-2].lower] && a.toks[k-1].word && !a.toks[k-1].isCap() && !strings.HasSuffix(a.toks[k-1].lower, "s") && nounableCues[t.lower] && !a.clauseOpensAt(k+1) {
		// "in its quarterly report lowered": a modifier between (not
		// "her colleagues report that", "in its turn reports that")
		return true
	}
	if (prepositions[p] || participleAdjectivePrepositions[p]) && strings.HasSuffix(t.lower, "ed") && k+1 < len(a.toks) && a.toks[k+1].word && !a.toks[k+1].isCap() && !boundaryWords[a.toks[k+1].lower] {
		return true // what is reported, not who reports
	}
	// (not "the 45-year-old said"; a plural number before a verb's
	// singular form makes it a plural noun: "a body of eleven states")
	return (isNumber(a.toks[k-1]) || numberWords[p]) && !isAge(p) && (nounableCues[t.lower] || adjunctCues[t.lower] || p != "one" && p != "1" && singularVerbForm(t.lower))
}

// singularVerbForm reports whether w has the ending of a verb's third
// person singular present ("states", "says"), not of a word in "-ss".
func singularVerbForm(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// clauseOpensAt reports whether token i opens what a verb of saying
// reports: "that", a colon or a quotation mark.
func (a *analysis) clauseOpensAt(i int) bool {
	return i < len(a.toks) && (a.toks[i].lower == "that" || a.toks[i].text == ":" || isQuoteMark(a.toks[i].text))
}

// courtAhead reports whether the noun phrase from token i, up to six
// words, has a court or a tribunal as its head, and no infinitive says
// what the court is asked to do ("appeal to the court to release him" is
// a request that reports).
func (a *analysis) courtAhead(i, limit int) bool {
	for k := i; k < limit && k < i+6 && a.toks[k].word; k++ {
		if courtNouns[a.toks[k].lower] {
			return k+1 >= limit || a.toks[k+1].lower != "to"
		}
	}
	return false
}

// complementClass returns the class of the cue at token k of sentence s
// when what follows makes it take an object and a complement ("connects
// the floods to the new dam", "considers the response to be
// disproportionate", "described the arrest as illegal"), else cls; ok is
// false for a verb that reports only with "as" ("saw the minister").
func (a *analysis) complementClass(s sentence, k int, cls cueClass) (cueClass, bool) {
	w := a.toks[k].lower
	switch {
	case linkVerbs[w] && a.linkFollows(k+1, s.last):
		return cueObject, true
	case judgementVerbs[w] && a.toBeFollows(k+1, s.last):
		return cueObject, true
	case asVerbs[w]:
		if a.asQuoteAt(k+1, s.last) {
			return cueObject, true // "something Ann Roe described as “the best part”": the object came before
		}
		if a.asFollows(k+1, s.last) {
			return cueObject, true
		}
		return cls, cls != cueObject
	}
	return cls, true
}

// phraseCueAt reads a cue of several words at token k of sentence s:
// "in his opinion", "his assessment was that", "as X put it", "according
// to", "made a statement that" and the other noun phrases and idioms of
// reporting.
func (a *analysis) phraseCueAt(s sentence, k int) (cueHit, bool) {
	if last, ok := a.opinionAt(k, s.last); ok {
		c := cueHit{at: k, last: last, according: true, opinion: true}
		return c, !a.parentheticalOpinion(c) // (not inside the words of the report around it)
	}
	if last, ok := a.ownViewAt(s, k); ok {
		return cueHit{at: k, last: last, class: cueThat, ownView: true}, true
	}
	if c, ok := a.putItCue(s, k); ok {
		return c, true
	}
	if a.toks[k].lower == "according" && k+1 < s.last && a.toks[k+1].lower == "to" {
		return cueHit{at: k, last: k + 1, according: true}, true
	}
	if last, ok := a.asReportedBy(s, k); ok {
		return cueHit{at: k + 1, last: last, according: true}, true // (the cue is the verb, "As" before it)
	}
	if last, ok := a.nounCueAt(k, s.last); ok {
		return cueHit{at: k, last: last, class: cueThat}, true
	}
	if k > s.first && !passiveMarks[a.toks[k-1].lower] && a.quotedChargeAt(k, s.last) {
		// "accused colleagues of “kicking the can down the road”": the
		// quotation after "of" is what was said; without one the charge is
		// the writer's summary ("accused him of lying")
		return cueHit{at: k, last: k, class: cueThat}, true
	}
	return cueHit{}, false
}

// callsFor reports whether "calls" at token k is the verb of "calls
// for" or "calls on" after a singular noun ("The union calls for an
// inquiry"), not the plural noun ("phone calls for help" has a plural
// before it, "the final call on" no "-s").
func (a *analysis) callsFor(k int, s sentence) bool {
	if a.toks[k].lower != "calls" || k+1 >= s.last || k-1 <= s.first {
		return false
	}
	p, n := a.toks[k-1], a.toks[k+1].lower
	return callParticles[n] && p.word && !p.isCap() && !strings.HasSuffix(p.lower, "s") && !isEdForm(p) && !isParticiple(p) && !boundaryWords[p.lower] && !determiners[p.lower]
}

// modifierAfterOwner reports whether the word before token k is a
// lower-case modifier (no plural, function word or verb) after a
// determiner or an owner: "its annual report", "the weekly post", "Ann
// Roe's latest statement" — so the cue word at k is a noun.
func (a *analysis) modifierAfterOwner(k int) bool {
	m, o := a.toks[k-1], a.toks[k-2]
	if !m.word || m.isCap() || strings.HasSuffix(m.lower, "s") || boundaryWords[m.lower] || adverbialStarts[m.lower] {
		return false
	}
	if _, cue := cueVerbs[m.lower]; cue || skippableBeforeCue(m.lower) {
		return false
	}
	return determiners[o.lower] || possessivePronouns[o.lower] || isPossessive(o)
}

// modifiedNoun reports whether the cue word at token k, one that is also a
// noun, follows a lower-case participle that is no reporting verb and has
// neither "that" nor a quotation after it: "growing demand for", "mounting
// claims", where the participle modifies the noun.
func (a *analysis) modifiedNoun(k, limit int) bool {
	p := a.toks[k-1]
	if !isParticiple(p) || p.isCap() || len(p.lower) < 6 {
		return false
	}
	if _, ok := cueVerbs[p.lower]; ok {
		return false
	}
	return k+1 >= limit || a.toks[k+1].lower != "that" && a.quoteStartingAt(a.toks[k+1].start) < 0
}

// notReporting reports whether the reporting verb form at token k of
// sentence s is used in a sense that reports nothing here: part of a
// name, negated, a noun, or a comparison.
func (a *analysis) notReporting(s sentence, k int) bool {
	t := a.toks[k]
	if t.isCap() && k > s.first && (a.toks[k-1].word || a.companyDot(k-1)) {
		return true // part of a name: "Wayne State University", "U.S. State Department"
	}
	if t.isCap() && k == s.first && (nounableCues[t.lower] || adjunctCues[t.lower]) && k+1 < s.last && a.toks[k+1].word && a.toks[k+1].isCap() && a.toks[k+1].lower != "i" {
		return true // the first word of a name: "State Security Service officers said"
	}
	if a.negatedAt(k, s.first) {
		return true // "did not say", "won't comment": nothing was reported
	}
	if k+1 < s.last && slices.Contains(cueCompounds[t.lower], a.toks[k+1].lower) {
		return true // "a left-leaning think tank": a noun of two words
	}
	if nounableCues[t.lower] && k+1 < s.last && finiteAfterNoun[a.toks[k+1].lower] {
		return true // a noun before its verb: "a fresh study shows", "the claims were"
	}
	if a.callsFor(k, s) {
		return false // "The union calls for an inquiry": a singular subject's verb
	}
	if nounableCues[t.lower] && a.nounPhraseHead(k, s.first) && k+1 < s.last && prepositions[a.toks[k+1].lower] {
		return true // a noun with its complement: "the city claim of 974", "the final call on"
	}
	if strings.HasSuffix(t.lower, "ing") && k > s.first && a.toks[k-1].text == "," && a.wordsIn(t.end, a.toks[s.last-1].end) == 0 {
		return true // "…, the mayor stayed home, tweeting.": what the subject did, not what it said
	}
	if nounableCues[t.lower] && k > s.first && a.modifiedNoun(k, s.last) {
		return true // "slowing demand in Asia", "mounting claims,": a noun after its modifier
	}
	if adjunctCues[t.lower] && k+1 < s.last && a.modifiesNext(k+1) {
		return true // "local and state government": a noun before a noun
	}
	if nounableCues[t.lower] && k-2 >= s.first && k+1 < s.last && (!a.toks[k+1].word || prepositions[a.toks[k+1].lower]) && a.modifierAfterOwner(k) {
		return true // "in its annual report, noted": a noun after an owner and a modifier, before no clause
	}
	if nounableCues[t.lower] && a.afterSingularArticle(k, s.first) {
		return true // "in a separate report,": a noun, "a" allows no verb
	}
	if nounableCues[t.lower] && a.objectOfVerb(k, s.first) {
		return true // "rejected calls for change", "received expert reports"
	}
	if a.comparedReport(k, s.first) {
		return true // "higher than city reports say it is": a comparison, not a report
	}
	return false
}

// ownViewAt reads "his assessment was that", "Ann Roe's view is that" at
// token k, the noun of view, returning the copula's token.
func (a *analysis) ownViewAt(s sentence, k int) (int, bool) {
	if k == s.first || k+2 >= s.last || !viewNouns[a.toks[k].lower] || !copulas[a.toks[k+1].lower] || a.toks[k+2].lower != "that" {
		return 0, false
	}
	o := a.toks[k-1]
	return k + 1, possessivePronouns[o.lower] || isPossessive(o)
}

// asReportedBy returns the last token of "As reported by" or, in
// translated English, "As informs" opening sentence s at token k, which
// give the source after them as "according to" does: "As reported by
// the press service of the KDU, the police detained …", "As informs the
// portal Lumin, the mayor resigned".
func (a *analysis) asReportedBy(s sentence, k int) (int, bool) {
	if k != s.first || a.toks[k].lower != "as" || k+3 >= s.last {
		return 0, false
	}
	v := a.toks[k+1]
	if _, cue := cueVerbs[v.lower]; !cue || !v.word {
		return 0, false
	}
	switch {
	case isEdForm(v) && a.toks[k+2].lower == "by":
		return k + 2, true
	case singularVerbForm(v.lower) && (determiners[a.toks[k+2].lower] || a.nameWord(k+2) || a.toks[k+2].isAcronym()):
		return k + 1, true
	}
	return 0, false
}

// putItCue reads "put it" at token k as a cue: "As Ann Roe put it, …"
// (the words after the comma are hers) and "Ann Roe put it best: “…”".
func (a *analysis) putItCue(s sentence, k int) (cueHit, bool) {
	if w := a.toks[k].lower; w != "put" && w != "puts" || k+1 >= s.last || a.toks[k+1].lower != "it" {
		return cueHit{}, false
	}
	if a.toks[s.first].lower == "as" && k > s.first+1 {
		return cueHit{at: k, last: k + 1, class: cueClause, putIt: true}, true
	}
	if e := a.putItColon(k+2, s.last); e > 0 {
		return cueHit{at: k, last: e - 1, class: cueClause}, true
	}
	return cueHit{}, false
}

// putItColon returns the colon's token when the words from token i to it
// are at most two adverbs ("put it best:", "put it bluntly:"), else 0.
func (a *analysis) putItColon(i, limit int) int {
	for k := i; k < limit && k <= i+2; k++ {
		if a.toks[k].text == ":" {
			return k
		}
		if !a.toks[k].word {
			return 0
		}
	}
	return 0
}

// modifiesNext reports whether token k, after a cue word that is also a
// noun, is a lower-case noun it may modify ("state government", "state
// media") rather than what a verb takes: an article, a pronoun, "that",
// an adverb or a preposition.
func (a *analysis) modifiesNext(k int) bool {
	t := a.toks[k]
	if !t.word || t.isCap() || determiners[t.lower] || t.lower == "that" || prepositions[t.lower] || boundaryWords[t.lower] {
		return false
	}
	if _, ok := subjectPronouns[t.lower]; ok || objectPronouns[t.lower] || skippableBeforeCue(t.lower) {
		return false
	}
	return true
}

// nounCueAt reports a verb with a noun of speech as its object, or a
// copula with an adjective of speech, and a that-clause after it ("made a
// statement that", "voiced concern that", "was adamant that"), returning
// the noun's or the adjective's token.
func (a *analysis) nounCueAt(k, limit int) (int, bool) {
	if copulas[a.toks[k].lower] && k+2 < limit && speechAdjectives[a.toks[k+1].lower] && a.thatNext(k+2, limit) && !a.negatedAt(k, 0) {
		return k + 1, true // "was adamant that", "is sure, that"
	}
	if copulas[a.toks[k].lower] && k+4 < limit && a.toks[k+1].lower == "of" && a.toks[k+2].lower == "the" && opinionNouns[a.toks[k+3].lower] && a.toks[k+4].lower == "that" && !a.negatedAt(k, 0) {
		return k + 3, true // "is of the opinion that"
	}
	if e, ok := a.idiomCueAt(k, limit); ok {
		return e, true
	}
	if !speechVerbs[a.toks[k].lower] || a.negatedAt(k, 0) {
		return 0, false
	}
	n := k + 1
	for n < limit && n <= k+2 && (determiners[a.toks[n].lower] || possessivePronouns[a.toks[n].lower]) {
		n++
	}
	if n+1 >= limit || !speechNouns[a.toks[n].lower] {
		return 0, false
	}
	switch {
	case a.thatNext(n+1, limit):
		return n, true // "made a statement that", "share information, that"
	case n+4 < limit && a.toks[n+1].lower == "to" && a.toks[n+2].lower == "the" && a.toks[n+3].lower == "fact" && a.toks[n+4].lower == "that":
		return n + 3, true // "drew attention to the fact that"
	case a.quotedTopic(n+1, limit) > 0:
		// "expressed concern about “the shrinking space for civil
		// society”": the words quoted are the ones said
		return a.quotedTopic(n+1, limit) - 1, true
	}
	return 0, false
}

// quotedTopic returns the token of the opening mark of a quotation that
// tokens from i give as what a noun of speech is about ("about “…”",
// "over the “…”"), or 0.
func (a *analysis) quotedTopic(i, limit int) int {
	if i >= limit || !topicPrepositions[a.toks[i].lower] {
		return 0
	}
	i++
	if i < limit && determiners[a.toks[i].lower] {
		i++
	}
	if i < limit && a.quoteStartingAt(a.toks[i].start) >= 0 {
		return i
	}
	return 0
}

// idiomCueAt reads the idioms of assertion at token k that take a
// that-clause: "made it clear that", "has no doubt that", "came to the
// conclusion that", and retorts ("shot back that", "hit back: “…”"),
// returning their last token.
func (a *analysis) idiomCueAt(k, limit int) (int, bool) {
	if k+3 >= limit || a.negatedAt(k, 0) {
		return 0, false
	}
	w, w1, w2 := a.toks[k].lower, a.toks[k+1].lower, a.toks[k+2].lower
	if retortForms[w] && w1 == "back" {
		// "shot back that the money was not there", "hit back: “…”"
		q := a.quoteStartingAt(a.toks[k+2].start) >= 0 || (w2 == ":" || w2 == ",") && a.quoteStartingAt(a.toks[k+3].start) >= 0
		return k + 1, a.thatNext(k+2, limit) || q
	}
	switch {
	case makeForms[w] && w1 == "it" && (w2 == "clear" || w2 == "plain" || w2 == "known"):
	case haveForms[w] && w1 == "no" && (w2 == "doubt" || w2 == "doubts"):
	case comeForms[w] && w1 == "to" && w2 == "the" && k+4 < limit && a.toks[k+3].lower == "conclusion":
		return k + 3, a.thatNext(k+4, limit) // "came to the conclusion that"
	default:
		return 0, false
	}
	return k + 2, a.thatNext(k+3, limit)
}

// thatNext reports whether "that" stands at token i, or after a comma
// there that some writers put before the clause.
func (a *analysis) thatNext(i, limit int) bool {
	if i < limit && a.toks[i].text == "," {
		i++
	}
	return i < limit && a.toks[i].lower == "that"
}

// opinionAt reports "in X's opinion," at token k, returning the token of
// the noun: the possessor, a pronoun or a name of up to four words, holds
// the opinion that follows the comma.
func (a *analysis) opinionAt(k, limit int) (int, bool) {
	if a.toks[k].lower == "by" && k+3 < limit && possessivePronouns[a.toks[k+1].lower] && estimateNouns[a.toks[k+2].lower] && a.toks[k+3].text == "," {
		return k + 2, true // "By her estimate, …"
	}
	if a.toks[k].lower != "in" || k+3 >= limit {
		return 0, false
	}
	n := k + 1
	if a.toks[n].lower == "the" && opinionNouns[a.toks[n+1].lower] && a.toks[n+2].lower == "of" && n+3 < limit {
		// "in the opinion of Ann Roe, …", "in the view of political
		// analyst Ann Roe, …"
		r := n + 3
		for r < limit && r < n+6 && a.toks[r].word && (!a.toks[r].isCap() || a.toks[r].isAcronym() && r+1 < limit && roleWords[a.toks[r+1].lower]) && !roleWords[a.toks[r].lower] {
			r++ // ("political analyst", "DCP chairman")
		}
		for r < limit && r < n+7 && roleWords[a.toks[r].lower] && !a.toks[r].isCap() {
			r++
		}
		if r+1 < limit && a.toks[r].text == "," && r > n+3 && roleWords[a.toks[r-1].lower] {
			// "in the words of the lawyer, …", "in the opinion of his
			// lawyer, Tigran Manukyan, …": a description, and perhaps
			// the name it gives
			if e, ok := a.nameStartingAt(r+1, limit); ok && e < limit && a.toks[e].text == "," {
				return e - 1, true
			}
			return r - 1, true
		}
		if r >= limit || !a.nameWord(r) || r > n+3 && !roleWords[a.toks[r-1].lower] {
			return 0, false
		}
		e, _ := a.nameStartingAt(r, limit)
		if e < limit && a.toks[e].text == "," {
			return e - 1, true
		}
		return 0, false
	}
	if !possessivePronouns[a.toks[n].lower] {
		for n < limit && n <= k+4 && a.nameWord(n) && !isPossessive(a.toks[n]) {
			n++
		}
		if n >= limit || !isPossessive(a.toks[n]) || !a.nameWord(n) {
			return 0, false
		}
	}
	n++
	if n+1 < limit && opinionNouns[a.toks[n].lower] && a.toks[n+1].text == "," {
		return n, true
	}
	return 0, false
}

// nounPhraseHead reports whether token k closes a noun phrase that a
// determiner opens one or two words before it ("the claim", "the final
// call", "the city claim").
func (a *analysis) nounPhraseHead(k, first int) bool {
	for d := k - 1; d >= first && d >= k-3; d-- {
		t := a.toks[d]
		if articles[t.lower] || possessivePronouns[t.lower] {
			return true
		}
		if !t.word || t.isCap() || determiners[t.lower] || boundaryWords[t.lower] {
			return false // (a quantifier is a subject of its own: "Some appeal to")
		}
	}
	return false
}

// comparedReport reports whether the reporting verb at token k stands in a
// comparison: "than" or "as" before its subject ("lower than TransLink
// says they are").
func (a *analysis) comparedReport(k, first int) bool {
	for d := k - 1; d >= first && d >= k-4; d-- {
		switch w := a.toks[d].lower; {
		case w == "than":
			return true
		case !a.toks[d].word || boundaryWords[w] && w != "as":
			return false
		}
	}
	return false
}

// asFollows reports whether "as" follows the object that starts at token
// i, within a short noun phrase that may take a prepositional phrase.
func (a *analysis) asFollows(i, limit int) bool {
	for k := i + 1; k < limit && k <= i+8; k++ {
		t := a.toks[k]
		if t.lower == "as" && t.word {
			return true
		}
		if !t.word || boundaryWords[t.lower] && !prepositions[t.lower] {
			return false // "the conditions in the centre as": the object's phrase
		}
	}
	return false
}

// toBeFollows reports whether "to be" follows the object that starts at
// token i: a few words and no clause boundary.
func (a *analysis) toBeFollows(i, limit int) bool {
	for k := i + 1; k+1 < limit && k <= i+6; k++ {
		t := a.toks[k]
		if t.word && t.lower == "to" && a.toks[k+1].lower == "be" {
			return true
		}
		if !t.word || boundaryWords[t.lower] {
			return false
		}
	}
	return false
}

// linkFollows reports whether "to" or "with" follows the object that
// starts at token i: a few words, which may stand in quotation marks or
// take a prepositional phrase ("the fall in crime"), and no clause
// boundary.
func (a *analysis) linkFollows(i, limit int) bool {
	if i >= limit || a.toks[i].lower == "to" || a.toks[i].lower == "with" {
		return false // "a feat he links to the course": the object came before
	}
	for k := i + 1; k < limit && k <= i+8; k++ {
		t := a.toks[k]
		if t.word && (t.lower == "to" || t.lower == "with") {
			return true
		}
		if t.word && boundaryWords[t.lower] && !prepositions[t.lower] && !a.insideQuote(t.start) || !t.word && !isQuoteMark(t.text) {
			return false
		}
	}
	return false
}

// continuedAt reports whether the reporting verb at token k follows "went
// on to", which reports like the verb alone.
func (a *analysis) continuedAt(k int) bool {
	return k >= 3 && a.toks[k-1].lower == "to" && a.toks[k-2].lower == "on" && continuationVerbs[a.toks[k-3].lower]
}

// quotedAsAt reports whether the participle at token k follows "was
// quoted as" (or "is", "has been"), perhaps with where in between ("was
// quoted in a city release as saying"): "X was quoted as saying" reports
// X's words as "X said" does, the subject before the auxiliary. It
// returns the token of "quoted".
func (a *analysis) quotedAsAt(k int) (int, bool) {
	if k < 3 || !isParticiple(a.toks[k]) || a.toks[k-1].lower != "as" {
		return 0, false
	}
	for q := k - 2; q >= 1 && q >= k-8 && a.toks[q].word; q-- {
		if a.toks[q].lower == "quoted" {
			return q, passiveMarks[a.toks[q-1].lower] && (q == k-2 || prepositions[a.toks[q+1].lower])
		}
	}
	return 0, false
}

func isParticiple(t token) bool { return strings.HasSuffix(t.lower, "ing") }

// isClosingMarkTok reports whether token i is the closing mark of a
// quotation.
func (a *analysis) isClosingMarkTok(i int) bool {
	return a.quoteEndingAt(a.toks[i].end) >= 0
}

// negatedAt reports whether the reporting verb at token k is negated:
// "not", "never" or an "n't" form before it, over auxiliaries and adverbs.
func (a *analysis) negatedAt(k, first int) bool {
	for j := k - 1; j >= first && j >= k-3; j-- {
		w := a.toks[j].lower
		if w == "not" || w == "never" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
		if !a.toks[j].word || !skippableBeforeCue(w) {
			break
		}
	}
	// "Neither Tan nor Ruiz would say": a subject that denies the verb
	for j := k - 1; j >= first && j >= k-8; j-- {
		if w := a.toks[j].lower; w == "nor" || w == "neither" || w == "nobody" || w == "none" {
			return j == first || w == "nor" || !a.toks[j-1].word
		}
		if !a.toks[j].word || boundaryWords[a.toks[j].lower] && a.toks[j].lower != "and" {
			return false
		}
	}
	return false
}

// impersonalAt reports whether the passive auxiliary at token k opens an
// impersonal passive with "it": "it is", "it was", "it has been", "it had
// been".
// impersonalCue reads token k as an impersonal passive ("It is reported
// that", "It was also confirmed that", "It is understood that"): a report
// whose source the text does not give. A cue verb right after the copula
// is left to the passive reading of findCues; isCue says whether token k
// is a cue verb.
func (a *analysis) impersonalCue(s sentence, k int, isCue bool) (cueHit, bool) {
	if !impersonalVerbs[a.toks[k].lower] || k <= s.first || !a.thatAfterTime(k+1, s.last) {
		return cueHit{}, false
	}
	b := a.adverbsBefore(k)
	if isCue && (b == k-1 || b <= s.first) || !a.impersonalAt(b, s.first) {
		return cueHit{}, false
	}
	return cueHit{at: k, last: k, class: cueThat, passive: true, impersonal: true}, true
}

// documentAfterIn returns the token after "in the statement" (or "in a
// report", "in its letter") at token k, or k.
func (a *analysis) documentAfterIn(k, limit int) int {
	if k+2 >= limit || a.toks[k].lower != "in" || !determiners[a.toks[k+1].lower] && !possessivePronouns[a.toks[k+1].lower] || !documentNouns[a.toks[k+2].lower] {
		return k
	}
	return k + 3
}

// thatAfterTime reports whether token i is "that", or a time adverbial
// of a few words ("on Sunday evening", "late Wednesday") comes first.
func (a *analysis) thatAfterTime(i, limit int) bool {
	for k := i; k < limit && k < i+5; k++ {
		w := a.toks[k].lower
		if w == "that" || w == "," && k+1 < limit && a.toks[k+1].lower == "that" {
			return true // (with the comma translated English puts before it: "it is noted, that")
		}
		if d := a.documentAfterIn(k, limit); d > k {
			k = d - 1 // "it was noted in the statement that"
			continue
		}
		if !timeWord(a.toks[k]) && w != "late" && w != "early" {
			return false
		}
	}
	return false
}

func (a *analysis) impersonalAt(k, min int) bool {
	if k-1 >= min && a.toks[k-1].lower == "it" && copulas[a.toks[k].lower] {
		return true
	}
	return a.toks[k].lower == "been" && k-2 >= min && a.toks[k-2].lower == "it" && (a.toks[k-1].lower == "has" || a.toks[k-1].lower == "had")
}

// afterSingularArticle reports whether "a", "an", "another" or "each"
// stands before token k, directly or before one or two modifiers: what
// follows is a noun phrase, so a word at k that can be a noun is one ("a
// separate report", "a new statement").
func (a *analysis) afterSingularArticle(k, min int) bool {
	for j := k - 1; j >= min && j >= k-3; j-- {
		t := a.toks[j]
		switch {
		case !t.word || t.isCap() && j > min || boundaryWords[t.lower] && !singularArticles[t.lower]:
			return false
		case singularArticles[t.lower]:
			return true
		}
	}
	return false
}

// objectOfVerb reports whether the word at token k, which can be a noun
// ("calls", "reports"), is the object of a verb in the past just before
// it, directly or after one modifier ("rejected calls for", "received
// expert reports").
func (a *analysis) objectOfVerb(k, min int) bool {
	for j := k - 1; j >= min && j >= k-2; j-- {
		t := a.toks[j]
		if !t.word || t.isCap() || determiners[t.lower] || boundaryWords[t.lower] {
			return false
		}
		if strings.HasSuffix(t.lower, "ed") && (j == min || !passiveMarks[a.toks[j-1].lower]) {
			return true
		}
	}
	return false
}

// nominalCue reports whether the cue word at token k is used as a noun or
// an attributive participle: a determiner or possessive opens its phrase,
// possibly across modifiers that are adverbs or participles ("his views",
// "the previously stated position"). "the minister said" is a verb: a noun
// stands between the determiner and the cue.
func (a *analysis) nominalCue(k, min int) bool {
	for j := k - 1; j >= min && j >= k-4; j-- {
		t := a.toks[j]
		if !t.word {
			return false
		}
		if determiners[t.lower] || possessivePronouns[t.lower] || isPossessive(t) {
			return true
		}
		if _, cue := cueVerbs[t.lower]; !cue && !strings.HasSuffix(t.lower, "ly") && !strings.HasSuffix(t.lower, "ed") {
			return false
		}
	}
	return false
}
