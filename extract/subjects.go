package extract

// Subject phrases: who a reporting cue's subject names, before the cue
// ("Ann Roe, the mayor, said") or after it ("said Ann Roe"), as a name with
// its descriptors, a noun phrase, or an unnamed source.

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// subjectBefore finds the subject of the cue among the words before it.
func (a *analysis) subjectBefore(s sentence, c cueHit, st *state) (speakerRef, int, bool) {
	j := a.subjectEnd(s, c)
	if j < s.first {
		return speakerRef{}, c.at, false
	}
	if sp, start, ok := a.quotedName(j, s.first); ok {
		return sp, start, true // `The "Harbour Herald" has reported that`
	}
	if n0, ok := a.numberedBranch(j, s.first); ok {
		// "Transit Workers Local 412 said": an organisation, whatever
		// its words
		return st.ref(cleanName(a.joinTokens(n0, j+1)), false), n0, true
	}
	t := a.toks[j]
	switch {
	case t.word && isPronounSubject(t.lower):
		return a.resolvePronoun(t.lower, t.start, st), j, true
	case t.word && j == s.first && a.bareRole(j):
		if name := a.holderOfRole(t.lower, t.start); name != "" {
			// "Lawyer noted, that …" in translated English: the lawyer
			// the text named, as "the lawyer" would be
			return st.ref(name, true), j, true
		}
		// "Witness says water surged inland", "Minister says …": a
		// headline's bare role, an unnamed person
		return speakerRef{source: t.text, role: t.lower}, j, true
	case t.word && j == s.first && isGroupNoun(t.lower) && len(a.mix.byWord[t.lower]) == 0:
		// "Officials said", "Residents say": a plural common noun, written
		// with a capital only because it opens the sentence (not a surname
		// the text gave in full: "Chambers said")
		return speakerRef{source: t.text}, j, true
	case t.word && (t.isCap() || t.isAcronym() || patronymicWords[t.lower] && a.nameWord(j)) && !quantifiers[t.lower]:
		return a.subjectName(s, c, j, st)
	case t.word && t.lower == "who":
		if sp, ok := a.relativeSubject(s, j+1, st); ok {
			return sp, c.at, true
		}
		return speakerRef{}, c.at, false
	case t.word && (t.lower == "that" || t.lower == "which") && j-1 > s.first && a.toks[j-1].text == ",":
		return a.subjectBeforeThat(s, c, j, st)
	case t.word && quantifiers[t.lower]:
		return speakerRef{source: t.text}, j, true
	case t.text == "," || isDash(t.text):
		return a.subjectBeforeComma(s, c, j, st)
	case t.word && (t.lower == "and" || t.lower == "but"):
		return a.subjectOfConjunction(s, c, j, st)
	case t.word && !boundaryWords[t.lower] && !determiners[t.lower]:
		return a.subjectPhrase(s, c, j, st)
	}
	return speakerRef{}, c.at, false
}

// noLongerAt reports whether token j closes an adverb of two words
// between a subject and its verb: "no longer", "once more", "once again",
// "yet again".
func (a *analysis) noLongerAt(j, first int) bool {
	if j <= first {
		return false
	}
	w, p := a.toks[j].lower, a.toks[j-1].lower
	return w == "longer" && p == "no" || (w == "more" || w == "again") && p == "once" || w == "again" && p == "yet"
}

// subjectEnd returns the last token of the subject before cue c, past
// the adverbs, auxiliaries, times, media and parentheses between them.
func (a *analysis) subjectEnd(s sentence, c cueHit) int {
	j := c.at - 1
	if k := a.sequenceAdverbialStart(c.at); k < c.at && k-1 >= s.first {
		j = k - 1 // "the ministry in turn stated", "the party, for its part, said"
		if a.toks[j].text == "," && j-1 >= s.first {
			j--
		}
	}
	if a.continuedAt(c.at) && j-3 >= s.first {
		j -= 3 // "went on to say"
	} else if q, ok := a.quotedAsAt(c.at); ok {
		j = q - 1 // "was quoted (in a release) as saying": "was" is skipped as an auxiliary
	}
	for j >= s.first && a.toks[j].word && (a.skippableAt(j) || isParticiple(a.toks[c.at]) && progressiveAux[a.toks[j].lower] || a.noLongerAt(j, s.first)) && !(a.toks[j].isCap() && (j > s.first || a.nameWord(j))) {
		// an adverb or auxiliary ("also said", "would argue", "no longer
		// believe"); written with a capital inside a sentence it is a
		// name ("Ms May said")
		if a.noLongerAt(j, s.first) {
			j--
		}
		j--
	}
	if k := a.dateBeforeCue(j, s.first); k < j {
		j = k // "Anna Rosvik on 23 October called on": when, not who
	}
	if j-1 >= s.first && (relativeTimes[a.toks[j-1].lower] || a.toks[j-1].lower == "on") && timeNouns[a.toks[j].lower] {
		j -= 2 // "A tweet last week said", "Ann Roe on Friday said": when, not who
		for j >= s.first && a.toks[j].word && a.skippableAt(j) && !(a.toks[j].isCap() && (j > s.first || a.nameWord(j))) {
			j-- // "Ann Roe also on Friday said"
		}
	}
	if a.companyDot(j) {
		j-- // "Acme Inc. said": the dot belongs to the name
	}
	if k, ok := a.mediumBeforeCue(j, s.first); ok {
		j = k // "Ann Roe in her Facebook post wrote": where, not who
	} else if k, ok := a.occasionBeforeCue(j, s.first); ok {
		j = k // "Arif Sadiqli at a meeting with businessmen said": where, not who
	}
	if j-3 >= s.first && a.toks[j].text == "," && sentenceAdverbs[a.toks[j-1].lower] && a.toks[j-2].text == "," && a.toks[j-3].text == ")" {
		j -= 3 // "Ann Roe (NDP), however, argued": the adverb links sentences
	}
	if j >= s.first && a.toks[j].text == ")" {
		for j >= s.first && a.toks[j].text != "(" {
			j--
		}
		j--
		if a.companyDot(j) {
			j-- // "Acme Inc. (“Acme”) announced"
		}
	}
	return j
}

// numberedBranch reports whether token j is the number of an
// organisation's branch ending a name ("Transit Workers Local 412"), and
// where the name starts.
func (a *analysis) numberedBranch(j, first int) (int, bool) {
	if j-1 < first || !isNumber(a.toks[j]) || !a.nameWord(j-1) {
		return 0, false
	}
	n0, ok := a.nameEndingAt(j-1, first)
	if !ok || a.toks[j-1].lower != "local" && !isOrgName(a.joinTokens(n0, j)) {
		return 0, false
	}
	return n0, true
}

// quotedName reads a name in quotation marks that ends at token j, as
// outlets and movements are often written ("The “Harbour Herald” has
// reported"): a short quotation of capitalised words. It returns the
// speaker and the first token of the subject (an article before it
// included).
func (a *analysis) quotedName(j, first int) (speakerRef, int, bool) {
	qi := a.quoteEndingAt(a.toks[j].end)
	if qi < 0 || !isQuoteMark(a.toks[j].text) {
		return speakerRef{}, 0, false
	}
	q := a.quotes[qi]
	if n := a.innerWords(q); n == 0 || n > 5 {
		return speakerRef{}, 0, false
	}
	start := a.tokenAt(q.start)
	for k := start + 1; k < j; k++ {
		if t := a.toks[k]; t.word && !t.isCap() && !nameConnectors[t.lower] && !orgLinks[t.lower] {
			return speakerRef{}, 0, false
		}
	}
	if start > first && articles[a.toks[start-1].lower] {
		start--
	}
	name := cleanName(a.joinTokens(a.tokenAt(q.start)+1, j))
	return speakerRef{name: name}, start, name != ""
}

// bareRole reports whether token j is a capitalised singular role word
// standing alone, no name ("Witness", "Vice-president").
func (a *analysis) bareRole(j int) bool {
	t := a.toks[j]
	if !t.isCap() || a.nameWord(j) {
		return false
	}
	w := t.lower
	if i := strings.LastIndex(w, "-"); i >= 0 {
		w = w[i+1:]
	}
	return roleWords[w] || anonymousRoles[w]
}

// restrictiveRelativeHead returns the token after the noun phrase that
// opens sentence s when "who" follows it and comes before token k, with
// no comma: a relative clause that describes the subject ("Residents who
// live near the pier say"). The phrase is a plural group or a role.
func (a *analysis) restrictiveRelativeHead(s sentence, k int) (int, bool) {
	for w := s.first + 1; w < k && w <= s.first+8; w++ {
		t := a.toks[w]
		if !t.word {
			return 0, false
		}
		if _, cue := cueVerbs[t.lower]; cue {
			return 0, false
		}
		if t.lower != "who" {
			continue
		}
		if h := w - 1; (a.personHead(h) || a.nounAfterArticle(h, s.first)) && h <= s.first+4 {
			return w, true // ("who" is said of people: "A walker who …")
		}
		// "An official with the Harbour Authority who was present in
		// court told": the person before the organisation's name
		for h := s.first; h < w-2; h++ {
			if a.personHead(h) && prepositions[a.toks[h+1].lower] && !a.toks[h].isCap() {
				return w, true
			}
		}
		return 0, false
	}
	return 0, false
}

// nounAfterArticle reports whether token h is a word in lower case right
// after an article, not before token first.
func (a *analysis) nounAfterArticle(h, first int) bool {
	return h-1 >= first && articles[a.toks[h-1].lower] && a.toks[h].word && !a.toks[h].isCap() && !boundaryWords[a.toks[h].lower]
}

// personHead reports whether token h can head a noun phrase for people:
// a group, a role, an anonymous source, "those", a noun formed for a
// person ("the woman") or a plural common noun.
func (a *analysis) personHead(h int) bool {
	t := a.toks[h]
	if !t.word {
		return false
	}
	w := t.lower
	return isGroupNoun(w) || roleWords[w] || anonymousRoles[w] || personNouns[w] || w == "those" || a.personLikeHead(h) || strings.HasSuffix(w, "s") && !t.isCap()
}

// roleOf returns w when it is a role word, else "".
func roleOf(w string) string {
	if roleWords[w] || anonymousRoles[w] {
		return w
	}
	return ""
}

// ownersRelativeNamed returns the name set off by a comma after a
// person's possessive name and a word for kin or a role at token k
// ("Elvin's mother, Zarifa Isgandarova"), as tokens [n0, n); n0 == n when
// there is none.
func (a *analysis) ownersRelativeNamed(k, limit int) (int, int) {
	if !a.nameWord(k) {
		return k, k
	}
	e, _ := a.nameStartingAt(k, limit)
	if !isPossessive(a.toks[e-1]) || e+2 >= limit {
		return k, k
	}
	if w := a.toks[e].lower; !kinWords[w] && !roleWords[w] || a.toks[e+1].text != "," {
		return k, k
	}
	n := a.closingName(e+2, limit)
	if n-(e+2) < 2 {
		return k, k
	}
	return e + 2, n
}

// closingName returns the end of a person's name that starts at token i
// and is followed by a comma, a full stop or the sentence's end, else i.
func (a *analysis) closingName(i, limit int) int {
	if i >= limit || !a.nameWord(i) {
		return i
	}
	n, _ := a.nameStartingAt(i, limit)
	if !a.isPersonName(i, n) || n < limit && a.toks[n].text != "," && a.toks[n].text != "." {
		return i
	}
	return n
}

// isDash reports whether s is a dash that sets off a phrase ("Ann Roe —
// who chairs the board — said").
func isDash(s string) bool { return s == "—" || s == "–" }

// mediumBeforeCue returns the last token of the name before a phrase
// that ends at token j and says where something was said ("in his
// Facebook post", "on her page", "in an interview"), or false.
func (a *analysis) mediumBeforeCue(j, min int) (int, bool) {
	if j >= min && (a.nameWord(j) || a.toks[j].isAcronym()) {
		// "… in an interview with Radio Harbour said", "… in his post on
		// Facebook called": the medium's partner or place, then the medium
		if n0, ok := a.nameEndingAt(j, min); ok && n0-2 >= min && mediumPartners[a.toks[n0-1].lower] && mediumNouns[a.toks[n0-2].lower] {
			j = n0 - 2
		}
		if n0, ok := a.nameEndingAt(j, min); ok && n0-4 >= min && mediumPartners[a.toks[n0-3].lower] && a.toks[n0-2].lower == "the" && outletNouns[a.toks[n0-1].lower] && mediumNouns[a.toks[n0-4].lower] {
			j = n0 - 4 // "… in comment for the agency Brisk Wire said"
		}
	}
	if j < min || !mediumWord(a.toks[j].lower) {
		return 0, false
	}
	for p := j - 1; p >= min && p >= j-5; p-- {
		t := a.toks[p]
		if !t.word {
			return 0, false
		}
		if t.lower == "in" || t.lower == "on" || t.lower == "via" {
			if p-1 >= min && (a.nameWord(p-1) || a.toks[p-1].isAcronym() || a.toks[p-1].text == "," && p-2 >= min && a.nameWord(p-2) || a.describedBodyEndsAt(p-1, min)) {
				return p - 1, true // (or the comma after an apposition: "the head of it, Ann Roe, in an interview …")
			}
			return 0, false
		}
	}
	return 0, false
}

// describedBodyEndsAt reports whether token k ends a definite
// description of an organisation ("the ministry", "the state channel").
func (a *analysis) describedBodyEndsAt(k, min int) bool {
	w := a.toks[k].lower
	if !orgNouns[w] && !genericOrgNouns[w] {
		return false
	}
	for d := k - 1; d >= min && d >= k-3 && a.toks[d].word; d-- {
		if determiners[a.toks[d].lower] {
			return true
		}
	}
	return false
}

// subjectName finds the subject of cue c when it ends in a capitalised
// word or an acronym at token j: a name, with what comes before it.
func (a *analysis) subjectName(s sentence, c cueHit, j int, st *state) (speakerRef, int, bool) {
	t := a.toks[j]
	spelled, isSpelled := a.spelledOutBefore(j, s.first)
	if k := spelled; isSpelled && (k == s.first || k-1 == s.first && articles[a.toks[s.first].lower]) {
		// "The Union for Freedom in Media (UFM) said": the name its
		// acronym spells out, "in" and all
		sp, _ := a.nameRef(k, j+1, k, st)
		return sp, s.first, true
	}
	n0, ok := a.nameEndingAt(j, s.first)
	if o0, isOrg := a.orgNameEndingIn(j, s.first); !ok && isOrg && (o0 == s.first || o0-1 == s.first && articles[a.toks[s.first].lower]) {
		// "The Union of Independent Economists said": capitalised
		// words for people closing an organisation's name
		sp, _ := a.nameRef(o0, j+1, s.first, st)
		return sp, o0, true
	}
	if !ok && isRoleWord(t.lower) {
		if o0, ok := a.bodyOfOffice(j, s.first); ok {
			// "The Press Service of the President reported": a body
			// named by the office it serves
			return st.ref(cleanName(a.joinTokens(o0, j+1)), false), o0, true
		}
		// "The Prime Minister said", "Finance Minister said": a title
		// without a name is a description
		return a.subjectPhrase(s, c, j, st)
	}
	if ok && a.placeBeforePerson(n0, j+1, s.first) {
		return a.placedTitleHolder(s, n0, j, st), s.first, true
	}
	if !ok || !a.plausibleName(n0, j+1) {
		return speakerRef{}, c.at, false
	}
	if a.groupPhraseEnd(s.first, j+1) == j+1 && len(a.mix.byWord[a.toks[s.first].lower]) == 0 {
		// "Residents of Millbrook say": an unnamed group, named by place;
		// "Officials at the Interior Ministry said": by their organisation
		ref := speakerRef{source: a.joinTokens(s.first, j+1)}
		n0 = a.ofNameStart(n0, s.first)
		if b := a.skipArticle(n0-1, s.first); b > s.first && ownerPrepositions[a.toks[b].lower] && isOrgName(a.joinTokens(n0, j+1)) {
			ref.org = a.canonOrg(cleanName(a.joinTokens(n0, j+1)))
		}
		return ref, s.first, true
	}
	n0 = a.ofNameStart(n0, s.first)
	if isSpelled && spelled < n0 {
		n0 = spelled // "Ann Roe of the Union for Freedom in Media (UFM)"
	}
	if k := a.fieldBeforePerson(n0, j+1); k > n0 {
		// "Minister of Culture Anar Gasimli said": the person, whose role
		// the words before name
		sp, _ := a.nameRef(k, j+1, k, st)
		if role, org := a.describe(s.first, k); role != "" && sp.role == "" {
			sp.role, sp.org = role, cmp.Or(sp.org, org) // ("Ministry of Culture")
		}
		return sp, s.first, true
	}
	if sp, d, ok := a.firstConjunct(s, n0, st); ok {
		return sp, d, true
	}
	if n0 > s.first && a.toks[n0-1].lower == "the" && affiliationNouns[t.lower] {
		// "the Nevada Democrat said": a description, not a name
		return a.phraseRef(a.joinTokens(n0-1, j+1), n0-1, j+1, st), n0 - 1, true
	}
	if sp, d0, ok := a.personOfOrgBefore(s, n0, j, st); ok {
		return sp, d0, true
	}
	if b := a.skipArticle(n0-1, s.first); b >= s.first && prepositions[a.toks[b].lower] && a.orgBeforePerson(n0, j+1) == n0 {
		// (a name run that opens with an organisation is the person
		// it names: "the chairman of the Harbour Party Jo Tan said")
		return a.nameAfterPreposition(s, c, b, n0, j, st)
	}
	if h, r, ok := a.staffOfTitled(n0, s.first); ok {
		// "A spokesperson for Health Minister Ana Ruiz said": someone of
		// hers, unnamed
		return speakerRef{source: a.joinTokens(h, j+1), role: roleOf(a.toks[r].lower)}, h, true
	}
	sp, d0 := a.nameRef(n0, j+1, s.first, st)
	return sp, d0, true
}

// spelledOutBefore returns where the name that ends at token j starts
// when an acronym in parentheses follows it and the text spells that
// acronym out as the name (see findOrgAliases).
func (a *analysis) spelledOutBefore(j, min int) (int, bool) {
	if j+2 >= len(a.toks) || a.toks[j+1].text != "(" || !a.toks[j+2].isAcronym() {
		return 0, false
	}
	for _, long := range a.orgAliases[a.toks[j+2].text] {
		for k := j; k >= min && k > j-12; k-- {
			if a.joinTokens(k, j+1) == long {
				return k, true
			}
		}
	}
	return 0, false
}

// spelledOutFrom returns the end of the name that starts at token o when
// the text spells out the acronym in parentheses after it ("Union for
// Freedom in Media" before "(UFM)").
func (a *analysis) spelledOutFrom(o int) (int, bool) {
	for j := o; j+2 < len(a.toks) && j < o+12 && a.toks[j].word; j++ {
		if a.toks[j+1].text == "(" {
			return j + 1, a.toks[j+2].isAcronym() && slices.Contains(a.orgAliases[a.toks[j+2].text], a.joinTokens(o, j+1))
		}
	}
	return 0, false
}

// personOfOrgBefore finds the person before the organisation's name at
// tokens [n0, j] that closes a subject: "Ann Roe of the HFP reports", "Tim
// Guest with the Harbour Authority says", "Minister of Culture Anar
// Gasimli of the HFP said".
func (a *analysis) personOfOrgBefore(s sentence, n0, j int, st *state) (speakerRef, int, bool) {
	p := n0 - 1
	for d := 0; d < 2 && p > s.first && a.descriptorWord(p); d++ {
		p-- // "Ann Roe of the opposition HFP said"
	}
	if p > s.first && a.toks[p].lower == "the" {
		p--
	}
	if p-3 >= s.first && a.toks[p].lower == "of" && settlementNouns[a.toks[p-1].lower] && articles[a.toks[p-2].lower] && settlementLinks[a.toks[p-3].lower] {
		p -= 3 // "Ann Roe from the town of Halden told": where she is from, as "from Halden"
	}
	if p < s.first+1 || !personLinks[a.toks[p].lower] {
		return speakerRef{}, 0, false
	}
	p0, ok := a.nameEndingAt(p-1, s.first)
	if !ok {
		return speakerRef{}, 0, false
	}
	// (the person after the field of a role, "Minister of Culture Anar
	// Gasimli", may follow a preposition)
	k := a.fieldBeforePerson(p0, p)
	p0, field := k, k > p0
	if isOrgName(a.joinTokens(p0, p)) || !field && p0 > s.first && (a.toks[p0-1].lower == "the" || prepositions[a.toks[p0-1].lower]) {
		return speakerRef{}, 0, false
	}
	sp, d0 := a.nameRef(p0, p, s.first, st)
	if org := cleanName(a.joinTokens(n0, j+1)); isOrgName(org) {
		sp = withOrg(sp, a.canonOrg(org)) // "Ann Roe of the HFP"
	}
	return sp, d0, true
}

// staffOfTitled returns where "A spokesperson for" starts, and its role
// word, when it stands before a title and the person's name at token n0
// ("A spokesperson for Health Minister Ana Ruiz"): a person of someone's
// staff.
func (a *analysis) staffOfTitled(n0, min int) (start, role int, ok bool) {
	q := n0 - 1
	for q > min && q >= n0-3 && a.toks[q].word && a.toks[q].isCap() && !a.toks[q].isAcronym() {
		q--
	}
	if q == n0-1 || !isRoleWord(a.toks[q+1].lower) && !isRoleWord(a.toks[n0-1].lower) {
		return 0, 0, false // no title between the preposition and the name
	}
	h, ok := a.ownerPhraseStart(q+1, min)
	return h, q - 1, ok
}

// nameAfterPreposition finds the subject of cue c when the name before it
// (tokens [n0, j]) is the object of the preposition at token b: the
// author of a document, unnamed people placed by the name, or the
// subject of a relative clause around it.
func (a *analysis) nameAfterPreposition(s sentence, c cueHit, b, n0, j int, st *state) (speakerRef, int, bool) {
	if d := a.documentBefore(b, s.first); d >= 0 && authorLinks[a.toks[b].lower] {
		// "A statement from the Harbour Council said", "The report
		// published by Harbour Watch states": the author
		sp, _ := a.nameRef(n0, j+1, n0, st)
		return sp, d, true
	}
	if (a.toks[b].lower == "to" || a.toks[b].lower == "with") && b-2 >= s.first && sourceModifiers[a.toks[b-1].lower] && a.toks[b-2].word && !boundaryWords[a.toks[b-2].lower] {
		// "Sources close to Gambarli told reporters": unnamed sources,
		// placed by whom they are close to
		h := b - 2
		if h > s.first && determiners[a.toks[h-1].lower] {
			h--
		}
		return speakerRef{source: a.joinTokens(h, j+1)}, h, true
	}
	if h, ok := a.ownerPhraseStart(b+1, s.first); ok {
		// "A spokesperson for Northwind said": an unnamed person of
		// the organisation named
		org := a.canonOrg(cleanName(a.joinTokens(n0, j+1)))
		if familyNouns[a.toks[b-1].lower] {
			org = "" // "the family of Ann Roe": hers, not an organisation's
		}
		return speakerRef{source: a.joinTokens(h, j+1), role: roleOf(a.toks[b-1].lower), org: org}, h, true
	}
	if sp, d, ok := a.publishedDocument(s, c, b, st); ok {
		return sp, d, true
	}
	if w := a.toks[b].lower; (w == "in" || w == "at") && b-1 >= s.first && a.nameWord(b-1) {
		// "The Embassy of Lunmark in Tavrashen wrote": the body, placed
		if k, ok := a.nameEndingAt(b-1, s.first); ok {
			if k = a.ofNameStart(k, s.first); isOrgName(a.joinTokens(k, b)) {
				sp, d := a.nameRef(k, b, s.first, st)
				return sp, d, true
			}
		}
	}
	if h, ok := a.bodyOfPlace(s, b); ok {
		// "The embassy of Veloria said", "The foreign ministry of Lundvia
		// said": the body, named by its kind and its country
		return speakerRef{name: a.joinTokens(h, j+1)}, s.first, true
	}
	if w := a.toks[b].lower; (w == "in" || w == "at") && b-2 > s.first && a.nameWord(b-1) {
		// "The embassy of Morvia in Telsk said": the body of its country,
		// placed
		if k, ok := a.nameEndingAt(b-1, s.first); ok && k-1 > s.first {
			if h, ok := a.bodyOfPlace(s, k-1); ok {
				return speakerRef{name: a.joinTokens(h, b)}, s.first, true
			}
		}
	}
	if w := a.toks[b].lower; (w == "in" || w == "at") && b-1 >= s.first && orgWords[a.toks[b-1].lower] && !a.toks[b-1].isCap() {
		// "The Mtvanetian embassy in Novqala announced": the body, placed
		h := b - 1
		for h-1 >= s.first && h > b-4 && a.toks[h-1].word && !boundaryWords[a.toks[h-1].lower] || h-1 >= s.first && determiners[a.toks[h-1].lower] {
			h--
		}
		return speakerRef{source: a.joinTokens(h, j+1)}, h, true
	}
	if sp, d, ok := a.documentByAuthor(s, b, j+1, st); ok {
		return sp, d, true // "A lawsuit filed by Ann Roe against Harbour City claims"
	}
	if h, ok := a.roleOfSomethingBefore(s, b); ok {
		// "The owner of a bakery in Milbrook says": someone described,
		// placed by the name
		return speakerRef{source: a.joinTokens(s.first, j+1), role: roleOf(a.toks[h].lower)}, s.first, true
	}
	// the object of a preposition is not the subject: "X who in his
	// interview to the Voice of America called for"
	if sp, ok := a.relativeSubject(s, n0, st); ok {
		return sp, c.at, true
	}
	return speakerRef{}, c.at, false
}

// placedTitleHolder reads the person after a title and the place it
// holds in ("Ambassador of the Orvian Federation to Ardzania Viktor
// Stralev"), the place at token n0, the name ending at token j.
func (a *analysis) placedTitleHolder(s sentence, n0, j int, st *state) speakerRef {
	sp, _ := a.nameRef(n0+1, j+1, n0+1, st)
	if role, org := a.describe(s.first, n0-1); role != "" {
		sp.role, sp.org = role, cmp.Or(sp.org, org)
	}
	return sp
}

// placeBeforePerson reports whether the three capitalised words at
// tokens [n0, n1) are a place and a person's name of two words, after
// "in" or "to" that a title opening the sentence holds: "Ambassador of
// the Orvian Federation to Ardzania Viktor Stralev", "The head of the EU
// delegation in Ardzania Viktor Stralev".
func (a *analysis) placeBeforePerson(n0, n1, first int) bool {
	if n1-n0 != 3 || n0-1 <= first || (a.toks[n0-1].lower != "in" && a.toks[n0-1].lower != "to") || !a.isPersonName(n0+1, n1) {
		return false
	}
	for k := first; k < n0-1 && k < first+8; k++ {
		if t := a.toks[k]; !t.word {
			return false
		}
		if roleWords[a.toks[k].lower] {
			return true
		}
	}
	return false
}

// bodyOfOffice returns where the capitalised name of a body starts
// that "of the" and the capitalised title at token j close, the body
// opening the sentence (after "The"): "The Press Service of the
// President", "The Office of the Ombudsman".
func (a *analysis) bodyOfOffice(j, first int) (int, bool) {
	of := j - 1
	if of > first && a.toks[of].isCap() && roleWords[a.toks[of].lower] {
		of-- // a title of two words: "the Prosecutor General"
	}
	if of > first && a.toks[of].lower == "the" {
		of--
	}
	if of-1 < first || a.toks[of].lower != "of" || !a.toks[j].isCap() || !orgWords[a.toks[of-1].lower] || !a.toks[of-1].isCap() {
		return 0, false
	}
	if of-1 == first {
		return first, true // "Office of the Prosecutor General informed"
	}
	o0, ok := a.nameEndingAt(of-1, first)
	if !ok || !(o0 == first || o0 == first+1 && articles[a.toks[first].lower]) {
		return 0, false
	}
	return o0, true
}

// bodyOfPlace reports whether sentence s opens with "the", a few
// lower-case words ending with a noun for a kind of body, and the "of" at
// token b ("The embassy of", "The foreign ministry of"), returning where
// the body's words start (after "the").
func (a *analysis) bodyOfPlace(s sentence, b int) (int, bool) {
	for k := s.first + 2; k < b && k <= s.first+4 && a.toks[b].lower == "of"; k++ {
		if a.toks[k].lower == "of" && a.placeWords(k+1, b) {
			b = k // "The embassy of the Kingdom of Estmark": the first "of"
			break
		}
	}
	if a.toks[b].lower != "of" || b-s.first < 2 || b-s.first > 4 || !articles[a.toks[s.first].lower] || !a.orgNounAt(b-1) && !placeInstitutions[a.toks[b-1].lower] {
		return 0, false
	}
	for k := s.first + 1; k < b; k++ {
		if !a.toks[k].word || a.toks[k].isCap() {
			return 0, false
		}
	}
	return s.first + 1, true
}

// placeWords reports whether tokens [i, j) can all be words of a
// place's name: capitalised words, "the" and "of" ("the Kingdom of").
func (a *analysis) placeWords(i, j int) bool {
	for k := i; k < j; k++ {
		if t := a.toks[k]; !t.word || !t.isCap() && t.lower != "the" && t.lower != "of" {
			return false
		}
	}
	return true
}

// roleOfSomethingBefore reports whether the sentence opens with an
// article, a role and "of" something in lower case up to the preposition
// at token b ("The owner of a bakery" before "in Milbrook"), and the
// role's token.
func (a *analysis) roleOfSomethingBefore(s sentence, b int) (int, bool) {
	h := s.first + 1
	if b-s.first < 4 || b-s.first > 7 || !articles[a.toks[s.first].lower] || !roleWords[a.toks[h].lower] || a.toks[h+1].lower != "of" {
		return 0, false
	}
	for k := h + 2; k < b; k++ {
		if t := a.toks[k]; !t.word || t.isCap() || boundaryWords[t.lower] && !articles[t.lower] {
			return 0, false
		}
	}
	return h, true
}

// publishedDocument finds the subject of cue c when it is a document
// followed by where it was published, the name before the cue being the
// publisher's after "in", "on" or "for" at token b: "Ann Roe's article in
// the Harbour Herald states", "The article by Ann Roe in Harbour Weekly
// says". The document speaks for its author.
func (a *analysis) publishedDocument(s sentence, c cueHit, b int, st *state) (speakerRef, int, bool) {
	if w := a.toks[b].lower; w != "in" && w != "on" && w != "for" || b-1 < s.first {
		return speakerRef{}, 0, false
	}
	d := a.toks[b-1]
	switch {
	case d.word && documentNouns[d.lower]:
		sp, start, ok := a.subjectPhrase(s, c, b-1, st)
		return sp, start, ok && !sp.empty()
	case a.nameWord(b - 1):
		n0, ok := a.nameEndingAt(b-1, s.first)
		if !ok || n0-2 < s.first || !authorLinks[a.toks[n0-1].lower] || !documentNouns[a.toks[n0-2].lower] {
			return speakerRef{}, 0, false
		}
		sp, _ := a.nameRef(n0, b, n0, st)
		return sp, n0 - 2, true
	}
	return speakerRef{}, 0, false
}

// headBeforePreposition returns the head of the short noun phrase with
// an article that opens sentence s and ends before the preposition at
// token b ("A man in the crowd", "The woman at the counter"), or a
// plural group ("Customers affected by the breach"): the subject the
// prepositional phrase describes. "of" is left to the phrases it
// joins ("The mother of the victim").
func (a *analysis) headBeforePreposition(s sentence, b int) (int, bool) {
	if g := a.toks[s.first]; a.toks[b].lower != "of" && isGroupNoun(g.lower) && (b == s.first+1 || b == s.first+2 && isEdForm(a.toks[b-1])) {
		// "Customers affected by the breach say", "Workers at the plant
		// said": a group, described by what happened to it or where
		return s.first, true
	}
	if a.toks[b].lower == "of" || !articles[a.toks[s.first].lower] || b-s.first < 2 || b-s.first > 4 {
		return 0, false
	}
	if authorLinks[a.toks[b].lower] && documentNouns[a.toks[b-1].lower] {
		return 0, false // "A statement from the mayor's office said": its author speaks
	}
	for k := s.first + 1; k < b; k++ {
		t := a.toks[k]
		if !t.word || t.isCap() || boundaryWords[t.lower] || determiners[t.lower] {
			return 0, false
		}
		if _, cue := cueVerbs[t.lower]; cue && !nounableCues[t.lower] {
			return 0, false
		}
	}
	return b - 1, true
}

// isEdForm reports whether t is a lower-case word ending in "ed", a past
// participle after a document noun ("filed", "published").
func isEdForm(t token) bool { return t.word && !t.isCap() && strings.HasSuffix(t.lower, "ed") }

// documentBefore returns the token of the document noun right before
// token b, or before a participle there ("the report published"), else -1.
func (a *analysis) documentBefore(b, min int) int {
	d := b - 1
	if d > min && isEdForm(a.toks[d]) {
		d--
	}
	if d >= min && d < b && documentNouns[a.toks[d].lower] {
		return d
	}
	return -1
}

// documentByAuthor finds a document that opens sentence s with its
// author after "by" or "from", the prepositional phrase at token b being
// a further complement of it or, when b is that "by", the author itself,
// up to token end: "A lawsuit filed by Ann Roe against the city claims",
// "The letter from the Harbour Council to the mayor says", "A charge
// sheet issued by the constabulary alleges". The document speaks for its
// author.
func (a *analysis) documentByAuthor(s sentence, b, end int, st *state) (speakerRef, int, bool) {
	d := s.first
	if articles[a.toks[d].lower] {
		d++
	}
	if d+2 <= b && a.descriptorWord(d) && documentNouns[a.toks[d+1].lower] {
		d++ // "A civil lawsuit"
	}
	if d+1 > b || !documentNouns[a.toks[d].lower] {
		return speakerRef{}, 0, false
	}
	k := d + 1
	if isEdForm(a.toks[k]) {
		k++ // "filed", "signed", "issued"
	}
	if w := a.toks[k].lower; w == "of" || !authorLinks[w] {
		if w != "of" && prepositions[w] {
			// "The lawsuit against the city claims", "A lawsuit filed in
			// Tamsin County Court says": the document, not what it is
			// about or where it was filed
			return a.phraseRef(a.joinTokens(s.first, d+1), s.first, d+1, st), s.first, true
		}
		return speakerRef{}, 0, false
	}
	if k == b {
		b = end // the author ends the subject
	}
	n := k + 1
	if n+1 < b && a.toks[n].lower == "the" && a.toks[n+1].word && !a.toks[n+1].isCap() {
		// a description: "by the constabulary"
		if sp, ok := a.agentAt(n, b, st); ok {
			return sp, s.first, true
		}
		return speakerRef{}, 0, false
	}
	if n < b && articles[a.toks[n].lower] {
		n++
	}
	if n >= b || !a.nameWord(n) && !a.toks[n].isAcronym() {
		return speakerRef{}, 0, false
	}
	e, ok := a.nameStartingAt(n, b)
	if !ok || e != b && !prepositions[a.toks[e].lower] && !placePrepositions[a.toks[e].lower] {
		return speakerRef{}, 0, false // (the author may be followed by where: "by Grace Church in Tamsin County court")
	}
	sp, _ := a.nameRef(n, e, n, st)
	return sp, s.first, true
}

// subjectBeforeThat finds the noun phrase before ", that" or ", which"
// at token j.
func (a *analysis) subjectBeforeThat(s sentence, c cueHit, j int, st *state) (speakerRef, int, bool) {
	// "the statement by the embassy, that calls for": the noun phrase
	// before the comma
	for k := j - 2; k >= s.first && k > j-16; k-- {
		p := a.toks[k]
		if !p.word || a.insideQuote(p.start) {
			break
		}
		if determiners[p.lower] {
			if documentNouns[a.toks[j-2].lower] && k > s.first {
				// "Parents signed a petition, which argues": a document
				// the sentence's subject wrote or signed speaks for it
				if e := a.groupPhraseEnd(s.first, k); e > s.first {
					return speakerRef{source: a.joinTokens(s.first, e)}, c.at, true
				}
				if sp, ok := a.sentenceSubject(s, k, st); ok {
					return sp, c.at, true
				}
			}
			return a.phraseRef(a.joinTokens(k, j-1), k, j-1, st), c.at, true
		}
	}
	return speakerRef{}, c.at, false
}

// descriptorWord reports whether token k is a lower-case word that can
// describe the organisation named after it ("the opposition HFP", "the
// ruling party"): no function word and no reporting verb.
func (a *analysis) descriptorWord(k int) bool {
	t := a.toks[k]
	if !t.word || t.isCap() || boundaryWords[t.lower] || articles[t.lower] || personLinks[t.lower] || prepositions[t.lower] {
		return false
	}
	_, cue := cueVerbs[t.lower]
	return !cue || nounableCues[t.lower] // ("the ruling NOP": a cue's form that is no verb here)
}

// ledOrganisation returns the organisation that a relative clause in
// tokens [i, j) says its person leads: "who chairs the Harbour Party",
// "who heads HFP"; else "".
func (a *analysis) ledOrganisation(i, j int) string {
	if i+2 >= j || a.toks[i].lower != "who" || !leadVerbs[a.toks[i+1].lower] {
		return ""
	}
	n := i + 2
	if articles[a.toks[n].lower] {
		n++
	}
	if n >= j || !a.nameWord(n) && !a.toks[n].isAcronym() {
		return ""
	}
	e, _ := a.nameStartingAt(n, j)
	e = a.ofNameEnd(n, e, j)
	name := cleanName(a.joinTokens(n, e))
	if p := a.afterAcronymInParens(e, j); p == j && p > e && isOrgName(name) {
		return a.toks[e+1].text // "who chairs the Civic Dawn Party (CDP)": the acronym the text gives it
	}
	if e == j && isOrgName(name) {
		return a.canonOrg(name)
	}
	return ""
}

// groupWithExamples returns the group that opens sentence s when the
// comma at token m opens "including" or "among" and some of its members:
// "Critics, including former mayor Jan Holt, say": the group speaks.
func (a *analysis) groupWithExamples(s sentence, m int, st *state) (speakerRef, bool) {
	if w := a.toks[m+1].lower; w != "including" && w != "among" {
		return speakerRef{}, false
	}
	if e := a.groupPhraseEnd(s.first, m); e == m {
		return speakerRef{source: a.joinTokens(s.first, m)}, true
	}
	if determiners[a.toks[s.first].lower] {
		return a.phraseRef(a.joinTokens(s.first, m), s.first, m, st), true
	}
	return speakerRef{}, false
}

// withOrg gives person sp organisation org, when org is one and sp has
// none.
func withOrg(sp speakerRef, org string) speakerRef {
	if org != "" && sp.org == "" && sp.person {
		sp.org = org
	}
	return sp
}

// subjectBeforeComma finds the subject of cue c when a comma at token j
// ends an apposition or a relative clause before it.
func (a *analysis) subjectBeforeComma(s sentence, c cueHit, j int, st *state) (speakerRef, int, bool) {
	m := j - 1
	for m >= s.first && a.toks[m].text != a.toks[j].text {
		m-- // the comma or dash that opens what the one at j closes
	}
	if m <= s.first {
		return speakerRef{}, c.at, false
	}
	if sp, d, ok := a.setOffSubject(s, c, m, j, st); ok {
		return sp, d, true
	}
	nameEnd := m
	if m-3 > s.first && a.toks[m-1].text == ")" && a.toks[m-3].text == "(" && a.toks[m-2].isAcronym() {
		nameEnd = m - 3 // "The Coalition of Democratic Forces (CDF), which …, calls for"
	}
	if m-1 > s.first && reflexivePronouns[a.toks[m-1].lower] {
		nameEnd = m - 1 // "Mammadli himself, in the letter read by his wife, wrote"
	}
	n0, ok := a.nameEndingAt(nameEnd-1, s.first)
	field := false
	if ok {
		n0 = a.ofNameStart(n0, s.first) // "The Institute for Legal Initiatives, a rights group,"
		if k := a.fieldBeforePerson(n0, nameEnd); k > n0 {
			n0, field = k, true // "Chairman of the Committee on Legal Policy Rafael Cəlilov, a co-author,"
		}
	}
	if ok && !a.plausibleName(n0, nameEnd) && !a.appositiveRole(m, j) {
		ok = false // "Somehow, the family will cope, says Roe": an adverb, not a name
	}
	if !ok || !a.isPersonName(n0, nameEnd) || field || n0 > s.first && (prepositions[a.toks[n0-1].lower] || a.toks[n0-1].lower == "the") {
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
	if sp, d, ok := a.firstConjunct(s, n0, st); ok {
		// "Ann Roe and Ivo Rask, both members of the council, argued":
		// the first named speaks, and the apposition describes her too
		_, org := a.describe(m+1, j)
		return withOrg(sp, org), d, true
	}
	sp, d0 := a.nameRef(n0, nameEnd, s.first, st)
	if prepositions[a.toks[m+1].lower] || relativeWords[a.toks[m+1].lower] {
		// "Ann Roe, in her column for the Daily Example, notes": where
		// she said it, not who she is; "Ann Roe — who chairs the board —
		// said": what she does, which is no title, though it may name
		// her organisation ("who chairs the Harbour Party")
		sp = withOrg(sp, a.ledOrganisation(m+1, j))
		return sp, d0, true
	}
	if role, org := a.describeOwned(m+1, j, st); role != "" || org != "" {
		if role != "" {
			sp.role = role
		}
		if org != "" {
			sp.org = org
		}
		st.known[sp.name] = sp
	} else if a.orgApposition(m+1, j) {
		// "Rally Harbour, the group that organised the march, said": an
		// organisation, which a later "the group" refers to
		sp.person = false
		st.known[sp.name] = sp
	}
	return sp, d0, true
}

// isDottedInitials reports whether w is initials joined by full stops,
// its last one cut off by the tokenizer ("R.M" of "R.M.").
func isDottedInitials(w string) bool {
	if len(w) < 3 || len(w)%2 == 0 {
		return false
	}
	for i, r := range w {
		if i%2 == 0 && !(r >= 'A' && r <= 'Z') || i%2 == 1 && r != '.' {
			return false
		}
	}
	return true
}

// setOffSubject reads what tokens (m, j), set off by commas or dashes
// before cue c, tell of the subject: a group with examples, a person
// named by initials, a participial phrase after the subject, a document
// that speaks for its author, or a name in apposition.
func (a *analysis) setOffSubject(s sentence, c cueHit, m, j int, st *state) (speakerRef, int, bool) {
	if sp, ok := a.groupWithExamples(s, m, st); ok {
		return sp, s.first, true
	}
	if j-m == 3 && a.toks[m].text == "," && isDottedInitials(a.toks[m+1].text) && a.toks[m+2].text == "." && m > s.first && (isRoleWord(a.toks[m-1].lower) || a.personLikeHead(m-1)) {
		// "A 34-year-old detainee, R.M., said": a person the text names
		// by initials only
		sp := speakerRef{name: a.toks[m+1].text + ".", person: true}
		st.noteSalient(sp)
		return sp, s.first, true
	}
	if m+1 < j && a.toks[m].text == "," && isParticiple(a.toks[m+1]) && !a.toks[m+1].isCap() {
		// "Officials at the port, speaking on condition of anonymity,
		// said": how they spoke, set off; the subject stands before it
		before := c
		before.at = m
		if m-2 > s.first && isNumber(a.toks[m-1]) && a.toks[m-2].text == "," {
			before.at = m - 2 // "Ilse Quarantotto, 34, accepting the prize, said": an age set off before it
		}
		if sp, start, ok := a.subjectBefore(s, before, st); ok {
			return sp, start, true
		}
	}
	if documentNouns[a.toks[m-1].lower] && !slices.ContainsFunc(a.toks[s.first:m-1], func(t token) bool { return prepositions[t.lower] }) {
		// "Ann Roe's article, titled “…”, argues": the document, which
		// speaks for its author (not the object of a preposition:
		// "Counsel to the inquiry, Fiona Gallacher, asked")
		if sp, d, ok := a.subjectPhrase(s, c, m-1, st); ok && !sp.empty() {
			return sp, d, true
		}
	}
	if sp, d, ok := a.personOfOrgInCommas(s, m, j, st); ok {
		return sp, d, true
	}
	if m+1 < j && a.toks[m+1].lower == "who" && slices.ContainsFunc(a.toks[s.first:m], func(t token) bool { return t.text == "," }) {
		// "Arif Hamzayev, chairman of the PFQ, who joined the protest,
		// said": whom the clause after the apposition describes
		if sp, ok := a.relativeSubject(s, m+2, st); ok {
			return sp, s.first, true
		}
	}
	if a.relativeClauseBefore(s.first, m) {
		// "Lawyer Aysel Nuraliyeva, who defends one of the detained,
		// Elvin Qambarli, told": the name ends the relative clause's
		// object; the subject is whom "who" describes
		if sp, ok := a.relativeSubject(s, m, st); ok {
			return sp, s.first, true
		}
	}
	if a0, n, ok := a.personOfOrgIn(m+1, j); ok {
		// "The incumbent, Denise Okonjo of the Civic Alliance, said": the
		// person, her organisation after her
		if sp, d, ok := a.nameInCommas(s, m, a0, n, st); ok {
			return sp, d, true
		}
	}
	if a0, named := a.nameEndingAt(a.nameEndBefore(m, j), m+1); named {
		// a name set off by the two commas
		if sp, d, ok := a.nameInCommas(s, m, a0, j, st); ok {
			return sp, d, true
		}
	}
	if name := a.orgNamedAfterKind(m, j); name != "" {
		return st.ref(a.canonOrg(name), false), s.first, true
	}
	if w := a.toks[m+1].lower; m+3 < j && (w == "the" || w == "a") && (genericOrgNouns[a.toks[m+2].lower] || orgNouns[a.toks[m+2].lower]) && a.nameWord(m+3) {
		// "The owner of the plant, the company Tasqazan Holding, said":
		// the organisation the apposition names
		if e, _ := a.nameStartingAt(m+3, j); e == j {
			sp, _ := a.nameRef(m+3, j, m+3, st)
			sp.person = false
			return sp, s.first, true
		}
	}
	return speakerRef{}, 0, false
}

// descriptionStart returns where the description that a name set off by
// the comma at token m comes after starts: back to a comma, not before
// token first, at most 12 tokens ("The union president, Ann Roe, said").
func (a *analysis) descriptionStart(m, first int) int {
	d := m
	for d-1 >= first && m-d < 12 && a.toks[d-1].text != "," {
		d--
	}
	return d
}

// relativeClauseBefore reports whether a relative clause set off by a
// comma ("…, who defends …") opens among tokens (first, m).
func (a *analysis) relativeClauseBefore(first, m int) bool {
	for k := first + 1; k < m; k++ {
		if a.toks[k].lower == "who" && a.toks[k-1].text == "," {
			return true
		}
	}
	return false
}

// personOfOrgInCommas reads an apposition between the commas at tokens m
// and j that names a person and where they work, after a description of
// a role ("Another analyst, Beth Corrigan of Halden Bank, noted", "The
// union president, Ann Roe of Local 12, said"): the person, with the
// role and the organisation.
func (a *analysis) personOfOrgInCommas(s sentence, m, j int, st *state) (speakerRef, int, bool) {
	if m-1 < s.first || !isRoleWord(a.toks[m-1].lower) || a.toks[m-1].isCap() || m+1 >= j || !a.nameWord(m+1) {
		return speakerRef{}, 0, false
	}
	pe, _ := a.nameStartingAt(m+1, j)
	if pe >= j-1 || a.toks[pe].lower != "of" && !ownerPrepositions[a.toks[pe].lower] || !a.isPersonName(m+1, pe) {
		return speakerRef{}, 0, false
	}
	o := pe + 1
	if a.toks[o].lower == "the" {
		o++
	}
	if e, ok := a.nameStartingAt(o, j); !ok || a.ofNameEnd(o, e, j) != j {
		return speakerRef{}, 0, false
	}
	sp, _ := a.nameRef(m+1, pe, m+1, st)
	d := a.descriptionStart(m, s.first)
	role, _ := a.describe(d, m)
	sp.role = cmp.Or(role, sp.role)
	sp.org = a.canonOrg(cleanName(a.joinTokens(o, j)))
	st.known[sp.name] = sp
	return sp, d, true
}

// personOfOrgIn finds a person's name and the organisation after it
// ("Denise Okonjo of the Civic Alliance") that close tokens [i, j): where
// the name starts and where it ends.
func (a *analysis) personOfOrgIn(i, j int) (start, end int, ok bool) {
	for k := i + 2; k+1 < j; k++ {
		if !personLinks[a.toks[k].lower] {
			continue
		}
		o := k + 1
		if a.toks[o].lower == "the" {
			o++
		}
		n0, named := a.nameEndingAt(k-1, i)
		if !named || !a.isPersonName(n0, k) || o >= j || a.orgPhraseEnd(o, j) != j && !a.commonOrgPhrase(o, j) {
			return 0, 0, false
		}
		return n0, k, true
	}
	return 0, 0, false
}

// commonOrgPhrase reports whether tokens [o, j) are a description of an
// organisation in lower case ending with its kind ("ruling party",
// "city council").
func (a *analysis) commonOrgPhrase(o, j int) bool {
	for k := o; k < j; k++ {
		if !a.toks[k].word || a.toks[k].isCap() {
			return false
		}
	}
	return j-o <= 3 && a.orgNounAt(j-1)
}

// nameEndBefore returns the last token of a name that ends right before
// token j, after token m: j-1, or the word before a branch's number
// ("United Food Workers Local 402").
func (a *analysis) nameEndBefore(m, j int) int {
	if last := j - 1; last-1 > m && isNumber(a.toks[last]) && a.nameWord(last-1) {
		return last - 1
	}
	return j - 1
}

// orgApposition reports whether tokens [i, j) are an apposition that
// says its name is an organisation's: an article, up to two lower-case
// modifiers and a noun for a kind of organisation ("the group that …",
// "a local charity").
func (a *analysis) orgApposition(i, j int) bool {
	if i >= j || !articles[a.toks[i].lower] {
		return false
	}
	for k := i + 1; k < j && k <= i+3; k++ {
		t := a.toks[k]
		if !t.word || t.isCap() {
			return false
		}
		if genericOrgNouns[t.lower] || orgNouns[t.lower] {
			return true
		}
	}
	return false
}

// orgNamedAfterKind returns the organisation's name set off by the commas
// at tokens m and j after a description whose head is a kind of
// organisation or group ("The country's largest trade union federation,
// the Confederation of Valmere Workers,", "A smaller group, the Qaraçay
// Green Movement (QGM),"), or "".
func (a *analysis) orgNamedAfterKind(m, j int) string {
	if m < 1 {
		return ""
	}
	head := a.toks[m-1]
	kindOfOrg := orgNouns[head.lower] || genericOrgNouns[head.lower] || isGroupNoun(head.lower)
	if !kindOfOrg && !(head.word && !head.isCap()) {
		return ""
	}
	o := m + 1
	if o < j && a.toks[o].lower == "the" {
		o++
	}
	if o >= j || !a.nameWord(o) {
		return ""
	}
	e, _ := a.nameStartingAt(o, j)
	e = a.ofNameEnd(o, e, j)
	if p := a.afterAcronymInParens(e, j); p == j && p > e {
		j = e // "(QGM)": the acronym it goes by
	}
	if e+1 == j && a.companyDot(e) {
		e = j // "The buyer, Marrick Hydro Co., said"
	}
	// a description of any other kind ("the buyer", "the winner") sets
	// off a name that says it is an organisation's
	if name := cleanName(a.joinTokens(o, e)); e == j && isOrgName(name) && (kindOfOrg || orgHeaded(name)) {
		return name
	}
	return ""
}

// nameInCommas reads the name at tokens [a0, j) set off by the commas at
// tokens m and j when it is the subject: the organisation a description
// before it gave ("Park's union, the Ferry Workers Guild, said"), a person
// named in the apposition ("a retired fisherman named Omar Selby"), or
// the person a description before the first comma gives ("her lawyer,
// Jane Roe, said").
func (a *analysis) nameInCommas(s sentence, m, a0, j int, st *state) (speakerRef, int, bool) {
	if (a.onlyDescriptors(m+1, a0) || a0 == m+2 && articles[a.toks[m+1].lower]) && (a.orgNounAt(m-1) || a.modifiedOrgNoun(s.first, m)) {
		// the apposition names the organisation the description gave (a
		// capitalised noun ends a name: "the head of the Harbour
		// Institute, Ann Roe,")
		return st.ref(a.canonOrg(cleanName(a.joinTokens(a0, j))), false), s.first, true
	}
	if sp, ok := a.namedInApposition(m, a0, j, st); ok {
		return sp, s.first, true
	}
	if a0 == m+1 && m-2 == s.first && possessivePronouns[a.toks[m-2].lower] && isOrgName(a.joinTokens(a0, j)) {
		// "Her label, Quayside Records, said": the organisation the
		// apposition names
		return st.ref(a.canonOrg(cleanName(a.joinTokens(a0, j))), false), s.first, true
	}
	if (a0 == m+1 || a.plainDescription(m+1, a0)) && a.partitiveBefore(s.first, m) {
		// "One of them, Bluewater Media, said": the one the name names
		// (also after what it is: "One of them, longtime rower Tamsin
		// Achebe-Ward, asked")
		sp, _ := a.nameRef(a0, j, a0, st)
		return sp, s.first, true
	}
	// (not when it ends in a role word: "Jim Roe, Eastside MP, said")
	if !a.onlyDescriptors(m+1, a0) || isOrgName(a.joinTokens(a0, j)) || roleWords[a.toks[j-1].lower] {
		return speakerRef{}, 0, false
	}
	// the name is the apposition: "her lawyer, Jane Roe, said", "one
	// senator, Montana Sen. Jo Tan, said"
	sp, _ := a.nameRef(a0, j, m+1, st)
	d := a.descriptionStart(m, s.first)
	if role, org := a.describeOwned(d, m, st); role != "" {
		sp.role = role
		sp.org = cmp.Or(org, sp.org)
		st.known[sp.name] = sp // what "Roe said" later refers to
	}
	a.noteRoleOf(d, m, sp, st)
	return sp, d, true
}

// plainDescription reports whether tokens [i, j), before a name, are a
// few lower-case words that describe whom it names, an article first or
// none: "longtime rower", "a retired welder".
func (a *analysis) plainDescription(i, j int) bool {
	if i < j && articles[a.toks[i].lower] {
		i++
	}
	if i >= j || j-i > 3 {
		return false
	}
	for k := i; k < j; k++ {
		if t := a.toks[k]; !t.word || t.isCap() || boundaryWords[t.lower] || determiners[t.lower] {
			return false
		}
	}
	return true
}

// orgNounAt reports whether token k is a word for an organisation in
// lower case ("the union", "the group").
func (a *analysis) orgNounAt(k int) bool {
	t := a.toks[k]
	return (orgNouns[t.lower] || genericOrgNouns[t.lower]) && !t.isCap()
}

// modifiedOrgNoun reports whether tokens [i, m) are a word for an
// organisation after an article, and what modifies it: "The union
// representing the workers", "the group that organised the march".
func (a *analysis) modifiedOrgNoun(i, m int) bool {
	if i+3 > m || !articles[a.toks[i].lower] || !a.orgNounAt(i+1) {
		return false
	}
	n := a.toks[i+2]
	return isParticiple(n) || relativeWords[n.lower] || prepositions[n.lower]
}

// describeOwned parses a description set off beside a name (tokens
// [i, j)) as describe does, and takes the organisation from a description
// that owns the role when it names none: "Ann Roe, the company's chief
// executive," and "The company's chief executive, Ann Roe," work for the
// company named before.
func (a *analysis) describeOwned(i, j int, st *state) (role, org string) {
	role, org = a.describe(i, j)
	if org == "" && role != "" {
		org = a.describedOwnerIn(i, j, st)
	}
	return role, org
}

// describedOwnerIn returns the organisation that a definite description
// owning a role among tokens [i, j) refers to ("The confederation's
// chairman"), or "".
func (a *analysis) describedOwnerIn(i, j int, st *state) string {
	if k := j - 2; k > i && a.toks[k].lower == "of" && representativeNouns[a.toks[k-1].lower] && a.definiteAt(k+1) && a.orgNounAt(j) {
		// "the press service of the ministry": the ministry named before
		if org, ok := a.describedOwner(a.toks[j].lower, a.toks[k+1].start, st); ok && !org.person {
			return org.name
		}
	}
	for k := i + 1; k < j; k++ {
		if t := a.toks[k]; isPossessive(t) && !t.isCap() && a.definiteAt(k-1) {
			if org, ok := a.describedOwner(possessor(t.lower), a.toks[k-1].start, st); ok && !org.person {
				return org.name
			}
		}
	}
	return ""
}

// partitiveBefore reports whether tokens [i, m) are a phrase picking
// one or some out of others, which a name in apposition after it names:
// "One of them", "Another", "One of the firms".
func (a *analysis) partitiveBefore(i, m int) bool {
	if m <= i || m-i > 8 {
		return false // ("One of the retailer's largest investors")
	}
	w := a.toks[i].lower
	return (w == "one" || w == "another" || quantifiers[w]) && (m-i == 1 || a.toks[i+1].lower == "of")
}

// namedInApposition reads an apposition between the commas at tokens m
// and j that names its person with "named" or "called" before the name
// at a0 ("My neighbour, a retired fisherman named Omar Selby, said").
func (a *analysis) namedInApposition(m, a0, j int, st *state) (speakerRef, bool) {
	if a0-1 <= m+1 || (a.toks[a0-1].lower != "named" && a.toks[a0-1].lower != "called") || !a.isPersonName(a0, j) {
		return speakerRef{}, false
	}
	sp, _ := a.nameRef(a0, j, a0, st)
	if role, _ := a.describe(m+1, a0-1); role != "" && sp.role == "" {
		sp.role = role
	}
	return sp, true
}

// subjectOfConjunction finds the subject of a cue after "and" or "but"
// at token j: the subject of the sentence's first clause.
func (a *analysis) subjectOfConjunction(s sentence, c cueHit, j int, st *state) (speakerRef, int, bool) {
	if e := a.groupPhraseEnd(s.first, j); e > s.first && !determiners[a.toks[s.first].lower] {
		// "Privacy advocates welcomed the fine but said": the group,
		// whatever word before it the text also used in a name
		if n, _ := a.nameStartingAt(s.first, j); !a.isPersonName(s.first, n) {
			return speakerRef{source: a.joinTokens(s.first, e)}, c.at, true
		}
	}
	if sp, ok := a.sentenceSubject(s, j, st); ok {
		return sp, c.at, true
	}
	// "The poet deleted the poem and said that": the opening noun phrase
	e := s.first
	for e < j && a.toks[e].word && !boundaryWords[a.toks[e].lower] && e < s.first+5 {
		if _, isCue := cueVerbs[a.toks[e].lower]; isCue && e > s.first {
			break
		}
		if e >= s.first+2 && strings.HasSuffix(a.toks[e].lower, "ed") {
			break // the verb of the first clause: "The activists expressed …"
		}
		e++
	}
	if determiners[a.toks[s.first].lower] {
		if g := a.groupPhraseEnd(s.first+1, j); g > s.first+1 {
			return speakerRef{source: a.joinTokens(s.first, g)}, c.at, true
		}
	}
	if e > s.first+1 && determiners[a.toks[s.first].lower] {
		return a.phraseRef(a.joinTokens(s.first, e-1), s.first, e-1, st), c.at, true
	}
	if e := a.groupPhraseEnd(s.first, j); e > s.first {
		return speakerRef{source: a.joinTokens(s.first, e)}, c.at, true
	}
	if quantifiers[a.toks[s.first].lower] {
		// "Some appeal to the court and say that …": some people
		return speakerRef{source: a.toks[s.first].text}, c.at, true
	}
	return speakerRef{}, c.at, false
}

// groupPhraseEnd returns the end of a plural group noun that opens a
// sentence at token i, with an "of" phrase naming the group ("Members of
// the party", "Residents of Eastport", "Dozens of parents"), before token
// limit; or i when there is none.
func (a *analysis) groupPhraseEnd(i, limit int) int {
	h := i // the group noun, after up to two modifiers ("Facebook users")
	if h+1 < limit && (isNumber(a.toks[h]) || numberWords[a.toks[h].lower]) {
		h++ // after a number: "Three activists of the Harbour Union"
	}
	m0 := h
	for h < limit && h < m0+2 && a.toks[h].word && !isGroupNoun(a.toks[h].lower) && !quantityNouns[a.toks[h].lower] && !boundaryWords[a.toks[h].lower] && !determiners[a.toks[h].lower] {
		if _, cue := cueVerbs[a.toks[h].lower]; cue {
			break
		}
		h++
	}
	if h < limit && !isGroupNoun(a.toks[h].lower) {
		h = i
	}
	quantity := h < limit && quantityNouns[a.toks[h].lower]
	if h >= limit || !isGroupNoun(a.toks[h].lower) && !quantity {
		return i
	}
	e := h + 1
	if e+1 >= limit || a.toks[e].lower != "of" && !ownerPrepositions[a.toks[e].lower] {
		if quantity {
			return i // "Dozens" alone names no one
		}
		return e
	}
	k := e + 1
	if articles[a.toks[k].lower] {
		k++
	}
	switch {
	case k >= limit:
		return e
	case a.nameWord(k) || a.toks[k].isAcronym():
		n, _ := a.nameStartingAt(k, limit)
		n = a.ofNameEnd(k, n, limit) // "of the Movement for a Free Drevania"
		for n+1 < limit && orgLinks[a.toks[n].lower] && a.nameWord(n+1) {
			n, _ = a.nameStartingAt(n+1, limit) // "Officials in the Ministry of Parks"
		}
		return n
	case a.toks[k].word && !boundaryWords[a.toks[k].lower]:
		if k+2 < limit && a.toks[k+1].lower == "of" && a.nameWord(k+2) {
			n, _ := a.nameStartingAt(k+2, limit) // "Residents of the village of Asagi Dagkend"
			return n
		}
		return k + 1 // "Members of the party", "Dozens of parents"
	}
	return e
}

// phraseStartBefore returns the first token of the noun phrase of up to
// six words that ends at token j of sentence s, before a cue.
func (a *analysis) phraseStartBefore(s sentence, j int) int {
	t := a.toks[j]
	k := j
	for k-1 >= s.first && k > j-6 {
		if a.companyDot(k - 1) {
			k -= 2 // "the Acme Corp. spokesperson"
			continue
		}
		p := a.toks[k-1]
		if isPossessive(p) && !determiners[p.lower] && p.isCap() && !documentNouns[t.lower] {
			// "McCallum's staff", "Acme Group's board": the owner's
			// name is part of the phrase
			for k--; k-1 >= s.first && k > j-6 && a.nameWord(k-1) && !isPossessive(a.toks[k-1]); k-- {
			}
			return k
		}
		if p.lower == "those" && k == j {
			// "All those involved said": those the participle describes
			k--
			if k-1 >= s.first && (quantifiers[a.toks[k-1].lower] || a.toks[k-1].lower == "all") {
				k--
			}
			return k
		}
		if (p.text == "'" || p.text == "’") && k-2 >= s.first && a.toks[k-2].end == p.start && a.nameWord(k-2) && strings.HasSuffix(a.toks[k-2].lower, "s") && !documentNouns[t.lower] {
			// "the United Nations’ climate change panel": a plural name's
			// possessive mark, a token of its own
			for k -= 2; k-1 >= s.first && k > j-7 && a.nameWord(k-1) && !isPossessive(a.toks[k-1]); k-- {
			}
			return k
		}
		if !p.word || boundaryWords[p.lower] || perceptionVerbs[p.lower] || isPossessive(p) && p.isCap() {
			// (a document's owner is its author: "Roe's letter"; whom
			// one heard say something said it: "I'd heard people say")
			return k
		}
		if _, isCue := cueVerbs[p.lower]; isCue && !(nounableCues[p.lower] && k-2 >= s.first && determiners[a.toks[k-2].lower]) && !(p.isCap() && k-2 >= s.first && a.nameWord(k-2)) {
			// (not a cue's form between a determiner and a noun: "the
			// ruling party"; nor inside a name: "the Harbour Post
			// newspaper")
			return k
		}
		k--
		if determiners[p.lower] {
			if k-1 >= s.first && articles[a.toks[k-1].lower] && !articles[p.lower] {
				k-- // "the senior economist", "the two officials": the article opens it
			}
			return k
		}
	}
	return k
}

// relativeClauseSource returns the unnamed source in tokens [first, w),
// the noun phrase a restrictive relative clause at token w describes,
// with its role and the organisation after "with", "at" or "for" ("An
// official with the Harbour Authority who …").
func (a *analysis) relativeClauseSource(first, w int) speakerRef {
	sp := speakerRef{source: a.joinTokens(first, w)}
	for h := first; h < w; h++ {
		if sp.role == "" {
			sp.role = roleOf(a.toks[h].lower)
		}
		if h+1 < w && ownerPrepositions[a.toks[h].lower] {
			if e, org := a.ownerObject(h+1, w); e > h+1 {
				sp.org = org
			}
			break
		}
	}
	return sp
}

// ownedNoun reports whether the cue word at token j is a noun after a
// determiner or an owner, maybe with a capitalised modifier between:
// "the report", "Roe's post", "Ann Roe's Facebook post".
func (a *analysis) ownedNoun(j, min int) bool {
	owned := func(k int) bool {
		return determiners[a.toks[k].lower] || possessivePronouns[a.toks[k].lower] || isPossessive(a.toks[k])
	}
	if owned(j - 1) {
		return true
	}
	return j-2 >= min && a.toks[j-1].isCap() && !isPossessive(a.toks[j-1]) && owned(j-2)
}

// subjectPhrase finds the subject of cue c when it ends in a lower-case
// word at token j: a noun phrase of up to six words.
func (a *analysis) subjectPhrase(s sentence, c cueHit, j int, st *state) (speakerRef, int, bool) {
	t := a.toks[j]
	if _, isCue := cueVerbs[t.lower]; isCue && !(nounableCues[t.lower] && j > s.first && a.ownedNoun(j, s.first)) {
		// (after a determiner or an owner it is the noun: "the report
		// said", "Roe's post says")
		return speakerRef{}, c.at, false
	}
	k := a.phraseStartBefore(s, j)
	if k > s.first && !a.toks[k-1].word && a.toks[k-1].text != "," && a.toks[k-1].text != ":" && !isQuoteMark(a.toks[k-1].text) {
		return speakerRef{}, c.at, false // (after a label: "ANALYSIS: Some experts say")
	}
	if sp, d, ok := a.personOfBody(s, k, j, st); ok {
		return sp, d, true // "Orxan Telli of the DYP youth wing said"
	}
	if k-1 > s.first && (prepositions[a.toks[k-1].lower] || placePrepositions[a.toks[k-1].lower]) {
		if sp, d, ok := a.documentByAuthor(s, k-1, j+1, st); ok {
			return sp, d, true // "A lawsuit filed by Ann Roe against the city claims"
		}
		if h, ok := a.headBeforePreposition(s, k-1); ok {
			// "A man in the crowd said": the man, described by where he was
			return speakerRef{source: a.joinTokens(s.first, j+1), role: roleOf(a.toks[h].lower)}, s.first, true
		}
	}
	if h, head, ok := a.participleHead(s, k); ok {
		// "the operator running the line said": the noun the participle
		// describes, not the participle's object
		return speakerRef{source: a.joinTokens(h, j+1), role: roleOf(a.toks[head].lower)}, h, true
	}
	if a.reducedRelativeSubject(k, j+1) {
		k = j // "a move critics say will hurt": the critics say it
	}
	if k == j && (t.lower == "you" || t.lower == "one") {
		return speakerRef{}, c.at, false // generic: "when you say", "one might think"
	}
	if k-3 >= s.first && (a.toks[k-1].lower == "with" || a.toks[k-1].lower == "to") && sourceModifiers[a.toks[k-2].lower] {
		// "sources familiar with the negotiations", "a person close to
		// the talks": the source is the noun before the modifier
		h := k - 3
		if h > s.first && determiners[a.toks[h-1].lower] {
			h--
		}
		if a.toks[k-3].word && !boundaryWords[a.toks[k-3].lower] {
			np := a.joinTokens(h, j+1)
			return speakerRef{source: np}, h, true
		}
	}
	if h, ok := a.ownerPhraseStart(k, s.first); ok {
		// "a spokesperson for the agency": an unnamed person of the
		// organisation the last words describe
		sp := speakerRef{source: a.joinTokens(h, j+1), role: a.toks[k-2].lower}
		if org := a.phraseRef(a.joinTokens(k, j+1), k, j+1, st); org.name != "" && !org.person {
			sp.org = org.name
		}
		return sp, h, true
	}
	if sp, d, ok := a.firstConjunct(s, k, st); ok {
		return sp, d, true
	}
	if w, ok := a.restrictiveRelativeHead(s, k); ok {
		// "Residents who live near the pier say": the noun phrase the
		// clause describes, not the object inside it
		return a.relativeClauseSource(s.first, w), s.first, true
	}
	if k-2 >= s.first && a.toks[k-1].lower == "of" && isGroupNoun(a.toks[k-2].lower) && (k-2 == s.first || k-3 == s.first && determiners[a.toks[s.first].lower]) {
		// "Lawyers of the detained activists say": the group, named by
		// whom it serves
		return speakerRef{source: a.joinTokens(s.first, j+1)}, s.first, true
	}
	if k == j && k > s.first && a.toks[k-1].word && !a.toks[k-1].isCap() && a.bareSingular(j) {
		// "helped by strong demand in Asia": a lone word in the singular
		// after a lower-case word, with no determiner, is a modifier, not
		// a subject (after a name it can be the name's noun: "the Post
		// newspaper writes")
		return speakerRef{}, c.at, false
	}
	np := a.joinTokens(k, j+1)
	return a.phraseRef(np, k, j+1, st), k, true
}

// bareSingular reports whether token j is a lower-case word that cannot
// stand alone as a subject: not a plural, a group or role noun, a
// quantifier, an indefinite pronoun ("nobody said") or a plural without
// "s" ("people say").
func (a *analysis) bareSingular(j int) bool {
	w := a.toks[j].lower
	return !a.toks[j].isCap() && !strings.HasSuffix(w, "s") && !isGroupNoun(w) && !isRoleWord(w) && !quantifiers[w] && !indefinitePersons[w] && !irregularPlurals[w]
}

// personOfBody reads a person's name, "of" or "from", and a phrase in
// lower case that names a body of an organisation, tokens [k, j] ("Orxan
// Telli of the DYP youth wing"): the person, with the organisation the
// phrase names, not the body, which speaks for no one here.
func (a *analysis) personOfBody(s sentence, k, j int, st *state) (speakerRef, int, bool) {
	if k-2 < s.first || !personLinks[a.toks[k-1].lower] || !a.orgNounAt(j) {
		return speakerRef{}, 0, false
	}
	n0, ok := a.nameEndingAt(k-2, s.first)
	if !ok || !a.isPersonName(n0, k-1) {
		return speakerRef{}, 0, false
	}
	sp, d := a.nameRef(n0, k-1, s.first, st)
	for o := k; o < j; o++ {
		if a.toks[o].isAcronym() || a.nameWord(o) {
			e, _ := a.nameStartingAt(o, j)
			sp.org = a.canonOrg(cleanName(a.joinTokens(o, e)))
			break
		}
	}
	return sp, d, true
}

// participleHead finds the noun phrase whose head a participle phrase
// ending with the noun phrase at token k describes ("the operator running
// the line said", "Residents living near the pier say"): where that
// phrase starts, and its head.
func (a *analysis) participleHead(s sentence, k int) (start, head int, ok bool) {
	for d := k - 1; d > s.first && d >= k-4; d-- {
		t := a.toks[d]
		if !t.word || t.isCap() {
			return 0, 0, false
		}
		if prepositions[t.lower] || placePrepositions[t.lower] {
			continue
		}
		if boundaryWords[t.lower] || !isParticiple(t) || len(t.lower) < 6 {
			return 0, 0, false
		}
		if _, cue := cueVerbs[t.lower]; cue {
			return 0, 0, false
		}
		h := d - 1
		n := a.toks[h]
		switch {
		case !n.word || boundaryWords[n.lower] || determiners[n.lower]:
		case h-1 >= s.first && articles[a.toks[h-1].lower] && !n.isCap():
			return h - 1, h, true
		case (h == s.first || a.toks[h-1].text == ",") && isGroupNoun(n.lower):
			return h, h, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// firstConjunct returns the name that opens sentence s and is joined by
// "and" to the noun phrase at token k, the subject's first conjunct ("The
// National Council and other public figures said", "Ann Roe and Ivo Rask
// said"): a statement has one speaker, and the text names that one first.
func (a *analysis) firstConjunct(s sentence, k int, st *state) (speakerRef, int, bool) {
	and := k - 1
	theSecond := and-1 > s.first && a.toks[and].lower == "the" // "… and the Centre for Prisoners"
	if theSecond {
		and--
	}
	roled := false
	for d := and; d > s.first && d > k-4 && (isRoleWord(a.toks[d].lower) || possessivePronouns[a.toks[d].lower]) && !a.toks[d].isCap(); d-- {
		if a.toks[d-1].lower == "and" {
			and, roled = d-1, true // "… and deputy chairman Marius Feld", "… and her deputy Ivo Stam": the second's role before the name
			break
		}
	}
	if and-1 < s.first || a.toks[and].lower != "and" {
		return speakerRef{}, 0, false
	}
	if sp, ok := a.describedFirstConjunct(s, and, st); ok {
		return sp, s.first, true
	}
	n0, ok := a.nameEndingAt(and-1, s.first)
	if !ok {
		return speakerRef{}, 0, false
	}
	n0 = a.ofNameStart(n0, s.first)
	n1 := and // the end of the first name
	listed := false
	for n0-2 >= s.first && a.toks[n0-1].text == "," {
		// a list: "Omar Belt, Ivan Sorel and Ruth Mayer said" (the first)
		p0, ok := a.nameEndingAt(n0-2, s.first)
		if !ok || !a.isPersonName(p0, n0-1) || !a.isPersonName(n0, n1) {
			break
		}
		n0, n1, listed = p0, n0-1, true
	}
	if !(n0 == s.first || n0-1 == s.first && (articles[a.toks[s.first].lower] || bothWords[a.toks[s.first].lower]) || n0-1 > s.first && a.toks[n0-1].text == "," || (listed || roled) && a.descriptorsBefore(s.first, n0)) {
		// (or after the content: "…, Ann Roe and Ivo Rask warned"; a
		// list may follow what its people are: "Opposition figures Omar
		// Belt, Ivan Sorel and Ruth Mayer said")
		return speakerRef{}, 0, false
	}
	e, _ := a.nameStartingAt(k, s.last)
	oneWord := n0 == and-1 && !a.toks[n0].isAcronym() && !isOrgName(a.toks[n0].text)
	afterThe := n0 > s.first && a.toks[n0-1].lower == "the" && !listed && !isOrgName(a.joinTokens(n0, n1))
	if (oneWord || afterThe) && !theSecond && isOrgName(a.joinTokens(k, e)) {
		// "The Truth and Reconciliation Commission", "The Amalgamated
		// Port and Harbour Workers' Union": words joined to an
		// organisation's name are part of it (a person's name takes no
		// article)
		sp, d := a.nameRef(n0, e, s.first, st)
		return sp, d, true
	}
	sp, d := a.nameRef(n0, n1, s.first, st)
	return sp, d, true
}

// describedFirstConjunct returns the person who opens sentence s, set
// off by an apposition that ends with the comma before "and" at token
// and: "Lena Varr, mayor of Osk, and Piet Daun, a councillor, said" (the
// first named speaks).
func (a *analysis) describedFirstConjunct(s sentence, and int, st *state) (speakerRef, bool) {
	if and-2 <= s.first || a.toks[and-1].text != "," {
		return speakerRef{}, false
	}
	e, ok := a.nameStartingAt(s.first, and)
	if !ok || e >= and-2 || a.toks[e].text != "," || !a.isPersonName(s.first, e) || a.hasFiniteVerb(e+1, and-1) {
		return speakerRef{}, false
	}
	for k := e + 1; k < and-1; k++ {
		if a.toks[k].text == "," || !a.toks[k].word && a.toks[k].text != "(" && a.toks[k].text != ")" {
			return speakerRef{}, false // one apposition, no list
		}
	}
	sp, _ := a.nameRef(s.first, e, s.first, st)
	if role, org := a.describeOwned(e+1, and-1, st); role != "" && sp.role == "" {
		sp.role, sp.org = role, cmp.Or(sp.org, org)
	}
	return sp, true
}

// descriptorsBefore reports whether tokens [i, j) are a short noun phrase
// with no verb that describes the names after it: "Opposition figures",
// "The activists".
func (a *analysis) descriptorsBefore(i, j int) bool {
	if j-i > 4 {
		return false
	}
	for k := i; k < j; k++ {
		t := a.toks[k]
		if _, cue := cueVerbs[t.lower]; !t.word || cue || boundaryWords[t.lower] && !determiners[t.lower] || k > i && t.isCap() {
			return false
		}
	}
	return true
}

// ownerObject returns the end of the organisation after "a spokesperson
// for" that starts at token i, and its name when it has one: "the
// ministry", "Northwind".
func (a *analysis) ownerObject(i, limit int) (int, string) {
	k := i
	if k < limit && articles[a.toks[k].lower] {
		k++
	}
	switch {
	case k >= limit:
		return i, ""
	case a.nameWord(k) || a.toks[k].isAcronym():
		e, _ := a.nameStartingAt(k, limit)
		e = a.ofNameEnd(k, e, limit)
		return e, a.canonOrg(cleanName(a.joinTokens(k, e)))
	case k > i && a.toks[k].word && (orgNouns[a.toks[k].lower] || genericOrgNouns[a.toks[k].lower] || orgWords[a.toks[k].lower]):
		return k + 1, ""
	}
	return i, ""
}

// ownerPhraseStart returns where a role noun phrase starts that stands
// before "for", "at" or "with" and the noun phrase at token k ("a
// spokesperson for the agency", "an official with the ministry"), or a
// noun for those who speak for an organisation or a person before "of"
// ("the press service of the ministry", "the family of Ann Roe").
func (a *analysis) ownerPhraseStart(k, min int) (int, bool) {
	if k-3 < min {
		return 0, false
	}
	prep, head := a.toks[k-1].lower, a.toks[k-2].lower
	if !((ownerPrepositions[prep] || prep == "of") && roleWords[head] || prep == "of" && (representativeNouns[head] || familyNouns[head])) {
		return 0, false
	}
	for h := k - 2; h >= min && h >= k-5; h-- {
		t := a.toks[h]
		if !t.word || boundaryWords[t.lower] && !determiners[t.lower] {
			return 0, false
		}
		if determiners[t.lower] {
			return h, true
		}
	}
	return 0, false
}

// ofNameEnd extends the name at tokens [n0, e) over "of" and the name
// after it when the name ends in a word for an organisation ("Ministry of
// Foreign Affairs", "University of Kent"; not "CEO of Acme").
func (a *analysis) ofNameEnd(n0, e, limit int) int {
	extended := false
	for e+1 < limit && e > n0 && a.toks[e].word && ((orgLinks[a.toks[e].lower] || a.toks[e].lower == "to") && orgWords[a.toks[e-1].lower] || extended && (a.toks[e].lower == "and" || a.toks[e].lower == "of")) {
		// (and a second "of" for the country: "Union of Independent
		// Reporters of Velmoria")
		// ("Committee to Defend Journalists": a purpose in the name)
		at := e + 1
		if orgLinks[a.toks[e].lower] && articles[a.toks[at].lower] && at+1 < limit {
			at++ // "Embassy of the Republic of Lindmark", "Ministry of the Interior", "League for a Free Press"
		}
		next := a.toks[at]
		if !next.word || !next.isCap() || functionCaps[next.lower] {
			break
		}
		if e2, ok := a.nameStartingAt(at, limit); ok {
			if a.toks[e].lower == "to" && !a.purposeAt(e+1) {
				break // "the Embassy to Moscow"
			}
			for e2 < limit && a.toks[e2].word && a.toks[e2].isCap() && isRoleWord(a.toks[e2].lower) {
				e2++ // "Office of the Public Prosecutor": an office's title ends the name
			}
			e = e2
		} else if a.toks[e].lower == "to" {
			break
		} else {
			e = at + 1 // a word that is no name alone: "Ministry of Justice"
		}
		extended = true // "Institute for Peace and Democracy"
	}
	return e
}

// skipArticle returns the token before the article at token i, or i when
// token i is no article.
func (a *analysis) skipArticle(i, min int) int {
	if i > min && a.toks[i].lower == "the" {
		return i - 1
	}
	return i
}

// companyDot reports whether token i is the dot of an abbreviated company
// suffix ("Inc.", "Corp.") or of an abbreviation with dots ("U.S."), which
// is part of the name before it.
func (a *analysis) companyDot(i int) bool {
	if i < 1 || a.toks[i].text != "." || a.toks[i-1].end != a.toks[i].start || !a.toks[i-1].isCap() {
		return false
	}
	p := a.toks[i-1].text
	return companySuffixes[a.toks[i-1].lower] || generationSuffixes[a.toks[i-1].lower] || strings.Contains(p, ".") && a.toks[i-1].isAcronym()
}

// ofNameStart extends the name starting at token n0 over "of" to an
// organisation name before it ("University of Kent" from "Kent"), so that
// the name is not taken for the object of a preposition.
func (a *analysis) ofNameStart(n0, min int) int {
	for n0-2 >= min && a.toks[n0-1].word {
		l := n0 - 1 // the link word
		if articles[a.toks[l].lower] && l-2 >= min && orgLinks[a.toks[l-1].lower] && a.toks[n0].isCap() {
			l-- // "the Ministry of the Interior", "Embassy of the Republic of Lindmark", "Coalition for an Independent Bench"
		}
		if a.toks[l].lower == "and" && l-2 >= min && a.toks[l-1].isCap() && a.toks[l-2].lower == "the" && a.orgNameFrom(n0) {
			// "the Justice and Progress Party": two fields joined in one
			// name, the first one a word alone (which may be a role's)
			n0 = l - 1
			continue
		}
		k, ok := a.nameEndingAt(l-1, min)
		if !ok {
			break
		}
		switch p := a.toks[l].lower; {
		case orgLinks[p] && isOrgName(a.joinTokens(k, l)):
			n0 = k
		case p == "of" && a.ofNameStart(k, min) < k && isOrgName(a.joinTokens(a.ofNameStart(k, min), l)):
			n0 = a.ofNameStart(k, min) // "the Ministry of Defence of Sarkhavia": the country of a name with "of"
		case p == "and" && k-2 >= min && orgLinks[a.toks[k-1].lower] && a.ofNameStart(k, min) < k:
			n0 = k // "Peace and Democracy" in "Institute for Peace and Democracy"
		case p == "and" && a.listedFieldStart(k, min) < k:
			n0 = a.listedFieldStart(k, min) // "Culture, Tourism and Sport" in "Ministry of Culture, Tourism and Sport"
		case p == "to" && a.purposeAt(n0) && isOrgName(a.joinTokens(k, l)):
			n0 = k // "The Committee to Defend Journalists"
		case p == "of" && k == l-1 && l == n0-1 && a.pluralNameOpening(k, min):
			n0 = k // "The Knights of Columbus", "Sisters of Mercy"
		default:
			return n0
		}
	}
	return n0
}

// orgNameFrom reports whether the name that starts at token i is an
// organisation's ("Progress Party").
func (a *analysis) orgNameFrom(i int) bool {
	e, _ := a.nameStartingAt(i, len(a.toks))
	return isOrgName(a.joinTokens(i, e))
}

// listedFieldStart returns where the list of fields that ends with the
// name at token k starts after an organisation's "of" or "for"
// ("Culture, Tourism" before "and Sport" in "Ministry of Culture, Tourism
// and Sport"), or k.
func (a *analysis) listedFieldStart(k, min int) int {
	c := k
	for c-2 >= min && a.toks[c-1].text == "," {
		n, ok := a.nameEndingAt(c-2, min)
		if !ok {
			return k
		}
		c = n
	}
	if c == k || c-2 < min || !orgLinks[a.toks[c-1].lower] || a.ofNameStart(c, min) == c {
		return k
	}
	return c
}

// purposeAt reports whether the capitalised words at token i, after an
// organisation's name and "to", are a purpose in the name, a verb and its
// object ("Committee to Defend Journalists"), not where it is sent ("the
// Embassy to Moscow", "the Ministry to Parliament").
func (a *analysis) purposeAt(i int) bool {
	e, _ := a.nameStartingAt(i, len(a.toks))
	return e-i >= 2 && !orgWords[a.toks[i].lower]
}

// pluralNameOpening reports whether token k is a capitalised plural noun
// that opens the sentence starting at token first, alone or after "The",
// as the people an organisation is named after ("The Knights of …"); not
// a group of unnamed people ("Residents of …") or a surname.
func (a *analysis) pluralNameOpening(k, first int) bool {
	t := a.toks[k]
	if k != first && !(k == first+1 && a.toks[first].lower == "the") {
		return false
	}
	return t.isCap() && !t.isAcronym() && strings.HasSuffix(t.lower, "s") && !isGroupNoun(t.lower) && !isRoleWord(t.lower) && len(a.mix.byWord[t.lower]) == 0
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
			n0, named := a.nameEndingAt(k, s.first)
			if named && !(n0 > s.first && (prepositions[a.toks[n0-1].lower] || a.toks[n0-1].lower == "the")) {
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
			if named && m <= s.first && a.toks[n0-1].lower != "the" {
				// no apposition before it: the name after a preposition is
				// the antecedent ("criticised by Ann Roe, who said")
				sp, _ := a.nameRef(n0, k+1, n0, st)
				return sp, true
			}
			return speakerRef{}, false
		}
		if t := a.toks[k]; isGroupNoun(t.lower) && (k == s.first || !t.isCap()) {
			// "critics who say", "Residents who say": the group
			h := k
			for h-1 >= s.first && h > k-3 && a.toks[h-1].word && !a.toks[h-1].isCap() && !prepositions[a.toks[h-1].lower] && (!boundaryWords[a.toks[h-1].lower] || quantifiers[a.toks[h-1].lower]) {
				if _, cue := cueVerbs[a.toks[h-1].lower]; cue || isEdForm(a.toks[h-1]) && !(h-2 >= s.first && determiners[a.toks[h-2].lower]) {
					break // (a verb: "has angered residents who say")
				}
				h--
			}
			return speakerRef{source: a.joinTokens(h, k+1)}, true
		}
		if n0, ok := a.nameEndingAt(k, s.first); ok {
			sp, _ := a.nameRef(n0, k+1, s.first, st)
			return sp, true
		}
		if sp, ok := a.namedBeforeRoleWho(s, k, st); ok {
			return sp, true
		}
		return speakerRef{}, false
	}
	return speakerRef{}, false
}

// namedBeforeRoleWho returns the person named before an apposition whose
// role word at token k a "who" follows: "Ann Dole, a nurse who said …"
// (the nurse is Ann Dole).
func (a *analysis) namedBeforeRoleWho(s sentence, k int, st *state) (speakerRef, bool) {
	if !isRoleWord(a.toks[k].lower) && !personNouns[a.toks[k].lower] || a.toks[k].isCap() {
		return speakerRef{}, false
	}
	h := k - 1
	for h > s.first && h > k-4 && a.toks[h].word && !articles[a.toks[h].lower] && !a.toks[h].isCap() {
		h--
	}
	if h-2 < s.first || !articles[a.toks[h].lower] || a.toks[h-1].text != "," {
		return speakerRef{}, false
	}
	n0, ok := a.nameEndingAt(h-2, s.first)
	if !ok || !a.isPersonName(n0, h-1) {
		return speakerRef{}, false
	}
	sp, _ := a.nameRef(n0, h-1, n0, st)
	return sp, true
}

// plausibleName rejects a lone capitalised word at the start of a sentence
// that the text never uses as a name elsewhere ("Interestingly said").
func (a *analysis) plausibleName(i, j int) bool {
	if j-i > 1 || a.toks[i].isAcronym() || a.sentOf[i] < 0 || a.sents[a.sentOf[i]].first != i {
		return true
	}
	w := cleanName(a.toks[i].text)
	if strings.HasSuffix(w, "ly") && !a.namedPart(w) {
		return false // (but "Donnelly said" after "Jack Donnelly")
	}
	if innerCapital(w) || strings.Contains(w, ".") {
		// "Al-Sistani", "O'Brien", "McAdam": a capital no sentence gives;
		// "Yol.info": a web address
		return true
	}
	for _, m := range a.mentions {
		for _, f := range strings.Fields(m.name) {
			if strings.EqualFold(f, w) {
				return true // (also "al-Sistani" in "Ali al-Sistani")
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

// namedPart reports whether word w is a word of a name of two or more
// words the text mentions ("Donnelly" of "Jack Donnelly").
func (a *analysis) namedPart(w string) bool {
	for _, m := range a.mentions {
		if ws := strings.Fields(m.name); len(ws) >= 2 && slices.ContainsFunc(ws, func(f string) bool { return strings.EqualFold(f, w) }) {
			return true
		}
	}
	return false
}

// innerCapital reports whether w has a capital letter after its first
// letter that follows a lower-case letter, a hyphen or an apostrophe, as
// names do ("Al-Sistani", "O'Brien", "McAdam") and words capitalised only
// to open a sentence do not. Words in capitals are no such names.
func innerCapital(w string) bool {
	prev := rune(0)
	for k, r := range w {
		if k > 0 && unicode.IsUpper(r) && (unicode.IsLower(prev) || prev == '-' || prev == '\'' || prev == '’') {
			return true
		}
		prev = r
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
	if k := a.orgBeforePerson(n0, n1); k > n0 {
		orgPrefix = a.joinTokens(n0, k)
		n0 = k
	}
	raw := cleanName(a.joinTokens(n0, n1))
	name := a.canonicalName(raw, a.toks[n0].start)
	g := a.honorificGenderBefore(n0)
	name = a.honorificFit(name, raw, g, a.toks[n0].start)
	if w := strings.ToLower(raw); name == raw && n1-n0 == 1 && genericOrgNouns[w] && n0 > 0 && a.toks[n0-1].lower == "the" {
		// "The Company believes": a press release's capitalised "the
		// company", which no definition named
		if sp, ok := a.describedOrg(w, nil, a.toks[n0].start, st); ok {
			return sp, n0 - 1
		}
	}
	if sp, ok := st.recentWithSurname(raw); ok && sp.name != name && (g == genderUnknown || a.gender[sp.name] == g) {
		// "Patty Campbell said … her daughter, Krystle Campbell … ‘…,’
		// Campbell said": of two people with the surname, the one who
		// has been speaking (and whom an honorific fits)
		name = sp.name
	}
	sp := st.ref(name, !isOrgName(name) && !a.namedAsOrg[name])
	d := n0
	for d-1 >= min && n0-d < 14 {
		p := a.toks[d-1]
		if p.text == ")" && d-3 >= min && a.toks[d-3].text == "(" {
			d -= 3 // "the Blue Harbour Party (BHP) Karl Ostrander"
			continue
		}
		if d-2 >= min && a.titleDot(d-1) {
			d -= 2 // "Coun. Ivo Rask"
			continue
		}
		if p.text == "." && d-2 >= min && a.toks[d-2].end == p.start && strings.Contains(a.toks[d-2].text, ".") && a.toks[d-2].isAcronym() {
			d -= 2 // "U.S. Senator Ann Roe": an abbreviation with dots
			continue
		}
		if !p.word || (boundaryWords[p.lower] && p.lower != "of" && !(p.lower == "from" && d-2 >= min && isRoleWord(a.toks[d-2].lower))) {
			break // (but "MP from the ARP Ann Roe": a role's organisation)
		}
		if _, isCue := cueVerbs[p.lower]; isCue && !(d-2 >= min && articles[a.toks[d-2].lower]) {
			break // (after an article it modifies a noun: "of the ruling New Homeland Party")
		}
		d--
	}
	role, org := a.describe(d, n0)
	if o := a.orgAfterName(n1); o != "" {
		org = o
	}
	if p := a.afterAcronymInParens(n1, len(a.toks)); org == "" && p > n1 && !isOrgName(raw) {
		org = a.toks[n1+1].text // "Konul Shiraliyeva (VBP) said": her party's acronym
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
	if a.orgKindBeforeName(d, n0) {
		sp.person, sp.role = false, ""
	}
	if role != "" || org != "" {
		st.known[name] = sp
	}
	return sp, d
}

// orgAfterName returns the organisation named after "of" at token n1,
// right after a person's name: "Omar Selby of XDP", "Ann Roe of the
// Union for Freedom in Media (UFM)", "of the ruling Progress Party"; not a place ("Senator Ann Roe of
// South Carolina").
func (a *analysis) orgAfterName(n1 int) string {
	o := n1 + 1
	if o+1 < len(a.toks) && a.toks[o].lower == "the" {
		o++ // "Ann Roe of the HDP"
		for n := 0; n < 2 && o+1 < len(a.toks) && a.toks[o].word && !a.toks[o].isCap() && !boundaryWords[a.toks[o].lower] && (a.nameWord(o+1) || a.toks[o+1].word && !a.toks[o+1].isCap()); n++ {
			o++ // "of the ruling Progress Party": what kind of party
		}
	}
	if o >= len(a.toks) || a.toks[n1].lower != "of" || !a.toks[o].isAcronym() && !a.nameWord(o) {
		return ""
	}
	e, _ := a.nameStartingAt(o, len(a.toks))
	if spelled, ok := a.spelledOutFrom(o); ok {
		e = spelled
	}
	if name := cleanName(a.joinTokens(o, e)); a.toks[o].isAcronym() || isOrgName(name) || a.canonOrg(name) != name {
		return a.canonOrg(name)
	}
	return ""
}

// documentRef resolves a subject noun phrase at tokens [i, j) with head
// word head that is a document to whoever made it (see documentByAgent
// and documentAuthor).
func (a *analysis) documentRef(head string, i, j int, st *state) (speakerRef, bool) {
	if sp, ok := a.documentByAgent(i, j, a.sents[a.sentOf[i]].last, st); ok {
		return sp, true
	}
	if documentNouns[head] {
		return a.documentAuthor(i, j, st)
	}
	return speakerRef{}, false
}

// describedBody resolves the definite description at tokens [i, j),
// with head word head, of an organisation: the one it refers to, or for
// "the service" only a name with that word in it ("The Orlen Valley Fire
// Service closed the road. The service said").
func (a *analysis) describedBody(head string, i, j int, st *state) (speakerRef, bool) {
	mods := a.modifiers(i, j-1)
	if orgNouns[head] || genericOrgNouns[head] {
		return a.describedOrg(head, mods, a.toks[i].start, st)
	}
	if namedKindNouns[head] {
		if name, ok := a.latestNameHolding(head, mods, a.toks[i].start); ok {
			return st.ref(name, false), true
		}
	}
	return speakerRef{}, false
}

// phraseRef builds the speaker for a noun phrase subject: a name inside it
// ("the Harbour Red Cross"), a definite description that refers back to a
// named speaker ("the minister", "the company", "the California
// Democrat"), or an unnamed source ("activists").
func (a *analysis) phraseRef(np string, i, j int, st *state) speakerRef {
	head := a.toks[j-1].lower
	definite := a.definiteAt(i)
	if sp, ok := a.documentRef(head, i, j, st); ok {
		return sp
	}
	if definite && affiliationNouns[head] {
		// "the Vermont Republican said": a descriptor, not a name
		if sp, ok := a.describedPerson(head, a.toks[i].start, true, st); ok {
			return sp
		}
	}
	sp, named, owner := a.nameInPhrase(np, i, j)
	if named {
		return sp
	}
	if sp, ok := a.namedHolder(head, i, j, definite, st); ok {
		return sp
	}
	if definite {
		if sp, ok := a.describedBody(head, i, j, st); ok {
			return sp
		}
	}
	if definite && roleWords[head] && owner != "" {
		for k := len(st.recent) - 1; k >= 0 && k >= len(st.recent)-salienceDepth; k-- {
			if st.recent[k].org == owner {
				return st.recent[k] // "The PDP leader" is the PDP's, whatever their title
			}
		}
	}
	if definite && j-i >= 3 && rankWords[a.toks[j-2].lower] && roleWords[head] {
		// "the deputy chairman said": a holder of that rank, not the
		// chairman
		if sp, ok := a.describedPerson(a.toks[j-2].lower+" "+head, a.toks[i].start, false, st); ok {
			return sp
		}
	}
	exHead := head
	if j-i >= 3 && formerWords[a.toks[j-2].lower] && roleWords[head] {
		exHead = "ex-" + head // "the former minister": whom "ex-minister" means
	}
	if base, ex := strings.CutPrefix(exHead, "ex-"); definite && ex && roleWords[base] {
		// "the ex-minister said", "the former minister said": the former
		// minister the text named ("Former minister Oqtay Selimxanli")
		if name := a.holderOfRole(exHead, a.toks[i].start); name != "" {
			return st.ref(name, true)
		}
	}
	if definite && !kinWords[head] && (roleWords[head] || a.hasAge(i, j)) {
		if sp, ok := a.describedPerson(head, a.toks[i].start, a.hasAge(i, j) || !anonymousRoles[head], st); ok {
			return sp
		}
	}
	if definite && j-i <= 4 && a.personLikeHead(j-1) {
		// "the rookie defenceman said": a description of someone just
		// named, whatever the noun
		if sp, ok := a.describedPerson(head, a.toks[i].start, true, st); ok {
			return sp
		}
	}
	if owner == "" {
		owner = a.describedOwnerIn(i, j-1, st) // "the ministry's press service"
	}
	if roleWords[head] {
		if p := j - 2; p >= i && isPossessive(a.toks[p]) && a.nameWord(p) {
			if sp, ok := st.roleOf[roleKey(head, possessor(a.toks[p].lower))]; ok {
				return sp // "Quill's lawyer", introduced as "the lawyer of Nora Quill, Emil Frost"
			}
		}
		return speakerRef{source: np, role: head, org: owner}
	}
	// "the Harbour Council's planning committee": an unnamed part of the
	// organisation named
	return speakerRef{source: np, org: owner}
}

// nameInPhrase reads the names inside the noun phrase np at tokens
// [i, j): the speaker when a name is what the phrase refers to ("the
// Harbour Red Cross", "Acme news agency"), and else the organisation named
// before the head, which owns it ("an Interior Ministry spokesperson",
// "Harbour Radio's correspondent").
func (a *analysis) nameInPhrase(np string, i, j int) (sp speakerRef, named bool, owner string) {
	ownerEnd := i
	for k := i; k < j; k++ {
		if a.toks[k].isAcronym() && roleWords[a.toks[k].lower] && k == j-1 {
			break // "the MP said": a role, written in capitals
		}
		if a.nameWord(k) || a.toks[k].isAcronym() {
			e, _ := a.nameStartingAt(k, j)
			if e == k+1 && determiners[a.toks[k].lower] {
				continue // "Local media reports": a capital only because it opens the sentence
			}
			if e < j && a.compoundAdjective(e) {
				k = e // "the Elk Harbour-based company": where it is, not its name
				continue
			}
			if e == j && k == i+1 && e-k >= 2 && roleWords[a.toks[j-1].lower] && a.definiteAt(i) {
				return speakerRef{}, false, owner // "The Special Rapporteur": a title, not a name
			}
			name := cleanName(a.joinTokens(k, e))
			firstWordOnly := e-k == 1 && a.sents[a.sentOf[k]].first == k && !a.toks[k].isAcronym() // "Hospital officials said"
			if e < j && k >= ownerEnd && isOrgName(name) && !firstWordOnly {
				// (also an owner: "Harbour Radio's correspondent")
				owner, ownerEnd = a.canonOrg(name), e
			}
			if e == j {
				return speakerRef{name: a.canonicalName(name, a.toks[k].start), person: !isOrgName(name)}, true, owner
			}
			if isPossessive(a.toks[e-1]) && !a.toks[j-1].isCap() {
				// "Trudeau's office": the owner is not the speaker, though
				// a name after it may be ("Korea's KCNA news agency")
				k = e - 1
				continue
			}
			if e == k+1 && isDemonym(a.toks[k].lower) && !a.toks[j-1].isCap() {
				if roleWords[a.toks[j-1].lower] && a.definiteAt(i) {
					continue // "the Aldorian minister": whom the role describes
				}
				return speakerRef{source: np}, true, owner // "the Canadian government"
			}
			if placeInstitutions[a.toks[j-1].lower] && !a.toks[j-1].isCap() && e == j-1 || e < j-1 && placeInstitutions[a.toks[e].lower] && !a.toks[j-1].isCap() && a.descriptorRun(e, j) {
				// "Harbour police said", "the Yaşıltəpə police department
				// said": the police of a place, not the place
				return speakerRef{name: cleanName(a.joinTokens(k, j))}, true, owner
			}
			if orgWords[a.toks[j-1].lower] {
				// "the Daily Example newspaper", "Acme news agency": a
				// name and, in lower case, the kind of organisation it
				// names, which is a descriptor and not part of the name.
				if e == j-1 || !a.toks[j-1].isCap() && a.descriptorRun(e, j) {
					return speakerRef{name: name}, true, owner
				}
				return speakerRef{name: cleanName(a.joinTokens(k, j))}, true, owner
			}
		}
	}
	return speakerRef{}, false, owner
}

// namedHolder returns the person the text named in the role a short
// description at tokens [i, j) gives, if it did: "according to his
// lawyer", "Her son said" ("Defence lawyer Nadia Oyelowo", "her son, Erik
// Oyelaran,"), "the father said" ("His father Rafael Vakilov").
func (a *analysis) namedHolder(head string, i, j int, definite bool, st *state) (speakerRef, bool) {
	if j-i != 2 || !(possessivePronouns[a.toks[i].lower] && roleWords[head] || definite && kinWords[head]) {
		return speakerRef{}, false
	}
	if name := a.holderOfRole(head, a.toks[i].start); name != "" {
		return st.ref(name, true), true
	}
	return speakerRef{}, false
}

// modifiers returns the lower-case words of a noun phrase between its
// determiner at token i and its head at token h.
func (a *analysis) modifiers(i, h int) []string {
	var mods []string
	for k := i + 1; k < h; k++ {
		if a.toks[k].word {
			mods = append(mods, a.toks[k].lower)
		}
	}
	return mods
}

// isDemonym reports whether w has the form of an adjective of a nation
// or a place ("canadian", "chinese", "british"), which names no one.
func isDemonym(w string) bool {
	if irregularDemonyms[w] {
		return true
	}
	for _, suffix := range demonymSuffixes {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2 {
			return true
		}
	}
	return false
}

// personLikeHead reports whether token k, the head of a definite
// description, is a singular common noun formed as a word for a person
// ("defenceman", "chairwoman", "economist") that no list gives another
// meaning.
func (a *analysis) personLikeHead(k int) bool {
	t := a.toks[k]
	w := t.lower
	if !t.word || t.isCap() || strings.HasSuffix(w, "s") || orgNouns[w] || genericOrgNouns[w] || documentNouns[w] || kinWords[w] || isGroupNoun(w) {
		return false
	}
	for _, suffix := range personSuffixes {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2 {
			return true
		}
	}
	return false
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

// definiteAt reports whether the noun phrase starting at token i is a
// definite description: it opens with "the", or it continues one after a
// comma ("the tall, soft-spoken engineer").
func (a *analysis) definiteAt(i int) bool {
	switch a.toks[i].lower {
	case "the":
		return true
	case "a", "an":
		return false // "Asked about the fires, a city spokesperson said": someone not named before
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

// isAge reports whether word w, in lower case, gives an age ("45-year-old").
func isAge(w string) bool { return strings.Contains(w, "-year-old") }

// hasAge reports whether tokens [i, j) give an age ("the 32-year-old
// labourer"), which marks a description of a person.
func (a *analysis) hasAge(i, j int) bool {
	for k := i; k < j; k++ {
		if isAge(a.toks[k].lower) {
			return true
		}
	}
	return false
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
	if from < limit && determiners[a.toks[from].lower] {
		if sp, ok := a.descriptionSubject(s, from, limit, st); ok {
			return sp, true
		}
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
			e = a.ofNameEnd(k, e, limit)
			if !a.plausibleName(k, e) {
				continue // "Rather than wait, the mayor …": a capital only because it opens the sentence
			}
			if r := a.roleRunEnd(a.roleAfterModifiers(a.afterAcronymInParens(e, limit), limit), limit); r > e && r < limit && a.nameWord(r) {
				// "Eastport Mayor Dev Patel", "Civic Party (CP) leader Jo
				// Tan", "National Renewal campaign chair Gordon Haverstock":
				// the place or organisation of the role
				k = r - 1
				continue
			}
			if e == k+1 && isDemonym(t.lower) && e < limit && a.toks[e].word && !a.toks[e].isCap() && !boundaryWords[a.toks[e].lower] {
				// "The Armenian side denied this, saying": a nation's side, no name
				return speakerRef{source: a.joinTokens(from, e+1)}, true
			}
			k = max(k, a.fieldBeforePerson(k, e)) // "Commissioner for Human Rights Nubar Hashimova": the person
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

// descriptionSubject reads the description that opens a sentence at
// token from, before token limit ("The poet deleted the poem … and
// said"): names after it are objects, so the subject is the description,
// the organisation or person of its role, or the name beside it.
func (a *analysis) descriptionSubject(s sentence, from, limit int, st *state) (speakerRef, bool) {
	// "The poet deleted the poem … and said": a description opens
	// the sentence; names after it are objects
	for k := from + 1; k < limit && k <= from+4 && a.toks[k].word; k++ {
		// (a capitalised place may modify the head: "A California
		// federal judge granted …, writing that")
		if w := a.toks[k].lower; roleWords[w] && k+2 < limit && ownerPrepositions[a.toks[k+1].lower] {
			e, _ := a.nameStartingAt(k+2, limit)
			if f := a.fieldBeforePerson(k+2, e); f > k+2 {
				// "The Commissioner for Human Rights Nubar Hashimova
				// welcomed … and called": the person after the field
				sp, _ := a.nameRef(f, e, s.first, st)
				return sp, true
			}
			// "A spokesperson for the ministry declined … but said"
			if e, org := a.ownerObject(k+2, limit); e > k+2 {
				return speakerRef{source: a.joinTokens(from, e), role: w, org: org}, true
			}
		}
		if w := a.toks[k].lower; (roleWords[w] || (orgNouns[w] || genericOrgNouns[w]) && !a.toks[k].isCap() || a.personLikeHead(k)) && !(k+1 < limit && roleWords[a.toks[k+1].lower] && !a.toks[k+1].isCap()) {
			// (a capitalised word for an organisation is in its
			// name: "The Westmarch Chamber of Commerce"; a noun before
			// a role modifies it: "The party chairman Ali Karimli")
			if n := a.closingName(k+2, limit); k+2 < limit && a.toks[k+1].text == "," && n > k+2 {
				// "The party's chairman, Orkhan Bagirov, …": the name
				// the description stands beside
				sp, _ := a.nameRef(k+2, n, s.first, st)
				return sp, true
			}
			if k+1 < limit && (a.nameWord(k+1) || a.toks[k+1].isAcronym()) {
				// "The Sardistani news agency SarPress published …":
				// the name the description stands before
				e, _ := a.nameStartingAt(k+1, limit)
				sp, _ := a.nameRef(k+1, e, s.first, st)
				return sp, true
			}
			return a.phraseRef(a.joinTokens(from, k+1), from, k+1, st), true
		}
	}
	return speakerRef{}, false
}

// afterAcronymInParens returns the token after an acronym in parentheses
// at token i ("(CSP)"), or i.
func (a *analysis) afterAcronymInParens(i, limit int) int {
	if i+2 < limit && a.toks[i].text == "(" && a.toks[i+1].isAcronym() && a.toks[i+2].text == ")" {
		return i + 3
	}
	return i
}

// roleRunEnd returns the end of the role words that start at token i
// ("Mayor", "Deputy Minister"), or i when none does.
func (a *analysis) roleRunEnd(i, limit int) int {
	r := i
	for r < limit && r < i+3 && a.toks[r].word && roleWords[a.toks[r].lower] {
		r++
	}
	return r
}

// afterAsFor returns where the opening noun phrase of sentence s starts:
// after "As for", whose topic is whom the sentence's pronoun names ("As
// for Munro, he plans …"), else at its first token.
func (a *analysis) afterAsFor(s sentence) int {
	if s.first+2 < s.last && a.toks[s.first].lower == "as" && a.toks[s.first+1].lower == "for" {
		return s.first + 2
	}
	return s.first
}

// noteSubject remembers the person named in the opening noun phrase of
// sentence s, the likeliest antecedent of a later "he" or "she". The phrase
// may carry descriptors before the name ("The XDP leader Omar Selby",
// "Harbour Ministry spokesperson Ines Vahl"), so the walk passes over
// determiners, role words and organisation names and keeps the last person
// name before the first other word (normally the verb). It reports
// whether a person was noted.
func (a *analysis) noteSubject(s sentence, st *state) bool {
	if p := a.paraAt(a.toks[s.first].start); p >= 0 && a.paras[p].start == a.toks[s.first].start {
		// a place in capitals is no one: "PORT SALLOW — At 6:15 …", the
		// dateline a sentence of its own or not
		s.first = a.datelineEnd(s.first, a.paras[p].end)
		if s.first >= s.last {
			return false
		}
	}
	if openingConjunctions[a.toks[s.first].lower] && s.first+1 < s.last {
		s.first++ // "But economist Ruth Okafor disagreed."
	}
	if a.closedByPronounAttribution(s) {
		return false // "Civic Reform first promised the bridge in 2009, she noted.": the words are hers
	}
	name, stop := a.openingName(a.afterAsFor(s), s)
	if k := a.lastSemicolon(s); k > 0 {
		// "The two scientists have known each other for years; Dr
		// Vastergaard was once …": the last clause's subject is the
		// latest one
		if n, _ := a.openingName(k+1, s); n != "" {
			name, stop = n, false
		}
	}
	if name == "" && !stop {
		// after a short introductory phrase: "On Monday, Ann Roe …",
		// "Given his views, Ann Roe, the head of …"
		if k := a.introComma(s); k >= 0 && !a.attributionToPronoun(s.first, k) {
			// (not after "According to him,": the intro refers back, and
			// the name after it is whom the words are about)
			name, _ = a.openingName(k+1, s)
		} else if k := a.passiveIntro(s); k >= 0 {
			name, _ = a.openingName(k+1, s) // "Asked about it, Brevik was brief."
		}
	}
	if name == "" {
		// "The Union's chairman, Kakha Pataridze, commented …": the name
		// set off after the description (also after an owner's name,
		// and after an opening phrase: "Outside the courthouse, the
		// victim's mother, Donna Pelletier, spoke")
		name = a.namedAfterDescription(s)
		if k := a.introComma(s); name == "" && k >= 0 && k+1 < s.last {
			name = a.namedAfterDescription(sentence{first: k + 1, last: s.last, para: s.para})
		}
	}
	if name == "" {
		name = a.existentialName(s) // "Among the speakers was Tilde Brann, …"
	}
	if name == "" && !stop {
		if sp, ok := a.describedRoleSubject(s, st); ok {
			st.noteSalient(sp) // "The mayor dismissed the criticism."
			return true
		}
	}
	if name == "" {
		return false
	}
	sp := speakerRef{name: name, person: true}
	if kn, ok := st.known[name]; ok {
		sp = kn
	} else if n0 := a.tokenNamed(name, s); n0 > s.first {
		// a title before the name is the person's role: "Mayor Lena
		// Holm defended the increase. … she said" (not what an opening
		// phrase names: "In an interview with Harbour Radio, opposition
		// leader Ann Roe")
		d := s.first
		if k := a.introComma(s); k >= 0 && k < n0 && (prepositions[a.toks[s.first].lower] || adverbialStarts[a.toks[s.first].lower]) {
			d = k + 1
		}
		if role, org := a.describe(d, n0); role != "" {
			sp.role, sp.org = role, org
			st.known[name] = sp
		}
	}
	st.noteSalient(sp)
	return true
}

// attributionToPronoun reports whether tokens [i, j) attribute the rest
// of the sentence to someone named before: "According to him", "In her
// words".
func (a *analysis) attributionToPronoun(i, j int) bool {
	if j-i != 3 || !personPronouns[a.toks[i+2].lower] && !personPronouns[a.toks[i+1].lower] {
		return false
	}
	return a.toks[i].lower == "according" || a.toks[i].lower == "in" && personPronouns[a.toks[i+1].lower]
}

// closedByPronounAttribution reports whether sentence s ends with a
// pronoun and a reporting verb after a comma ("…, she noted."): what
// comes before is someone's words, whose subject is no antecedent.
func (a *analysis) closedByPronounAttribution(s sentence) bool {
	e := s.last
	if e-1 > s.first && !a.toks[e-1].word {
		e--
	}
	if e-3 < s.first || a.toks[e-3].text != "," || !personPronouns[a.toks[e-2].lower] {
		return false
	}
	_, cue := cueVerbs[a.toks[e-1].lower]
	return cue
}

// describedRoleSubject returns the person a sentence opening with "the"
// and a role word refers to ("The mayor dismissed the criticism."), when
// the text named someone in that role.
func (a *analysis) describedRoleSubject(s sentence, st *state) (speakerRef, bool) {
	if s.first+2 >= s.last || a.toks[s.first].lower != "the" || !roleWords[a.toks[s.first+1].lower] {
		return speakerRef{}, false
	}
	if n := a.toks[s.first+2]; !n.word || n.isCap() || prepositions[n.lower] || n.lower == "of" || roleWords[n.lower] {
		return speakerRef{}, false // ("The mayor of Eastport", "The mayor, Ann Roe,")
	}
	return a.describedPerson(a.toks[s.first+1].lower, a.toks[s.first].start, false, st)
}

// passiveIntro returns the comma that ends an opening phrase of a past
// participle and a preposition ("Asked about it,", "Pressed on the
// budget,", "When asked about the future,") or a question put ("Asked
// what he would tell a new family,"), which says what was done to the
// subject after it; or -1.
func (a *analysis) passiveIntro(s sentence) int {
	first := s.first
	if a.toks[first].lower == "when" && first+1 < s.last {
		first++ // "When asked about the future, Yusuf Hamdan pauses."
	}
	t := a.toks[first]
	if first+2 >= s.last || !t.word || !strings.HasSuffix(t.lower, "ed") {
		return -1
	}
	if n := a.toks[first+1].lower; !prepositions[n] && !(strings.HasPrefix(t.lower, "ask") && questionWords[n]) {
		return -1 // ("Asked what he would tell a new family, …": the question put to him)
	}
	for k := first + 2; k < s.last && k < first+12; k++ {
		if t := a.toks[k]; t.text == "," {
			return k
		} else if !t.word {
			return -1
		}
	}
	return -1
}

// namedAfterDescription returns the person's name set off by commas
// after a description that opens sentence s with a role ("Director of
// research at Acme, Ann Roe, agreed"), before the verb.
func (a *analysis) namedAfterDescription(s sentence) string {
	owner := isPossessive(a.toks[s.first]) && a.toks[s.first].isCap() // "Santos's mother, Lucia Santos, read …"
	if !roleWords[a.toks[s.first].lower] && !((articles[a.toks[s.first].lower] || possessivePronouns[a.toks[s.first].lower] || owner) && a.roleWithin(s.first+1, min(s.first+6, s.last))) {
		return ""
	}
	for k := s.first + 1; k+3 < s.last && k < s.first+14; k++ {
		if a.toks[k].text != "," {
			continue
		}
		n0 := a.titleRunEnd(k+1, s.last) // "…, Deputy Foreign Minister Ilona Varga, rejected"
		if !a.nameWord(n0) {
			continue
		}
		e, _ := a.nameStartingAt(n0, s.last)
		if e+1 < s.last && a.toks[e].text == "," && a.isPersonName(n0, e) && a.toks[e+1].word && !a.toks[e+1].isCap() && !relativeWords[a.toks[e+1].lower] {
			return a.canonicalName(cleanName(a.joinTokens(n0, e)), a.toks[n0].start)
		}
	}
	return ""
}

// titleRunEnd returns the end of a title in capitals that starts at
// token i and ends with a role word before a name ("Deputy Foreign
// Minister", "Mayor"), or i when none does.
func (a *analysis) titleRunEnd(i, limit int) int {
	end := i
	for r := i; r < limit && r < i+4 && a.toks[r].word && a.toks[r].isCap(); r++ {
		if roleWords[a.toks[r].lower] && r+1 < limit && a.nameWord(r+1) {
			end = r + 1 // (the last role word: "Deputy Foreign Minister")
		}
	}
	return end
}

// interviewee returns the person the author says they asked or spoke to
// ("I asked barber Ann Roe", "We spoke with Ivo Rask"): whom the quotations
// that follow are from, and what "he" or "she" next refers to.
func (a *analysis) interviewee(s sentence, st *state) (speakerRef, bool) {
	if w := a.toks[s.first].lower; w != "i" && w != "we" {
		return speakerRef{}, false
	}
	k := s.first + 1
	for k < s.last && skippableBeforeCue(a.toks[k].lower) {
		k++
	}
	if k >= s.last || !interviewVerbs[a.toks[k].lower] {
		return speakerRef{}, false
	}
	if k+1 < s.last && (a.toks[k+1].lower == "to" || a.toks[k+1].lower == "with") {
		k++
	}
	for n := k + 1; n < s.last && n <= k+5 && a.toks[n].word; n++ {
		if !a.nameWord(n) {
			continue
		}
		e, _ := a.nameStartingAt(n, s.last)
		name := a.canonicalName(cleanName(a.joinTokens(n, e)), a.toks[n].start)
		if !strings.Contains(name, " ") || isOrgName(name) {
			return speakerRef{}, false
		}
		return st.ref(name, true), true
	}
	// "I asked the mayor whether …": a person the text does not name
	if n := k + 1; n+1 < s.last && articles[a.toks[n].lower] && (roleWords[a.toks[n+1].lower] || anonymousRoles[a.toks[n+1].lower]) {
		return speakerRef{source: a.joinTokens(n, n+2), role: a.toks[n+1].lower}, true
	}
	return speakerRef{}, false
}

// tokenNamed returns the token where name starts in sentence s, or -1.
func (a *analysis) tokenNamed(name string, s sentence) int {
	first, _, _ := strings.Cut(name, " ")
	for k := s.first; k < s.last && k < s.first+12; k++ {
		if a.toks[k].text == first {
			return k
		}
	}
	return -1
}

// openingName returns the person named in the noun phrase that starts at
// token from of sentence s. stop is set when the phrase shows that no
// person is its subject ("Roe's lawyer", "Roe of …").
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
		if isPossessive(t) && roleWords[possessor(t.lower)] && k+1 < s.last && roleWords[a.toks[k+1].lower] {
			k++ // "The President's aide Elvin Rahimli": a role's, then the role
			continue
		}
		if r := a.roleAfterModifiers(k, s.last); r > k {
			k = r // modifiers of the role: "Transit union local president Mara Lind"
			continue
		}
		if r := a.roleOrganisationEnd(k, s.last); r > k {
			k = r // "The chairman of the UC Kakha Pataridze": the role's organisation, then the person
			continue
		}
		if !a.nameWord(k) && !t.isAcronym() {
			break
		}
		e, _ := a.nameStartingAt(k, s.last)
		n := a.canonicalName(cleanName(a.joinTokens(k, e)), t.start)
		if !isOrgName(n) && !isPlaceName(n) && !(k > from && a.toks[k-1].lower == "the") && (strings.Contains(n, " ") || a.appositiveRole(e, s.last)) {
			name = n // "the Nevada Democrat" describes, a person's name takes no article
		}
		if isPossessive(a.toks[e-1]) {
			if r := a.roleAfterModifiers(e, s.last); r < s.last && (roleWords[a.toks[r].lower] || r > e) && r+1 < s.last && a.nameWord(r+1) {
				k = r + 1 // "The President's aide Elvin Rahimli": the aide is the subject
				continue
			}
			return "", true // "Roe's lawyer": the name is not the subject
		}
		k = e
		if e < s.last && a.toks[e].lower == "of" && name != "" && strings.Contains(name, " ") {
			return name, false // "Analyst Ann Roe of the firm Quill Partners is more sceptical": where she works
		}
		if e < s.last && (a.toks[e].lower == "of" || a.toks[e].lower == "and") {
			return "", true
		}
	}
	return name, false
}

// roleAfterModifiers returns the token of a role word that up to three
// lower-case modifiers starting at token k lead to ("union local
// president"), or k.
func (a *analysis) roleAfterModifiers(k, limit int) int {
	for m := k; m < limit && m < k+3; m++ {
		t := a.toks[m]
		if !t.word || t.isCap() || boundaryWords[t.lower] || prepositions[t.lower] || articles[t.lower] {
			return k
		}
		if m+1 < limit && roleWords[a.toks[m+1].lower] {
			return m + 1
		}
	}
	return k
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
		if a.abbreviationDot(k) {
			continue // "On Nov. 27, Ody expressed …"
		}
		if !t.word || a.insideQuote(t.start) {
			return -1
		}
		if _, isCue := cueVerbs[t.lower]; isCue && !a.nominalCue(k, s.first) {
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

// abbreviationDot reports whether token i is the full stop of an
// abbreviation written right after it ("Nov.", "Dr."), which the
// sentence goes on past.
func (a *analysis) abbreviationDot(i int) bool {
	return i > 0 && a.toks[i].text == "." && a.toks[i-1].end == a.toks[i].start && a.toks[i-1].word && isAbbreviation(a.toks[i-1])
}

// subjectAfter parses an inverted subject: "said Roe", "said police
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
	if sp, after, ok, done := a.invertedPronounOrOwned(s, c, k, st); done {
		return sp, after, ok
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
	if n0, n := a.partitiveNamed(k, e, s.last); n > n0 {
		// "said one of the mothers, Sabina H.": the apposition names
		// the one
		sp, _ := a.nameRef(n0, n, n0, st)
		return sp, n, true
	}
	if n0, n, org, ok := a.roleOfOrgThenName(k, s.last); ok {
		sp, _ := a.nameRef(n0, n, n0, st)
		sp.role, sp.org = a.toks[k+1].lower, org // what the words before the name say
		return sp, n, true
	}
	e = a.invertedNameEnd(k, e)
	for n := e - 1; n >= k; n-- {
		if a.nameWord(n) || a.toks[n].isAcronym() {
			n0, ok := a.nameEndingAt(n, k)
			if !ok {
				return speakerRef{}, k, false
			}
			sp, _ := a.nameRef(n0, n+1, k, st)
			if sp.role == "" && n+2 < s.last && a.toks[n+1].text == "," && !relativeWords[a.toks[n+2].lower] {
				// "said Ann Roe, a professor at Eastport University"
				// (not a relative clause: "Ann Roe, whose son …")
				end := n + 2
				for end < s.last && end < n+14 && a.toks[end].text != "," && a.toks[end].text != "." {
					end++
				}
				if role, org := a.describeOwned(n+2, end, st); role != "" {
					sp.role, sp.org = role, org
					st.known[sp.name] = sp
				}
			}
			return sp, n + 1, true
		}
	}
	if determiners[a.toks[k].lower] && e-k <= 5 && !a.hasFiniteVerb(k, e) {
		// (not "…, said two ships had been seized": a clause)
		d := e + 1
		for d < s.last && d < e+4 && a.toks[d].word && !a.toks[d].isCap() && isRoleWord(a.toks[d].lower) {
			d++ // "said the report's lead author, economist Nadia Farouk"
		}
		if n := a.closingName(d, s.last); e < s.last && a.toks[e].text == "," && n > d && a.hasRoleWord(k, e) {
			// "said its director, Paul Johnson": the apposition names the
			// person the description gave
			sp, _ := a.nameRef(d, n, e+1, st)
			if sp.role == "" {
				sp.role = a.toks[e-1].lower
			}
			return sp, n, true
		}
		return a.phraseRef(a.joinTokens(k, e), k, e, st), e, true
	}
	return speakerRef{}, k, false
}

// roleOfOrgThenName reads an inverted subject at token k that gives a
// role in an organisation and then, with no comma between, the person's
// name: "said the leader of the Moss and Field Party (MFP) Lana Orvik"
// (or with a comma: "said the chairman of the Harbour Union, Ivo Rask").
// It returns the name's tokens.
func (a *analysis) roleOfOrgThenName(k, limit int) (n0, n1 int, org string, ok bool) {
	if !determiners[a.toks[k].lower] || k+3 >= limit || !roleWords[a.toks[k+1].lower] || a.toks[k+2].lower != "of" {
		return 0, 0, "", false
	}
	o := k + 3
	if a.toks[o].lower == "the" {
		o++
	}
	for p := o; p < limit && p < k+16; p++ {
		t := a.toks[p]
		if t.text == ")" || a.nameWord(p) && orgWords[t.lower] {
			n0 := p + 1
			if n0 < limit && a.toks[n0].text == "," {
				n0++ // "the chairman of the Harbour Union, Ivo Rask"
			}
			if n := a.closingName(n0, limit); n-n0 >= 2 {
				org := cleanName(a.joinTokens(o, p+1))
				if t.text == ")" {
					org = a.toks[p-1].text // the acronym it goes by
				}
				return n0, n, a.canonOrg(org), true
			}
		}
		if !t.word && t.text != "(" && t.text != ")" && t.text != "," {
			return 0, 0, "", false
		}
	}
	return 0, 0, "", false
}

// invertedNameEnd returns where the inverted subject from token k ends
// before token e: before an organisation linked to it ("said Ann Roe with
// the Harbour Union") or where the words were said or written ("wrote Ann
// Roe on his Facebook page").
func (a *analysis) invertedNameEnd(k, e int) int {
	for n := k + 1; n < e; n++ {
		w := a.toks[n].lower
		if personLinks[w] || (w == "on" || w == "in" || w == "at" || placePrepositions[w]) && n+1 < e && (possessivePronouns[a.toks[n+1].lower] || articles[a.toks[n+1].lower]) {
			return n
		}
	}
	return e
}

// invertedPronounOrOwned reads the inverted subject at token k, after
// cue c, when it is a pronoun or a description owned by someone and named
// after it; done is false when it is neither.
func (a *analysis) invertedPronounOrOwned(s sentence, c cueHit, k int, st *state) (sp speakerRef, after int, ok, done bool) {
	if isPronounSubject(a.toks[k].lower) {
		if !a.quotedBefore(c.at) {
			// "Ruiz, who was first elected in 2015, said she will not
			// run again": the pronoun opens what was said; "said he"
			// inverts only after a quotation
			return speakerRef{}, k, false, true
		}
		return a.resolvePronoun(a.toks[k].lower, a.toks[k].start, st), k + 1, true, true
	}
	if n0, n := a.ownersRelativeNamed(k, s.last); n > n0 {
		// "said Elvin's mother, Zarifa Isgandarova": the apposition
		// names whom the description gave, not its owner
		sp, _ := a.nameRef(n0, n, n0, st)
		return sp, n, true, true
	}
	return speakerRef{}, k, false, false
}

// partitiveNamed returns the name [n0, n) of the apposition after "one of
// the mothers," at tokens [k, e), where e is the comma: one of a group of
// people, then who. Else n0 == n.
func (a *analysis) partitiveNamed(k, e, limit int) (int, int) {
	if e-k < 3 || e-k > 5 || e >= limit || a.toks[e].text != "," || a.toks[k].lower != "one" || a.toks[k+1].lower != "of" || !isGroupNoun(a.toks[e-1].lower) {
		return 0, 0
	}
	if n := a.closingName(e+1, limit); n > e+1 {
		return e + 1, n
	}
	return 0, 0
}

// onlyDescriptors reports whether tokens [i, j) can all stand before a
// name in an apposition: capitalised words, titles and their dots, role
// words ("Montana Sen.", "Harbour MP").
func (a *analysis) onlyDescriptors(i, j int) bool {
	for k := i; k < j; k++ {
		t := a.toks[k]
		if a.titleDot(k) || t.word && (t.isCap() || roleWords[t.lower] || honorifics[t.lower] || isAge(t.lower)) {
			continue // ("the accused, 34-year-old Mark Dunn,")
		}
		if t.word && k+1 < j && roleWords[a.toks[k+1].lower] && !boundaryWords[t.lower] && !determiners[t.lower] {
			continue // a modifier of the role: "retired teacher Ann Roe"
		}
		return false
	}
	return true
}

// orgKindBeforeName reports whether the descriptor at tokens [d, n0)
// before a name ends with a kind of organisation that is the name's own:
// "advocacy group Safe Roads Harwick", "the exile outlet Kovan". An "of"
// before it makes the organisation a role's ("head of the mission Ann
// Roe"), and so does a name in quotation marks or parentheses before it
// ("the “Fair Vote” public union Ann Roe").
func (a *analysis) orgKindBeforeName(d, n0 int) bool {
	if n0-1 < d || !a.orgNounAt(n0-1) {
		return false
	}
	if slices.ContainsFunc(a.toks[d:n0-1], func(t token) bool { return t.lower == "of" }) {
		return false
	}
	return d == 0 || !isQuoteMark(a.toks[d-1].text) && a.toks[d-1].text != ")"
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
			// (one word is a person's name when "who" describes it:
			// "Ruiz, who was first elected in 2015, said")
			whoFollows := e+1 < limit && a.toks[e].text == "," && a.toks[e+1].lower == "who" && !isOrgName(t.text)
			if !a.isPersonName(k, e) && !whoFollows || k > from && a.toks[k-1].lower == "the" {
				k = e
				continue
			}
			if e+1 < limit && isRoleWord(a.toks[e].lower) && !a.toks[e].isCap() && a.nameWord(e+1) {
				k = e + 1 // "Sallow Ridge resident Agnes Whitcombe": a place before the role
				continue
			}
			after := e
			if after+1 < limit && personLinks[a.toks[after].lower] {
				o := after + 1
				if a.toks[o].lower == "the" {
					o++
				}
				if o < limit && (a.nameWord(o) || a.toks[o].isAcronym() || a.toks[o].isCap()) {
					after = a.orgPhraseEnd(o, limit)
				}
			}
			if after >= limit || a.toks[after].text != "," {
				return speakerRef{}, false
			}
			if f := a.fieldBeforePerson(k, e); f > k {
				k = f // "The ambassador of Halvenia Ingrid Øvland, who …, noted"
			}
			sp, _ := a.nameRef(k, e, from, st)
			if after == e && a.appositiveRole(e, limit) {
				// "Ivo Rask, a member of the Harbour Party, who …, told"
				c := a.clauseEnd(e+1, limit)
				if role, org := a.describe(e+1, c); role != "" && sp.role == "" {
					sp.role, sp.org = role, cmp.Or(sp.org, org)
					st.known[sp.name] = sp
				}
			}
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

// orgPhraseEnd returns the end of the organisation's name that starts at
// token o after "of" or "with": the name, a name joined to it by "and"
// ("the Justice and Progress Party", whose first word may be a role's),
// and its acronym in parentheses.
func (a *analysis) orgPhraseEnd(o, limit int) int {
	if e, ok := a.spelledOutFrom(o); ok && e < limit {
		return a.afterAcronymInParens(e, limit) // "the Union for Freedom in Media (UFM)"
	}
	e := o + 1
	if a.nameWord(o) || a.toks[o].isAcronym() {
		e, _ = a.nameStartingAt(o, limit)
	}
	if e+1 < limit && a.toks[e].lower == "and" && a.nameWord(e+1) && a.orgNameFrom(e+1) {
		e, _ = a.nameStartingAt(e+1, limit)
	}
	return a.afterAcronymInParens(e, limit)
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
// sentence s before token limit ("Shortly after …,", "In March,",
// "Speaking to reporters,"), or -1.
// Names inside it are not the subject of the sentence.
func (a *analysis) adverbialIntro(s sentence, limit int) int {
	first := a.toks[s.first]
	if !first.word || !(prepositions[first.lower] || subordinators[first.lower] || boundaryWords[first.lower] || adverbialStarts[first.lower] || isParticiple(first) || strings.HasSuffix(first.lower, "ly") && first.isCap()) {
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
		if _, isCue := cueVerbs[t.lower]; isCue && !a.nominalCue(k, s.first) {
			return -1
		}
	}
	return -1
}

// orgNameEndingIn returns where an organisation's name starts when
// capitalised words ending at token j follow "of" or "for" after a name
// ending in a word for a kind of organisation ("Union of Independent
// Economists").
func (a *analysis) orgNameEndingIn(j, first int) (int, bool) {
	k := j
	for k-1 >= first && a.toks[k].word && a.toks[k].isCap() && k > j-3 {
		k--
	}
	if k == j || k-1 < first || a.toks[k].lower != "of" && a.toks[k].lower != "for" {
		return 0, false
	}
	n0, ok := a.nameEndingAt(k-1, first)
	if !ok || !orgWords[a.toks[k-1].lower] {
		return 0, false
	}
	return n0, true
}

// roleWithin reports whether a role word stands among tokens [i, j), with
// only an owner's name before it ("Union's chairman").
func (a *analysis) roleWithin(i, j int) bool {
	for k := i; k < j; k++ {
		if roleWords[a.toks[k].lower] {
			return true
		}
		if !a.toks[k].word || !a.toks[k].isCap() && !isPossessive(a.toks[k]) && a.toks[k].text != "’" && a.toks[k].text != "'" && boundaryWords[a.toks[k].lower] {
			return false // ("The Harbour Party's transport critic": a modifier before the role)
		}
	}
	return false
}

// occasionBeforeCue returns the last token of the subject when an
// occasion or a medium with its partner stands between the subject and
// the cue, ending at token j: "at a meeting with businessmen", "in an
// interview with the channel Horizon-1", "during a briefing".
func (a *analysis) occasionBeforeCue(j, min int) (int, bool) {
	for p := j - 1; p > min && p >= j-9; p-- {
		t := a.toks[p]
		if !t.word {
			return 0, false
		}
		if t.lower != "at" && t.lower != "in" && t.lower != "during" {
			continue
		}
		n := p + 1
		for n < j && n <= p+3 && (determiners[a.toks[n].lower] || possessivePronouns[a.toks[n].lower] || !occasionNouns[a.toks[n].lower] && !mediumNouns[a.toks[n].lower] && !a.toks[n].isCap()) {
			n++
		}
		if n > j || !occasionNouns[a.toks[n].lower] && !mediumNouns[a.toks[n].lower] {
			continue // "in Taldybel" after "at a meeting with farmers": the place, look further back
		}
		for n < j && occasionNouns[a.toks[n+1].lower] {
			n++ // "at the press conference"
		}
		if n < j && !occasionPartnerWords[a.toks[n+1].lower] {
			return 0, false
		}
		if a.nameWord(p-1) || a.toks[p-1].isAcronym() {
			return p - 1, true
		}
		return 0, false
	}
	return 0, false
}

// roleOrganisationEnd returns where the name of a person starts after a
// role's "of" and an organisation named by an acronym at token k ("The
// chairman of the UC Kakha Pataridze", "The deputy chairman of the QRP
// Fikrət Zeynalbəyli"), or k.
func (a *analysis) roleOrganisationEnd(k, limit int) int {
	if a.toks[k].lower != "of" || k == 0 || !roleWords[a.toks[k-1].lower] {
		return k
	}
	o := k + 1
	if o < limit && a.toks[o].lower == "the" {
		o++
	}
	if o+1 < limit && a.toks[o].isAcronym() && a.nameWord(o+1) {
		return o + 1
	}
	e, ok := a.nameStartingAt(o, limit)
	if !ok {
		return k
	}
	if p := a.orgBeforePerson(o, e); p > o {
		return p // "The chairman of the Green Party Kamran Alizada"
	}
	if isOrgName(a.joinTokens(o, e)) {
		// "member of the Union Party (UP) Elvin Rahimli": the party with
		// its acronym, then the person
		e = a.afterAcronymInParens(e, limit)
		if p, _ := a.nameStartingAt(e, limit); e < limit && a.nameWord(e) && a.isPersonName(e, p) {
			return e
		}
	}
	return k
}

// honorificFit returns, for a surname raw after an honorific of gender
// g, the person of that surname the honorific fits when name does not
// ("Mrs Reddaway said" after Martin and Lorna Reddaway), else name.
func (a *analysis) honorificFit(name, raw string, g byte, pos int) string {
	if g == genderUnknown || strings.Contains(raw, " ") || a.gender[name] == g {
		return name
	}
	return cmp.Or(a.surnameWithGender(raw, g, pos), name)
}

// honorificGenderBefore returns the gender an honorific right before
// token n0 gives ("Mrs", "Mr."), or genderUnknown.
func (a *analysis) honorificGenderBefore(n0 int) byte {
	k := n0 - 1
	if k >= 0 && a.toks[k].text == "." {
		k--
	}
	if k < 0 {
		return genderUnknown
	}
	return honorificGender[a.toks[k].lower]
}

// surnameWithGender returns the latest person named in full before byte
// pos whose last word is surname and whose gender is g, or "".
func (a *analysis) surnameWithGender(surname string, g byte, pos int) string {
	found := ""
	for _, k := range a.mix.bySuffix[strings.ToLower(surname)] { // (persons' names, in order)
		if m := a.mentions[k]; m.pos >= pos {
			break
		} else if a.gender[m.name] == g {
			found = m.name
		}
	}
	return found
}

// lastSemicolon returns the last semicolon of sentence s outside
// quotations, or -1.
func (a *analysis) lastSemicolon(s sentence) int {
	for k := s.last - 1; k > s.first; k-- {
		if a.toks[k].text == ";" && !a.insideQuote(a.toks[k].start) {
			return k
		}
	}
	return -1
}

// existentialName returns the person an inverted sentence opening with
// "Among" introduces after "was" or "were" ("Among the speakers was
// 11-year-old Tilde Brann"), or "".
func (a *analysis) existentialName(s sentence) string {
	if a.toks[s.first].lower != "among" {
		return ""
	}
	for k := s.first + 1; k+1 < s.last && k < s.first+8; k++ {
		if w := a.toks[k].lower; w != "was" && w != "were" {
			continue
		}
		n := k + 1
		for n < s.last && (isAge(a.toks[n].lower) || isRoleWord(a.toks[n].lower) || !a.toks[n].isCap() && a.toks[n].word && n < k+4 && !boundaryWords[a.toks[n].lower]) {
			n++
		}
		if n < s.last && a.nameWord(n) {
			e, _ := a.nameStartingAt(n, s.last)
			if name := a.canonicalName(cleanName(a.joinTokens(n, e)), a.toks[n].start); strings.Contains(name, " ") && !isOrgName(name) {
				return name
			}
		}
		return ""
	}
	return ""
}

// dateBeforeCue returns the last token before a date with "on" that ends
// at token j ("on 23 October", "on October 23"), or j.
func (a *analysis) dateBeforeCue(j, first int) int {
	if j < first || j < 0 {
		return j
	}
	_, month := monthNums[a.toks[j].lower]
	switch {
	case j-2 >= first && month && isNumber(a.toks[j-1]) && a.toks[j-2].lower == "on":
		return j - 3 // "on 23 October"
	case j-2 >= first && isNumber(a.toks[j]) && a.toks[j-2].lower == "on":
		if _, m := monthNums[a.toks[j-1].lower]; m {
			return j - 3 // "on October 23"
		}
	}
	return j
}
