package extract

// Coreference: what a pronoun, a definite description ("the minister",
// "the company") or a document ("the report") refers to, from the names and
// speakers met before it.

import (
	"cmp"
	"iter"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// documentByAgent resolves a subject noun phrase at tokens [i, j) that
// is, or opens with, a document and the participle that says who made
// it ("The lawsuit, filed in May by the Anglers' Association, alleges",
// "A charge sheet issued by the constabulary alleges"): the agent after
// "by" speaks through it. The participle phrase may be set off by commas
// after the phrase, up to limit.
func (a *analysis) documentByAgent(i, j, limit int, st *state) (speakerRef, bool) {
	for d := i; d < j; d++ {
		if !documentNouns[a.toks[d].lower] {
			continue
		}
		p := d + 1
		if p < limit && a.toks[p].text == "," {
			p++
		}
		if p >= limit || !authoringParticiples[a.toks[p].lower] {
			continue
		}
		for by := p + 1; by < limit && by <= p+5 && a.toks[by].word; by++ {
			if a.toks[by].lower == "by" {
				return a.agentAt(by+1, limit, st)
			}
		}
	}
	return speakerRef{}, false
}

// agentAt reads the agent starting at token k, before limit: a name, or
// a definite description of an organisation or a person named before
// ("by the constabulary").
func (a *analysis) agentAt(k, limit int, st *state) (speakerRef, bool) {
	if k+1 < limit && a.toks[k].lower == "the" && a.toks[k+1].word && !a.toks[k+1].isCap() {
		h := k + 1
		for h+1 < limit && a.toks[h+1].word && !a.toks[h+1].isCap() && !boundaryWords[a.toks[h+1].lower] {
			h++
		}
		head := a.toks[h].lower
		if orgNouns[head] || genericOrgNouns[head] {
			return a.describedOrg(head, a.modifiers(k, h), a.toks[k].start, st)
		}
		if roleWords[head] {
			return a.describedPerson(head, a.toks[k].start, false, st)
		}
		return speakerRef{}, false
	}
	if k < limit && a.toks[k].lower == "the" {
		k++
	}
	if k >= limit || !a.nameWord(k) {
		return speakerRef{}, false
	}
	e, _ := a.nameStartingAt(k, limit)
	sp, _ := a.nameRef(k, a.ofNameEnd(k, e, limit), k, st)
	return sp, true
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
		return st.ref(name, !isOrgName(name))
	}
	if p := i - 1; j-2 == i && p >= 0 && isPossessive(a.toks[p]) && a.nameWord(p) {
		// "Ivo Rask's Facebook post": the owner wrote it, the name
		// before the noun is where
		n0 := p
		for n0-1 >= 0 && n0 > p-4 && a.nameWord(n0-1) && !isPossessive(a.toks[n0-1]) {
			n0--
		}
		return ref(n0, p+1), true
	}
	if j-2 >= i && (a.nameWord(j-2) || a.toks[j-2].isAcronym()) && !isPossessive(a.toks[j-2]) {
		if n0, ok := a.nameEndingAt(j-2, i); ok && a.plausibleName(n0, j-1) {
			return ref(n0, j-1), true
		}
	}
	if p := j - 2; p >= i && isPossessive(a.toks[p]) && a.nameWord(p) {
		n0 := p // "Ilgar Roe's post": its author
		for n0-1 >= i && a.nameWord(n0-1) && !isPossessive(a.toks[n0-1]) {
			n0--
		}
		return ref(n0, p+1), true
	}
	if p := i - 1; p >= 0 && isPossessive(a.toks[p]) && a.nameWord(p) {
		n0 := p
		for n0-1 >= 0 && n0 > p-4 && a.nameWord(n0-1) && !isPossessive(a.toks[n0-1]) {
			n0--
		}
		return ref(n0, p+1), true
	}
	if p := j - 2; p == i+1 && a.definiteAt(i) && isPossessive(a.toks[p]) && !a.toks[p].isCap() {
		// "the party's statement": the party is whom the description
		// refers to, not whoever the last sentence was about
		if sp, ok := a.describedOwner(possessor(a.toks[p].lower), a.toks[i].start, st); ok {
			return sp, true
		}
	}
	if d := a.toks[i].lower; (d == "the" || d == "this") && j-i == 2 {
		// "In a statement, the Harbour Council condemned the verdict.
		// “…,” the statement reads": the document introduced lately
		if name, person, ok := a.issuerOf(a.toks[j-1].lower, i); ok {
			if name == "" {
				return speakerRef{source: a.joinTokens(i, j)}, true // issued by someone unnamed
			}
			return st.ref(name, person), true
		}
	}
	if d := a.toks[i].lower; (d == "the" || d == "this") && j-i == 2 {
		// "Halvard Marine Holdings filed its results … According to the
		// filing": whoever did what makes such a document
		if name, person, ok := a.issuerByVerb(a.toks[j-1].lower, i); ok && name != "" {
			return st.ref(name, person), true
		}
	}
	if inquiryNouns[a.toks[j-1].lower] && (st.running.person || st.running.name == "") {
		// "According to the investigation": the outlet or the body that
		// reported just before ran it, not a person who spoke
		return speakerRef{}, false
	}
	if d := a.toks[i].lower; (d == "a" || d == "the" || d == "this" || d == "that") && j-i == 2 && st.running.name != "" && a.toks[i].start-st.runningAt < authorWindow {
		// (only a bare "a statement": "a staff report" names another
		// author)
		return st.running, true
	}
	if d := a.toks[i].lower; d == "the" || d == "this" || d == "that" {
		// "Acme published an audit. The report said": who the previous
		// sentences are about
		if name, person, ok := a.nearbySubject(a.toks[i].start); ok {
			return st.ref(name, person), true
		}
	}
	return speakerRef{}, false
}

// describedOwner resolves the possessor of "the party's statement" or
// "the minister's letter", a definite description of an organisation or a
// person, as the description alone would be resolved.
func (a *analysis) describedOwner(head string, pos int, st *state) (speakerRef, bool) {
	switch {
	case orgNouns[head] || genericOrgNouns[head]:
		return a.describedOrg(head, nil, pos, st)
	case roleWords[head] && !kinWords[head]:
		return a.describedPerson(head, pos, !anonymousRoles[head], st)
	}
	return speakerRef{}, false
}

// sameModifier reports whether the word before the head at token d of a
// description set off before a name ("the Prime Minister, Ann Roe,") is
// in the description at byte pos, when it is a modifier: "the rookie
// defenceman" is "the rookie defenceman, Luke Hart", "the Minister of
// the Presidency" is not "the Prime Minister, Ann Roe".
func (a *analysis) sameModifier(d, pos int) bool {
	if d == 0 || !a.toks[d-1].word || determiners[a.toks[d-1].lower] || isPossessive(a.toks[d-1]) {
		return true
	}
	mod := a.toks[d-1].lower
	for k := a.tokenAt(pos); k < len(a.toks) && k < a.tokenAt(pos)+5; k++ {
		if a.toks[k].lower == mod {
			return true
		}
	}
	return false
}

// possessor returns a lower-case possessive word without its ending:
// "party" for "party's", "members" for "members'".
func possessor(w string) string {
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		if s, ok := strings.CutSuffix(w, suf); ok {
			return s
		}
	}
	return w
}

// issuerOf finds the document that a definite "the statement" at token i
// refers to, when one of the last orgSentences sentences introduces it
// with "a" ("In a statement, Acme …", "Acme issued a statement", "in a
// second filing"), and
// returns the first name that sentence mentions: who issued it.
func (a *analysis) issuerOf(noun string, i int) (name string, person, ok bool) {
	si := a.sentOf[i]
	for s := si - 1; s >= 0 && s > si-orgSentences-1; s-- {
		sent := a.sents[s]
		for k := sent.first + 1; k < sent.last; k++ {
			if a.toks[k].lower != noun || a.insideQuote(a.toks[k].start) {
				continue
			}
			b := k - 1
			for b > sent.first && b >= k-2 && a.toks[b].word && !a.toks[b].isCap() && !singularArticles[a.toks[b].lower] && !boundaryWords[a.toks[b].lower] {
				b-- // "in a second filing", "a brief written statement"
			}
			if a.toks[b].lower == "a" || a.toks[b].lower == "an" {
				return a.issuerIn(sent)
			}
		}
	}
	return "", false, false
}

// issuerByVerb returns whoever, in the few sentences before token i, did
// what makes a document noun ("filed" a filing, "published" a report,
// "adopted" a resolution): the first name of that sentence before the
// verb.
func (a *analysis) issuerByVerb(noun string, i int) (name string, person, ok bool) {
	verbs := documentVerbs[noun]
	if len(verbs) == 0 {
		return "", false, false
	}
	si := a.sentOf[i]
	for s := si - 1; s >= 0 && s > si-4; s-- {
		sent := a.sents[s]
		for k := sent.first + 1; k < sent.last; k++ {
			if slices.Contains(verbs, a.toks[k].lower) && !a.insideQuote(a.toks[k].start) {
				// the first name of that sentence, before the verb
				for mi := a.mentionsBefore(a.toks[sent.first].start); mi < len(a.mentions) && a.mentions[mi].pos < a.toks[k].start; mi++ {
					if m := a.mentions[mi]; m.pos >= a.toks[sent.first].start {
						return m.name, m.person, true
					}
				}
				return "", false, false
			}
		}
	}
	return "", false, false
}

// issuerIn returns the first name sentence s mentions outside a
// prepositional phrase ("After meeting Ann Roe, the council issued …"),
// or no name when that name only owns the issuer ("Ann Roe's lawyer
// issued …"); ok is false when the sentence names no one.
func (a *analysis) issuerIn(s sentence) (name string, person, ok bool) {
	opening := max(s.first, a.adverbialIntro(s, s.last)) // "After meeting Ann Roe,"
	if a.nameWord(opening) && !determiners[a.toks[opening].lower] && len(a.toks[opening].text) > 1 {
		// a short form opening the sentence, of a name given in full
		// before: "Calder, in a second filing, rejected …"
		if e, _ := a.nameStartingAt(opening, s.last); e == opening+1 && !isPossessive(a.toks[opening]) {
			if n := a.canonicalName(a.toks[opening].text, a.toks[opening].start); strings.Contains(n, " ") {
				return n, !isOrgName(n) && !a.namedAsOrg[n], true
			}
		}
	}
	for m := a.mentionsBefore(a.toks[s.first].start); m < len(a.mentions) && a.mentions[m].pos < a.toks[s.last].start; m++ {
		k := a.tokenAt(a.mentions[m].pos)
		b := a.skipArticle(k-1, s.first)
		agent := b > s.first && a.toks[b].lower == "by" && issueVerbs[a.toks[b-1].lower] // "a report published by the Council …"
		if !agent && (k < opening || b >= s.first && (prepositions[a.toks[b].lower] || a.toks[b].text == "(")) {
			continue // (nor an acronym defined in brackets after a name)
		}
		if e, _ := a.nameStartingAt(k, s.last); e > k && isPossessive(a.toks[e-1]) {
			return "", false, true
		}
		if a.mentions[m].person || agent {
			// (the agent named in full, as a report's other sentences
			// name it: "published by the Council of Northern States (CNS)")
			return a.mentions[m].name, a.mentions[m].person, true
		}
		return a.canonOrg(a.mentions[m].name), false, true
	}
	return "", false, false
}

// nearbySubject returns the first name mentioned in the nearest sentence
// before byte pos, within orgSentences sentences, that mentions one: its
// subject, as a rule.
func (a *analysis) nearbySubject(pos int) (name string, person, ok bool) {
	si := a.sentOf[a.tokenAt(pos)]
	var found *mention
	for k := a.mentionsBefore(pos) - 1; k >= 0; k-- {
		m := &a.mentions[k]
		ms := a.sentOf[a.tokenAt(m.pos)]
		if ms <= si-orgSentences || found != nil && ms != a.sentOf[a.tokenAt(found.pos)] {
			break
		}
		found = m
	}
	if found == nil {
		return "", false, false
	}
	return found.name, found.person, true
}

// affiliationWindow is how far back, in bytes, a party description looks
// for the person named last.
const affiliationWindow = 600

// describedPerson resolves a definite description of a person with head
// noun head at byte pos: the latest person named before pos with that word
// next to the name ("Mayor Doug McCallum", "Jane Roe, the mayor"), else a
// known speaker with that role, else, when salient is set (descriptions
// that only fit someone already introduced: an age, a party), the latest
// person who was a subject and whose gender does not contradict the head.
func (a *analysis) describedPerson(head string, pos int, salient bool, st *state) (speakerRef, bool) {
	ref := func(name string) speakerRef { return st.ref(name, true) }
	if name := a.holderOfRole(head, pos); name != "" {
		if r := st.running.name; r != "" && r != name && r == st.lastSubj.name && pos-st.runningAt < affiliationWindow && a.holdsRole(r, head, pos) {
			// "Minister Ann Roe met Minister Ivo Rask. Roe told reporters
			// … “…,” the minister said": of two holders, the one who has
			// been speaking, when no one else opened a sentence since
			return st.running, true
		}
		return ref(name), true
	}
	if name := a.personOfAge(head, pos); name != "" {
		return ref(name), true // "the 47-year-old" for "Birgitta Osei-Lund, 47,"
	}
	var best speakerRef
	for _, name := range slices.Sorted(maps.Keys(st.known)) {
		// (in a fixed order: a map's would make the choice among several
		// differ from run to run)
		if sp := st.known[name]; sp.name != "" && holdsRoleWord(sp.role, head) {
			best = sp
		}
	}
	for k := len(st.recent) - 1; k >= 0 && k >= len(st.recent)-salienceDepth; k-- {
		if sp, ok := st.known[st.recent[k].name]; ok && holdsRoleWord(sp.role, head) {
			best = sp // the latest subject of those known to hold it
			break
		}
	}
	if st.running.name != "" && holdsRoleWord(st.running.role, head) {
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
		if n := a.lastPersonBefore(pos, affiliationWindow, nil); n != "" {
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

// holdsRoleWord reports whether the role a speaker was given is head
// ("chairman", "deputy chairman") or ends with it, without a rank the head
// lacks ("deputy chairman" is no "chairman").
func holdsRoleWord(role, head string) bool {
	rest, ok := strings.CutSuffix(role, head)
	if !ok || rest != "" && !strings.HasSuffix(rest, " ") {
		return false
	}
	ws := strings.Fields(rest)
	return len(ws) == 0 || !rankWords[ws[len(ws)-1]]
}

// personOfAge returns the latest person named in full before byte pos
// with the age that head ("47-year-old") gives, set off after the name
// ("Birgitta Osei-Lund, 47,") or before it ("47-year-old Birgitta
// Osei-Lund"), or "".
func (a *analysis) personOfAge(head string, pos int) string {
	age, ok := strings.CutSuffix(head, "-year-old")
	if !ok || age == "" {
		return ""
	}
	for k := a.mentionsBefore(pos) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if !m.person || !strings.Contains(m.name, " ") {
			continue
		}
		i := a.tokenAt(m.pos)
		if i > 0 && a.toks[i-1].lower == head {
			return m.name
		}
		e, _ := a.nameStartingAt(i, len(a.toks))
		if e+1 < len(a.toks) && a.toks[e].text == "," && a.toks[e+1].text == age {
			return m.name
		}
	}
	return ""
}

// holderOfRole returns the latest person named in full before byte pos
// with the role head right before the name ("teacher Ann Roe", "the
// rookie defenceman, Luke Hart,", "Secretary: Ms. Rena Tulparova") or set
// off after it ("Ann Roe, the chair of …", "Ms. Lidia Voskan (UPP),
// Chair;"), or "".
func (a *analysis) holderOfRole(head string, pos int) string {
	for name := range a.roleHolders(head, pos) {
		return name
	}
	return ""
}

// holdsRole reports whether the person name is among the holders of the
// role head named before byte pos (see holderOfRole).
func (a *analysis) holdsRole(name, head string, pos int) bool {
	for h := range a.roleHolders(head, pos) {
		if h == name {
			return true
		}
	}
	return false
}

// roleHolders yields the people named in full before byte pos with the
// role head, latest first, as holderOfRole finds them.
func (a *analysis) roleHolders(head string, pos int) iter.Seq[string] {
	return a.describedRoleHolders(head, pos, pos)
}

// describedRoleHolders is roleHolders for a description at byte descAt,
// which may stand after pos (a headline's "Opposition leader" is "the
// main opposition leader, Anzor Valikhanov," named below it).
func (a *analysis) describedRoleHolders(head string, pos, descAt int) iter.Seq[string] {
	return func(yield func(string) bool) {
		head, former := strings.CutPrefix(head, "ex-")
	mentions:
		for k := a.mentionsBefore(pos) - 1; k >= 0; k-- {
			m := a.mentions[k]
			if !m.person || !strings.Contains(m.name, " ") {
				continue
			}
			i := a.tokenAt(m.pos)
			b := i - 1
			if b > 0 && a.toks[b].text == "," {
				b-- // "the rookie defenceman, Luke Hart,"
			}
			if b > 0 && a.toks[b].text == "." && honorifics[a.toks[b-1].lower] {
				b -= 2 // "Ms. Rena Tulparova"
			}
			if b > 0 && a.toks[b].text == ":" && a.paraAt(a.toks[b-1].start) == a.paraAt(m.pos) {
				b-- // "Secretary: Ms. Rena Tulparova"
			}
			for d := b; d >= 0 && d >= b-2 && a.toks[d].word && !prepositions[a.toks[d].lower] && !a.verbBetween(d, b); d-- {
				// ("teacher Ann Roe", but not "a teacher at Eastport High")
				if a.roleWordAt(d, head, former) && a.paraAt(a.toks[d].start) == a.paraAt(m.pos) && (b == i-1 || a.toks[b].text == ":" || a.toks[b+1].text == ":" || a.sameModifier(d, descAt)) {
					if !yield(m.name) {
						return
					}
					continue mentions
				}
			}
			e, _ := a.nameStartingAt(i, len(a.toks))
			if e < len(a.toks) && a.toks[e].text == "(" {
				for e < len(a.toks) && e < i+12 && a.toks[e].text != ")" {
					e++ // "Ms. Lidia Voskan (UPP), Chair"
				}
				e++
			}
			if e < len(a.toks) && a.toks[e].text == "," {
				for d := e + 1; d < len(a.toks) && d <= e+6 && a.toks[d].word; d++ {
					if a.roleWordAt(d, head, former) {
						if !yield(m.name) {
							return
						}
						continue mentions
					}
				}
			}
		}
	}
}

// verbBetween reports whether a verb of saying or an auxiliary stands
// among tokens (d, b]: "the mayor says Kessing Creek …" gives no role to
// the name after the verb.
func (a *analysis) verbBetween(d, b int) bool {
	for k := d + 1; k <= b; k++ {
		w := a.toks[k].lower
		if _, cue := cueVerbs[w]; cue || auxiliaryVerbs[w] {
			return true
		}
	}
	return false
}

// opensSentence reports whether the name at byte pos opens its sentence,
// alone or after "The": the sentence's subject.
func (a *analysis) opensSentence(pos int) bool {
	i := a.tokenAt(pos)
	first := a.sents[a.sentOf[i]].first
	return i == first || i == first+1 && a.toks[first].lower == "the"
}

// roleWordAt reports whether token d names the role head, of a former
// holder when former is set ("Former minister Kairat Dosym" is the
// ex-minister, not the minister), of a serving one otherwise. A head of
// two words has a rank first ("deputy chairman"), which the word before
// token d must give, as it must give none for a head of one word.
func (a *analysis) roleWordAt(d int, head string, former bool) bool {
	rank, head, ranked := strings.Cut(head, " ")
	if !ranked {
		head, rank = rank, "" // a role of one word: no rank
	}
	w, ex := strings.CutPrefix(a.toks[d].lower, "ex-")
	if w != head && holderNouns[w] != head {
		return false
	}
	held := ""
	if d > 0 && rankWords[a.toks[d-1].lower] {
		held = a.toks[d-1].lower
	}
	if held != rank {
		// "the chairman" is not "Deputy Chairman Ann Roe", nor "the
		// deputy chairman" "Chairman Ivo Rask"
		return false
	}
	for p := d - 1; p >= 0 && p >= d-2 && a.toks[p].word && !ex; p-- {
		ex = formerWords[a.toks[p].lower] // "Former finance minister"
	}
	return former == ex
}

// describedOrg resolves a definite description of an organisation with
// head noun head at byte pos: the latest organisation named before pos
// whose name has that word and every modifier in mods ("the union" for
// "the Teachers' Union"), else
// the latest named speaker that is not a person.
func (a *analysis) describedOrg(head string, mods []string, pos int, st *state) (speakerRef, bool) {
	sp, ok := a.findDescribedOrg(head, mods, pos, st)
	if ok && sp.name != "" {
		sp.name = a.establishedOrgName(sp.name, pos)
	}
	return sp, ok
}

// establishedOrgName returns the name the document established for the
// organisation it mentioned as name: the one it spelled out for an
// acronym ("the guild" after "the Harbour Pilots Guild (HPG) … HPG
// said"), the full name a single word stood for ("Vantor" for "Vantor
// Midstream"); else name. A description names no organisation as the
// sentence before did, so it takes the name the document gave in full.
func (a *analysis) establishedOrgName(name string, pos int) string {
	if longs := a.orgAliases[name]; len(longs) == 1 {
		return longs[0]
	}
	if !strings.Contains(name, " ") {
		if full := a.canonicalName(name, pos); isOrgName(full) {
			return full
		}
	}
	return name
}

// findDescribedOrg is describedOrg before the name is made the one the
// document established.
func (a *analysis) findDescribedOrg(head string, mods []string, pos int, st *state) (speakerRef, bool) {
	latest := ""
	for k := a.mentionsBefore(pos) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if pos-m.pos > 3000 {
			break
		}
		if h := orgHeadNoun(m.name); h != head && (orgNouns[h] || genericOrgNouns[h]) || a.acronymDefinedAt(a.tokenAt(m.pos)) {
			continue // ("the university" is no Students' Union; "(HGP)" gives way to the name before it)
		}
		words := strings.Fields(strings.ToLower(m.name))
		for _, long := range a.orgAliases[m.name] {
			words = append(words, strings.Fields(strings.ToLower(long))...) // "the party" for "HGP"
		}
		if slices.Contains(words, head) && holdsAll(words, mods) {
			// every word of the description is in the name: "the
			// teachers union" is not the Rail Workers Union; one that
			// spoke is likelier than one named in passing since
			if slices.ContainsFunc(st.orgs, func(o speakerRef) bool { return o.name == m.name }) {
				return speakerRef{name: m.name}, true
			}
			if latest == "" && a.opensSentence(m.pos) {
				// the subject of a sentence since is no name in passing:
				// "The Ministry of Foreign Affairs reacted the same day.
				// The ministry called …"
				return speakerRef{name: m.name}, true
			}
			latest = cmp.Or(latest, m.name)
		}
	}
	if latest != "" {
		return speakerRef{name: latest}, true
	}
	if name, ok := a.latestWithModifiers(mods, pos); ok {
		// "the health authority" for "Westmarch Regional Health": the
		// description shows the name is an organisation's
		a.namedAsOrg[name], a.describedAsOrg[name] = true, true
		return speakerRef{name: name}, true
	}
	if name, ok := a.latestOfKind(head, pos); ok {
		return speakerRef{name: name}, true // "the union" for the "Food Workers' Federation"
	}
	if !genericOrgNouns[head] {
		if name, ok := a.kindlessOrg(pos, st); ok {
			return speakerRef{name: name}, true // "Whitcombe Hale reported … The bank said"
		}
		if n := len(st.orgs); n > 0 && pos-st.runningAt < orgWindow && acronymMayHold(st.orgs[n-1].name, head) && len(a.orgAliases[st.orgs[n-1].name]) == 0 {
			// "The HFP stated … The party believes": an acronym whose
			// words the text never spelled out may hold the noun
			return st.orgs[n-1], true
		}
		return speakerRef{}, false
	}
	return a.genericDescribedOrg(head, mods, pos, st)
}

// genericDescribedOrg resolves a description whose head is a generic
// word for an organisation ("the company", "the agency", "the outlet"):
// the organisation named nearby, the outlet that reported last, the one
// that spoke last, or one whose name says it is of that kind.
func (a *analysis) genericDescribedOrg(head string, mods []string, pos int, st *state) (speakerRef, bool) {
	fits := func(name string) bool {
		// a public body ("the agency") is no company named by its legal
		// form ("Acme Corp.")
		_, company := WithoutCompanySuffix(name)
		return (!publicBodyNouns[head] || !company) && !a.otherKind(name, head)
	}
	name, at, ok := a.nearbyOrgAt(pos, fits)
	if outletNouns[head] && len(mods) == 0 && st.outlet.name != "" && pos-st.outletAt < outletWindow && (!ok || at < st.outletAt) {
		// "Köprü Xəbər reports that the NUP … According to the outlet,
		// …": the outlet that reported last, though its name reads like
		// a person's, not an organisation its report named
		return st.outlet, true
	}
	if ok {
		// "Acme Corp. cut 300 jobs. The company said …"
		return speakerRef{name: name}, true
	}
	if n := len(st.orgs); n > 0 && pos-st.runningAt < orgWindow && !a.otherKind(st.orgs[n-1].name, head) {
		// the organisation that spoke last, when something was said
		// lately: "the group" paragraphs later is another group (and
		// "the company" is no union)
		return st.orgs[n-1], true
	}
	if name, ok := a.latestNamedAs(head, pos, fits); ok {
		return speakerRef{name: name}, true
	}
	if !publicBodyNouns[head] {
		if name, ok := a.loneNameSubject(pos); ok {
			return speakerRef{name: name}, true
		}
	}
	return speakerRef{}, false
}

// latestWithModifiers returns the latest name of several words within a
// few paragraphs before byte pos that holds every modifier of a
// description whose head it lacks and that names no other kind of body:
// a reporter's "the health authority" for "Westmarch Regional Health",
// "the transit agency" for "Norlink Transit".
func (a *analysis) latestWithModifiers(mods []string, pos int) (string, bool) {
	if len(mods) == 0 {
		return "", false
	}
	for k := a.mentionsBefore(pos) - 1; k >= 0 && pos-a.mentions[k].pos < 3000; k-- {
		m := a.mentions[k]
		words := strings.Fields(strings.ToLower(m.name))
		if h := orgHeadNoun(m.name); len(words) < 2 || orgNouns[h] || genericOrgNouns[h] {
			continue
		}
		if holdsAll(words, mods) {
			return m.name, true
		}
	}
	return "", false
}

// holdsAll reports whether every word of mods is among words: a
// description's modifiers all in a name ("the teachers union" is not the
// Rail Workers Union).
func holdsAll(words, mods []string) bool {
	return !slices.ContainsFunc(mods, func(w string) bool { return !slices.Contains(words, w) })
}

// latestNameHolding returns the latest name within a few paragraphs
// before byte pos that holds the head word of a description and every
// modifier of it: "the service" for "Orlen Valley Fire Service", "the
// fire service" too.
func (a *analysis) latestNameHolding(head string, mods []string, pos int) (string, bool) {
	for k := a.mentionsBefore(pos) - 1; k >= 0 && pos-a.mentions[k].pos < 3000; k-- {
		words := strings.Fields(strings.ToLower(a.mentions[k].name))
		if slices.Contains(words, head) && holdsAll(words, mods) {
			return a.mentions[k].name, true
		}
	}
	return "", false
}

// latestNamedAs returns, for "the company" or a public body's description
// ("the regulator"), the latest organisation named within a few
// paragraphs before byte pos whose name says it is one, when no
// organisation is nearer: "Northwind Ltd. was fined … The company said",
// "… a review by the Markets and Competition Authority. … The regulator
// said".
func (a *analysis) latestNamedAs(head string, pos int, fits func(string) bool) (string, bool) {
	if head != "company" && !publicBodyNouns[head] {
		return "", false
	}
	for k := a.mentionsBefore(pos) - 1; k >= 0 && pos-a.mentions[k].pos < 3000; k-- {
		m := a.mentions[k]
		if _, company := WithoutCompanySuffix(m.name); head == "company" && (company || !m.person && businessWords[orgHeadNoun(m.name)]) {
			return m.name, true // (or named by its trade: "Dunmore Foods")
		}
		if head != "company" && !m.person && publicBodyNouns[orgHeadNoun(m.name)] && fits(m.name) {
			return m.name, true
		}
	}
	return "", false
}

// kindlessOrg returns the organisation near byte pos, or the last that
// spoke lately, whose name does not say what kind it is and which the
// text shows to be an organisation though it reads like a person's name
// (namedAsOrg): "the bank", "the museum" may refer to it, as they could
// not to a name with another kind in it.
func (a *analysis) kindlessOrg(pos int, st *state) (string, bool) {
	kindless := func(name string) bool {
		h := orgHeadNoun(name)
		return a.namedAsOrg[name] && !orgNouns[h] && !genericOrgNouns[h]
	}
	if name, _, ok := a.nearbyOrgAt(pos, kindless); ok {
		return name, true
	}
	if n := len(st.orgs); n > 0 && pos-st.runningAt < orgWindow && kindless(st.orgs[n-1].name) {
		return st.orgs[n-1].name, true
	}
	return "", false
}

// latestOfKind returns the latest organisation named before byte pos
// whose name's head is of the kind the description's head noun head
// names, when no name has that noun itself (orgNounKinds).
func (a *analysis) latestOfKind(head string, pos int) (string, bool) {
	kinds := orgNounKinds[head]
	if len(kinds) == 0 {
		return "", false
	}
	for k := a.mentionsBefore(pos) - 1; k >= 0 && pos-a.mentions[k].pos <= 3000; k-- {
		if name := a.mentions[k].name; slices.Contains(kinds, orgHeadNoun(name)) {
			return name, true
		}
	}
	return "", false
}

// orgHeadNoun returns the lower-case head noun of an organisation's name:
// its last word ("Teachers' Union"), or the word before "of" when the
// last word is no noun for a kind of body ("Ministry of Foreign Affairs",
// but "University of Eastmere Students' Union").
func orgHeadNoun(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) == 0 {
		return ""
	}
	if last := ws[len(ws)-1]; orgNouns[last] || genericOrgNouns[last] {
		return last
	}
	if k := slices.Index(ws, "of"); k > 0 {
		return ws[k-1]
	}
	return ws[len(ws)-1]
}

// capitalisedInside reports whether word is written somewhere inside a
// sentence, after its first word, as it is: a name, not a common noun
// capitalised only for opening a sentence.
func (a *analysis) capitalisedInside(word string) bool {
	for _, s := range a.sents {
		for k := s.first + 1; k < s.last; k++ {
			if t := a.toks[k]; t.text == word && a.toks[k-1].word {
				return true
			}
		}
	}
	return false
}

// otherKind reports whether an organisation's name says it is a kind of
// organisation other than head ("… Workers' Union" for "the company"); a
// generic head ("the group", "the organisation") fits any, and public
// bodies fit one another ("the agency" for a State Department).
func (a *analysis) otherKind(name, head string) bool {
	if head == "group" || head == "organisation" || head == "organization" {
		return false
	}
	ws := strings.Fields(strings.ToLower(name))
	last := ws[len(ws)-1]
	if publicBodyNouns[head] && publicBodyNouns[last] {
		return false // a department is an agency of its government
	}
	return (orgNouns[last] || publicBodyNouns[last] || courtNouns[last]) && last != head
}

// loneNameSubject returns the latest name of one word, before byte pos
// and within orgWindow of it, that opens a sentence (after a dateline)
// as its subject and is no person's: "Lumenfold on Tuesday unveiled …
// The company said" (a person is named in full first; a company, often
// by one word).
func (a *analysis) loneNameSubject(pos int) (string, bool) {
	for si := a.sentOf[a.tokenAt(pos)]; si >= 0; si-- {
		s := a.sents[si]
		if pos-a.toks[s.first].start > orgWindow {
			break
		}
		k := a.afterDateline(s.first, s.last)
		if k+1 >= s.last || a.toks[k].start >= pos || !a.nameWord(k) || a.nameWord(k+1) || a.toks[k+1].isCap() || !a.toks[k+1].word || isGroupNoun(a.toks[k].lower) || isRoleWord(a.toks[k].lower) {
			continue
		}
		name := cleanName(a.toks[k].text)
		if a.personWithSurname(name, a.toks[k].start) != "" || isPossessive(a.toks[k]) || !a.capitalisedInside(a.toks[k].text) {
			// a person's surname, an owner ("Lumenfold's chief
			// executive"), or a common noun that opens a sentence
			// ("Revenue rose …")
			continue
		}
		return name, true
	}
	return "", false
}

// orgWindow is how far back, in bytes, the latest statement may end for
// "the company" to mean the organisation that spoke last.
const orgWindow = 800

// outletWindow is how far, in bytes, after an outlet's report "the
// outlet" or "the newspaper" still refers to it: the next paragraph or two.
const outletWindow = 1500

// orgSentences is how many sentences back, counting the current one, a
// generic description ("the company") looks for an organisation named
// outside a statement.
const orgSentences = 2

// nearbyOrg returns the organisation named last before byte pos within
// the last orgSentences sentences.
func (a *analysis) nearbyOrg(pos int) (string, bool) {
	name, _, ok := a.nearbyOrgAt(pos, nil)
	return name, ok
}

// nearbyOrgAt is nearbyOrg with the byte offset of that mention, among
// the organisations fits accepts (any when fits is nil).
func (a *analysis) nearbyOrgAt(pos int, fits func(name string) bool) (string, int, bool) {
	si := a.sentOf[a.tokenAt(pos)]
	latest := -1
	for k := a.mentionsBefore(pos) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if a.sentOf[a.tokenAt(m.pos)] <= si-orgSentences {
			break
		}
		if m.person || isPlaceName(m.name) || fits != nil && !fits(m.name) || a.toldAt(a.tokenAt(m.pos)) || a.acronymDefinedAt(a.tokenAt(m.pos)) {
			// (no place: "Kestervik Falls" did nothing a body does;
			// nor the outlet someone "told": it heard, it did not act;
			// nor the acronym in brackets after a name, which "it" refers
			// to by the name the text gave it in full)
			continue
		}
		if latest < 0 {
			latest = k
		}
		if i := a.tokenAt(m.pos); a.afterDateline(a.sents[a.sentOf[i]].first, i+1) == i || a.sents[a.sentOf[i]].first == i {
			// the subject of its sentence before one named in passing:
			// "Graymoor Minerals, a subsidiary of Ardent Resources Group,
			// spilled … The company said"
			return m.name, m.pos, true
		}
	}
	if latest >= 0 {
		return a.mentions[latest].name, a.mentions[latest].pos, true
	}
	return "", 0, false
}

// acronymDefinedAt reports whether token i is an acronym in brackets
// right after the name it stands for: "the Patient Standards Office
// (PSO)".
func (a *analysis) acronymDefinedAt(i int) bool {
	return i >= 2 && a.afterAcronymInParens(i-1, len(a.toks)) == i+2 && a.nameWord(i-2)
}

// toldAt reports whether the name at token i is the object of "tell"
// ("told the Bay Herald", "told Harbour Radio").
func (a *analysis) toldAt(i int) bool {
	if i > 0 && a.toks[i-1].lower == "the" {
		i--
	}
	return i > 0 && tellForms[a.toks[i-1].lower]
}

// resolvePronoun maps a subject pronoun to the running speaker or the
// latest person named. "he" and "she" take the most salient person (the
// latest subject) whose gender does not contradict the pronoun, so that two
// alternating speakers of different gender are told apart.
func (a *analysis) resolvePronoun(p string, pos int, st *state) speakerRef {
	switch p {
	case "i", "you":
		// outside quotation marks "I" is the author, whom the document
		// does not name, and "you" the reader: no reported statement
		return speakerRef{source: p}
	case "he", "she":
		if sp, ok := a.resolvePersonal(p, pos, st); ok {
			return sp
		}
	case "it":
		// an organisation rather than a person: one named since the
		// latest statement, else the running speaker when it is one, else
		// one named in the last sentences
		if name, at, ok := a.nearbyOrgAt(pos, nil); ok && at > st.runningAt && name != st.running.name {
			return st.ref(name, false)
		}
		if !st.running.empty() && !st.running.person {
			return st.running
		}
		if name, ok := a.nearbyOrg(pos); ok {
			return st.ref(name, false)
		}
		if !st.running.empty() && a.gender[st.running.name] == genderUnknown {
			// (a name the text never calls "he" or "she" may be an
			// organisation's that no word marks as one)
			return st.running
		}
		if src := a.orgDescriptionBefore(pos); src != "" {
			return speakerRef{source: src} // "the government is grappling with what it says"
		}
	default:
		// "they", "we": a group, an organisation or its people, not one
		// person the text calls "he" or "she"
		if p == "they" {
			if sp, ok := a.pluralOpening(pos); ok {
				return sp
			}
		}
		if !st.running.empty() && !(st.running.person && a.gender[st.running.name] != genderUnknown) {
			return st.running
		}
	}
	if authorVoice[p] {
		return speakerRef{source: p} // "We believe …": the author's own voice
	}
	// a pronoun the text gives no antecedent for names no one: the
	// statement stands without a speaker rather than under "she"
	return speakerRef{}
}

// askedBefore returns the person the sentence before byte pos asked a
// question ("presenter Ann Roe asked Ivo Rask whether he would stay"),
// when the pronoun at pos, of gender g, is the subject of a verb of
// answering ("“No,” he replied"), or of any verb of saying when no one
// named asked ("Reporters asked Ferrand whether … He said"): who answers
// is who was asked; else "".
func (a *analysis) askedBefore(pos int, g byte) string {
	k := a.tokenAt(pos)
	si := a.sentOf[k]
	if si == 0 || k+1 >= len(a.toks) {
		return ""
	}
	_, cue := cueVerbs[a.toks[k+1].lower]
	answer := answerVerbs[a.toks[k+1].lower]
	if !answer && !cue {
		return ""
	}
	prev := a.sents[si-1]
	for i := prev.first; i+2 < prev.last; i++ {
		if !strings.HasPrefix(a.toks[i].lower, "ask") {
			continue
		}
		asker := a.lastPersonBefore(a.toks[i].start, a.toks[i].start-a.toks[prev.first].start, nil)
		if !answer && asker != "" {
			// "Ann Roe asked Ivo Rask whether … He said": after a verb of
			// saying that is no answer, "he" may go on with the asker;
			// after "Reporters asked Ivo Rask …" it is whom they asked
			return ""
		}
		if og := objectPronounGender[a.toks[i+1].lower]; og != genderUnknown && questionWords[a.toks[i+2].lower] {
			if !answer {
				return "" // ("I asked him whether … He said": "he" is "him" already)
			}
			if og != g {
				return "" // "asked him …, she replied": someone else
			}
			// "Ann Roe asked him whether …": the latest person before
			// the sentence who fits "him", not the one asking
			return a.lastPersonBefore(a.toks[prev.first].start, 3000, func(name string) bool {
				gk := a.gender[name]
				return name != asker && (gk == genderUnknown || gk == g)
			})
		}
		if !a.nameWord(i + 1) {
			continue
		}
		if e, _ := a.nameStartingAt(i+1, prev.last); e < prev.last && questionWords[a.toks[e].lower] {
			return a.canonicalName(a.joinTokens(i+1, e), a.toks[i+1].start)
		}
	}
	return ""
}

// soleNamedBefore returns the one person the sentence before byte pos
// names, in the same paragraph, when the "he" or "she" at pos opens its
// sentence and no person opens that sentence before: someone brought in
// as an object or an agent is what the pronoun then refers to
// ("Reporters sought out Ivo Rask. He said …", "The motion was seconded
// by Ann Roe. She said …"), rather than whoever spoke earlier. A person
// named as a possessor ("Roe's lawyer") is no antecedent of this kind.
// Nor is it one when the sentence before reports someone's words or
// speaks of someone as "he" or "she": then the pronoun goes on with that
// speaker ("“…,” Roe told Ivo Rask. He said …").
func (a *analysis) soleNamedBefore(pos int, st *state, fits func(string) bool) (string, bool) {
	k := a.tokenAt(pos)
	si := a.sentOf[k]
	if si == 0 || k > a.sents[si].first+3 || a.sents[si-1].para != a.sents[si].para || st.stmtSent == si-1 || st.subjSent == si-1 ||
		a.personOpens(a.sents[si-1]) || a.hasPersonalPronoun(a.sents[si-1]) {
		return "", false
	}
	prev := a.sents[si-1]
	first := a.toks[prev.first].start
	name := ""
	for mi := a.mentionsBefore(a.toks[a.sents[si].first].start) - 1; mi >= 0 && a.mentions[mi].pos >= first; mi-- {
		m := a.mentions[mi]
		if !m.person {
			continue
		}
		i := a.tokenAt(m.pos)
		if e := a.nameEnd(i, m); e > 0 && isPossessive(a.toks[e-1]) || a.inRelativeClause(i, prev.first) {
			continue // (nor a name in a relative clause: "Ivo Rask, whose daughters attend Hollis Lane,")
		}
		n := a.fullerName(m.name, m.pos)
		if name != "" && n != name {
			return "", false
		}
		name = n
	}
	if name == "" || !strings.Contains(name, " ") || !fits(name) {
		return "", false
	}
	return name, true
}

// inRelativeClause reports whether token i stands in a relative clause
// set off by a comma after token first: ", whose daughters attend
// Hollis Lane,".
func (a *analysis) inRelativeClause(i, first int) bool {
	for k := i - 1; k > first; k-- {
		if a.toks[k].text == "," {
			return k+1 < i && relativeWords[a.toks[k+1].lower] && a.toks[k+1].lower != "that"
		}
	}
	return false
}

// hasPersonalPronoun reports whether sentence s has "he" or "she"
// outside quotations.
func (a *analysis) hasPersonalPronoun(s sentence) bool {
	for k := s.first; k < s.last; k++ {
		if pronounGender[a.toks[k].lower] != genderUnknown && !a.insideQuote(a.toks[k].start) {
			return true
		}
	}
	return false
}

// personOpens reports whether sentence s opens with a person: a name, a
// pronoun, or a singular description whose head is a role ("The
// minister invited Ann Roe"), whom a pronoun after it rather refers to.
func (a *analysis) personOpens(s sentence) bool {
	i := s.first
	if i >= s.last {
		return false
	}
	if pronounGender[a.toks[i].lower] != genderUnknown {
		return true
	}
	if mi := a.mentionsBefore(a.toks[i].start); mi < len(a.mentions) && a.mentions[mi].person {
		// the name, or a title and the name ("Mayor Ann Roe")
		if k := a.tokenAt(a.mentions[mi].pos); k <= i+2 && a.toks[k].start >= a.toks[i].start && (k == i || a.toks[i].isCap() && a.toks[k-1].isCap()) {
			return true // (not "Reporters reached Ivo Rask": a verb between)
		}
	}
	if !articles[a.toks[i].lower] && !possessivePronouns[a.toks[i].lower] {
		return false
	}
	for j := i + 1; j < s.last && j < i+4 && a.toks[j].word; j++ {
		if w := a.toks[j].lower; roleWords[w] || anonymousRoles[w] || genderedRoles[w] != genderUnknown {
			return true
		}
	}
	return false
}

// resolvePersonal resolves "he" or "she" at byte pos: whom a question
// before was put to, the one person brought in by the sentence before,
// the most salient person of that gender, the latest subject, the
// running speaker or the latest person named who fits.
func (a *analysis) resolvePersonal(p string, pos int, st *state) (speakerRef, bool) {
	g := pronounGender[p]
	// "she" is never someone the text shows to be a man
	fits := func(name string) bool {
		gk := a.gender[name]
		return g == genderUnknown || gk == genderUnknown || gk == g
	}
	if name := a.askedBefore(pos, g); name != "" && fits(name) {
		// "A asked Ivo Rask whether … “No,” he replied.": who answers
		// is whom the text is about now ("He denied …" next)
		sp := st.ref(name, true)
		st.noteSalient(sp)
		return sp, true
	}
	if name, ok := a.soleNamedBefore(pos, st, fits); ok {
		return st.ref(name, true), true
	}
	if g != genderUnknown {
		for k := len(st.recent) - 1; k >= 0 && k >= len(st.recent)-salienceDepth; k-- {
			if gk := a.gender[st.recent[k].name]; gk == g || gk == genderUnknown {
				return st.recent[k], true
			}
		}
	}
	if st.lastSubj.name != "" && fits(st.lastSubj.name) {
		return st.lastSubj, true
	}
	if st.running.person && st.running.name != "" && fits(st.running.name) {
		return st.running, true
	}
	if n := a.lastPersonBefore(pos, 3000, fits); n != "" {
		if k, ok := st.known[n]; ok {
			return k, true
		}
		return speakerRef{name: n, person: true}, true
	}
	if st.running.name == "" && a.singularPersonSource(st.running.source) {
		// "The coach explained … he said": the unnamed person who
		// spoke last, when the text names nobody who fits
		return st.running, true
	}
	return speakerRef{}, false
}

// singularPersonSource reports whether an unnamed source is one person
// described by a role: "the coach", "a witness", not "officials".
func (a *analysis) singularPersonSource(src string) bool {
	words := strings.Fields(strings.ToLower(src))
	if len(words) < 2 || len(words) > 4 || !articles[words[0]] {
		return false
	}
	head := words[len(words)-1]
	return roleWords[head] || anonymousRoles[head]
}

// orgDescriptionBefore returns the definite description of an
// organisation ("the government", "the company") nearest before byte pos
// in its sentence, what an unresolved "it" there refers to; else "".
func (a *analysis) orgDescriptionBefore(pos int) string {
	k := a.tokenAt(pos) - 1
	first := a.sents[a.sentOf[k+1]].first
	for ; k > first; k-- {
		w := a.toks[k].lower
		if (orgNouns[w] || genericOrgNouns[w] || placeInstitutions[w]) && a.toks[k-1].lower == "the" {
			return a.joinTokens(k-1, k+1)
		}
	}
	return ""
}

// pluralOpening returns the plural noun phrase that opens the sentence
// of "they" at byte pos, when "they" is in a later clause, or else the
// sentence before: what "they" most likely refers to ("The Liberals
// promised … They say", "The nurses walked out. They say").
func (a *analysis) pluralOpening(pos int) (speakerRef, bool) {
	k := a.tokenAt(pos)
	if cur := a.sents[a.sentOf[k]]; k > cur.first+2 {
		// "Republican senators are eager …, and they say": the subject
		// of the sentence's first clause
		if sp, ok := a.pluralSubject(cur); ok {
			return sp, true
		}
	}
	si := a.sentOf[k] - 1
	if si < 0 || si+1 >= len(a.sents) || a.sents[si].para != a.sents[si+1].para {
		return speakerRef{}, false
	}
	return a.pluralSubject(a.sents[si])
}

// pluralSubject returns the plural noun phrase or the conjoined names
// that open sentence s.
func (a *analysis) pluralSubject(s sentence) (speakerRef, bool) {
	i := s.first
	if i+1 >= s.last {
		return speakerRef{}, false
	}
	if !articles[a.toks[i].lower] {
		if n, ok := a.conjoinedNamesOpening(s); ok {
			return n, true
		}
		return a.barePluralOpening(s)
	}
	j := i + 1
	for j < s.last && j < i+4 && a.toks[j].word && !boundaryWords[a.toks[j].lower] && !strings.HasSuffix(a.toks[j].lower, "s") {
		j++
	}
	if j >= s.last || !a.toks[j].word || !strings.HasSuffix(a.toks[j].lower, "s") || strings.HasSuffix(a.toks[j].lower, "ss") || isPossessive(a.toks[j]) {
		return speakerRef{}, false
	}
	if a.toks[j].isCap() {
		if e, ok := a.nameStartingAt(i+1, s.last); ok && e > j+1 {
			return speakerRef{name: cleanName(a.joinTokens(i+1, e))}, true // "The Teachers' Union": its name
		}
		return speakerRef{name: a.joinTokens(i+1, j+1)}, true // "The Liberals": a party
	}
	return speakerRef{source: a.joinTokens(i, j+1)}, true
}

// conjoinedNamesOpening returns the first of two people's names joined by
// "and" that open sentence s ("Ann Roe and Ivo Rask met the minister"):
// what "they" next refers to, and, as a statement has one speaker, the
// one the text names first.
func (a *analysis) conjoinedNamesOpening(s sentence) (speakerRef, bool) {
	e, ok := a.nameStartingAt(s.first, s.last)
	if !ok || e+1 >= s.last || a.toks[e].lower != "and" || !a.isPersonName(s.first, e) || !a.nameWord(e+1) {
		return speakerRef{}, false
	}
	if e2, _ := a.nameStartingAt(e+1, s.last); !a.isPersonName(e+1, e2) {
		return speakerRef{}, false
	}
	name := a.canonicalName(cleanName(a.joinTokens(s.first, e)), a.toks[s.first].start)
	return speakerRef{name: name, person: true}, true
}

// barePluralOpening returns the plural common noun phrase without an
// article that opens sentence s ("Environmental groups criticised the
// plan", "Activists gathered"): lower-case words after the first, whose
// capital only the sentence gives it, and a group noun at their head.
func (a *analysis) barePluralOpening(s sentence) (speakerRef, bool) {
	i := s.first
	if !a.toks[i].word || !a.capitalOnlyAsFirst(i, i+1) && a.toks[i].isCap() {
		return speakerRef{}, false
	}
	for j := i; j < s.last && j < i+3 && a.toks[j].word; j++ {
		if j > i && a.toks[j].isCap() || boundaryWords[a.toks[j].lower] {
			break
		}
		if isGroupNoun(a.toks[j].lower) {
			return speakerRef{source: a.joinTokens(i, j+1)}, true
		}
	}
	return speakerRef{}, false
}

// salienceDepth is how many recent subjects a gendered pronoun looks back
// over for one of its gender.
const salienceDepth = 4

// ref returns the speaker known by name, with the role and organisation
// the document gave, else a bare one.
func (st *state) ref(name string, person bool) speakerRef {
	if k, ok := st.known[name]; ok {
		return k
	}
	return speakerRef{name: name, person: person}
}

// recentWithSurname returns the latest of the recent subjects whose full
// name ends with the single word surname.
func (st *state) recentWithSurname(surname string) (speakerRef, bool) {
	if surname == "" || strings.Contains(surname, " ") {
		return speakerRef{}, false
	}
	for k := len(st.recent) - 1; k >= 0 && k >= len(st.recent)-salienceDepth; k-- {
		if n := st.recent[k].name; strings.HasSuffix(n, " "+surname) {
			return st.recent[k], true
		}
	}
	return speakerRef{}, false
}

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

// acronymMayHold reports whether name is one acronym with the initial of
// noun among its letters, as "HFP" may stand for a party, not a union.
func acronymMayHold(name, noun string) bool {
	return !strings.Contains(name, " ") && token{text: name, word: true}.isAcronym() && noun != "" && strings.ContainsRune(name, unicode.ToUpper(rune(noun[0])))
}

// noteRoleOf records person sp, named beside a description at tokens
// [i, j) that is a role held for someone named after "of" ("the lawyer
// of activist Nora Quill"), as what that someone's role later means
// ("Quill's lawyer").
func (a *analysis) noteRoleOf(i, j int, sp speakerRef, st *state) {
	if sp.name == "" || !sp.person {
		return
	}
	for k := i; k+2 < j; k++ {
		if !roleWords[a.toks[k].lower] || a.toks[k].isCap() || a.toks[k+1].lower != "of" {
			continue
		}
		for n := j - 1; n > k+1; n-- {
			if a.nameWord(n) {
				st.roleOf[roleKey(a.toks[k].lower, a.toks[n].lower)] = sp
				return
			}
		}
	}
}

// roleKey keys state.roleOf: a role word and the surname of the person
// it is held for, both in lower case.
func roleKey(role, surname string) string { return role + " " + surname }
