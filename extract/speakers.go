package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speakerRef is the source of a statement as resolved so far.
type speakerRef struct {
	name   string // proper name: person, outlet or institution
	source string // phrase for an unnamed source
	role   string
	org    string
	person bool
}

func (s speakerRef) empty() bool { return s.name == "" && s.source == "" }

// mention is an occurrence of a name of two or more words (or an acronym)
// outside quotations, used to establish full names and resolve pronouns.
type mention struct {
	pos    int
	name   string
	person bool
}

// nameConnectors are lower-case particles inside personal names.
var nameConnectors = map[string]bool{
	"de": true, "van": true, "von": true, "bin": true, "al": true, "da": true,
	"del": true, "la": true, "le": true, "di": true, "du": true, "der": true,
	"den": true, "ibn": true, "dos": true, "das": true, "y": true,
}

func init() {
	// a patronymic joins the father's name to the surname after it
	// ("Ilham Rahim oglu Guliyev")
	for w := range patronymicWords {
		nameConnectors[w] = true
	}
}

// hyphenParticles are lower-case particles joined by a hyphen to the
// capitalised rest of a surname ("al-Sistani", "el-Sisi").
var hyphenParticles = wordSet("al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "ben", "abu")

// compoundAdjectiveEnds end capitalised compound adjectives that stand
// before names ("Tokyo-based", "Kremlin-backed", "Canadian-born").
var compoundAdjectiveEnds = wordSet("based", "backed", "born", "led", "owned", "run", "funded", "linked", "allied", "friendly", "style", "era", "bound", "controlled", "affiliated", "listed", "registered", "headquartered")

// patronymicWords end an Azerbaijani or Turkic patronymic, written in
// lower case after the father's name, inside or at the end of a personal
// name ("Leyla Mammad qizi", "Ilham Rahim oglu Guliyev").
var patronymicWords = wordSet("oglu", "oğlu", "qizi", "qızı", "kizi", "kızı")

// nameWord reports whether token i can be part of a proper name.
func (a *analysis) nameWord(i int) bool {
	t := a.toks[i]
	if t.word && patronymicWords[t.lower] {
		return i > 0 && a.toks[i-1].word && a.toks[i-1].isCap() && !a.toks[i-1].isAcronym()
	}
	if particle, rest, ok := strings.Cut(t.text, "-"); ok && t.word && hyphenParticles[particle] {
		r, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsUpper(r) // "al-Sistani", "el-Sisi", "bin-Salman"
	}
	if !t.word || !t.isCap() {
		return false
	}
	if a.agentTitleAt(i) {
		return false // "Meteorologist Jenna Liu said": what she is, not her name
	}
	if a.compoundAdjective(i) {
		return false // "Schaumburg-based Motorola", "Kremlin-backed": an adjective before the name
	}
	base := strings.TrimSuffix(strings.TrimSuffix(t.lower, "’s"), "'s")
	if honorifics[base] {
		return false
	}
	if len(base) > 5 && strings.HasSuffix(base, "ing") && !capitalisedAfterHyphen(t.text) && a.sentOf[i] >= 0 && a.sents[a.sentOf[i]].first == i && len(a.mix.bySuffix[base]) == 0 {
		return false // "Leaving Tomas Ebbert out, …": a participle opening the sentence, not a given name (but "Mei-Ling")
	}
	if (namingParticiples[base] || formerWords[base]) && a.sentOf[i] >= 0 && a.sents[a.sentOf[i]].first == i {
		// "Born Agnes Fairlie in 1932, she …": the name she was given;
		// "Former Calder Mutual executive jailed": what someone was
		return false
	}
	if nameTailWords[base] && i > 0 && a.sentOf[i] >= 0 && a.sents[a.sentOf[i]].first != i && a.toks[i-1].word && a.toks[i-1].isCap() && !functionCaps[a.toks[i-1].lower] {
		return true // "Vostra Today", "Kestrel Now": the end of an outlet's name, capitalised mid-sentence
	}
	if functionCaps[base] && !a.afterTitle(i) && len(a.mix.bySuffix[base]) == 0 && !a.ordinalInName(i) || isRoleWord(base) && (!a.afterTitle(i) || a.titleBeforeFullName(i)) && !a.surnameAt(i, base) && !a.orgNameAhead(i) && !a.orgField(i) && !a.givenRoleAt(i) {
		return false
	}
	if _, ok := cueVerbs[t.lower]; ok && i > 0 && a.toks[i-1].word && !a.toks[i-1].isCap() && !articles[a.toks[i-1].lower] {
		// a capitalised cue after a lower-case word is a cue written with
		// a capital, unless an article makes it a name's first word ("the
		// State Oil Company")
		return false
	}
	return true
}

// orgField reports whether token i is the field an organisation's name
// gives after "of" or "for", which may be a word for a role: "Ministry of
// Justice", "Department of Justice" (the organisation, not a judge).
func (a *analysis) orgField(i int) bool {
	return i >= 2 && orgLinks[a.toks[i-1].lower] && a.toks[i-2].isCap() && orgWords[a.toks[i-2].lower]
}

// agentTitleAt reports whether token i opens its sentence with a noun for
// what a person does, before a name of two words or more: "Evacuee Tom
// Whitehorse said".
func (a *analysis) agentTitleAt(i int) bool {
	if len(a.sentOf) <= i || a.sents[a.sentOf[i]].first != i || i+2 >= len(a.toks) {
		return false
	}
	w := a.toks[i].lower
	if strings.HasSuffix(w, "qvist") || strings.HasSuffix(w, "kvist") {
		return false
	}
	for _, ts := range titleSuffixes {
		if strings.HasSuffix(w, ts.suffix) && len(w) >= ts.min {
			return a.toks[i+1].isCap() && a.toks[i+2].isCap() && a.toks[i+1].word && a.toks[i+2].word
		}
	}
	return false
}

// compoundAdjective reports whether token i is an adjective compounded
// with a hyphen from a name and a participle ("Harbour-based",
// "Kremlin-backed") or from a prefix ("Pro-government Sünbül TV").
func (a *analysis) compoundAdjective(i int) bool {
	prefix, suffix, ok := strings.Cut(a.toks[i].lower, "-")
	if !ok || !a.toks[i].word {
		return false
	}
	_, rest, _ := strings.Cut(a.toks[i].text, "-")
	r, _ := utf8.DecodeRuneInString(rest)
	// (a prefix before a capital is part of a name: "Anti-Corruption
	// Directorate")
	return compoundAdjectiveEnds[suffix] || adjectivePrefixes[prefix] && unicode.IsLower(r)
}

// capitalOnlyAsFirst reports whether tokens [s, e) are one word that
// opens its sentence, no acronym and no organisation the text names: a
// capital that only the sentence gives it ("Local councillor Ivo Rask").
func (a *analysis) capitalOnlyAsFirst(s, e int) bool {
	if e-s != 1 || a.toks[s].isAcronym() || a.sents[a.sentOf[s]].first != s {
		return false
	}
	w := cleanName(a.toks[s].text)
	return a.canonOrg(w) == w && !isOrgName(w)
}

// orgNameAhead reports whether the capitalised words right after token i
// end, within three, with a word that names a kind of organisation: a
// role word then begins an organisation's name ("General Motors",
// "Judge Industries"), not a title.
func (a *analysis) orgNameAhead(i int) bool {
	for k := i + 1; k < len(a.toks) && k <= i+3; k++ {
		t := a.toks[k]
		if !t.word || !t.isCap() {
			return false
		}
		if orgWords[t.lower] {
			return true
		}
	}
	return false
}

// isRoleWord reports whether w is a role word, or a compound of one with a
// hyphen ("secretary-general", "vice-president").
func isRoleWord(w string) bool {
	if roleWords[w] {
		return true
	}
	first, rest, ok := strings.Cut(w, "-")
	if !ok {
		return false
	}
	last := rest[strings.LastIndex(rest, "-")+1:]
	return roleWords[first] || roleWords[last]
}

// surnameAt reports whether the word at token i, usually a role ("Judge",
// "Bishop"), is a surname: right after a given name ("Ann Judge"), or
// where the document has named a person with it ("Judge said" after "Ann
// Judge").
func (a *analysis) surnameAt(i int, base string) bool {
	if len(a.mix.bySuffix[base]) > 0 {
		return true // the text names someone so: "John Major … Major said"
	}
	if !surnameRoles[base] || i < 1 || i+1 >= len(a.toks) || len(a.sentOf) <= i || a.sentOf[i-1] != a.sentOf[i] || a.toks[i+1].word && a.toks[i+1].isCap() && !generationSuffixes[a.toks[i+1].lower] {
		return false
	}
	// a run of two or three words of which the role word is the last:
	// "Ann Judge spoke", "Martin Luther King said"; not "Prime Minister
	// Jo Tan", "the Deputy Minister" or "Finance Minister said"
	n := 0
	for k := i - 1; k >= 0 && k >= i-2 && a.sentOf[k] == a.sentOf[i] && a.plainNameWord(k); k-- {
		n++
	}
	b := i - n - 1
	return n > 0 && (b < 0 || a.sentOf[b] != a.sentOf[i] || !a.toks[b].word || !a.toks[b].isCap() && !determiners[a.toks[b].lower])
}

// plainNameWord reports whether token k is a capitalised word that can
// only be part of a personal name: no acronym, possessive, role, title,
// function word, organisation word or demonym.
func (a *analysis) plainNameWord(k int) bool {
	p := a.toks[k]
	pb := strings.ToLower(p.text)
	return p.word && p.isCap() && !p.isAcronym() && !isPossessive(p) && !roleWords[pb] && !functionCaps[pb] && !honorifics[pb] && !orgWords[pb] && !isDemonym(pb)
}

// findGivenRoles collects the role words the text writes as given names:
// a capitalised role word after a lower-case one and before a single
// capitalised word ("dairy farmer Dean Margetts": no one is a farmer and a
// dean at once, so "Dean" is his name; a title would stand before a full
// name), which stays a name wherever the text writes the same two words
// ("Dean Margetts said").
func (a *analysis) findGivenRoles() {
	a.givenRoles = map[string]bool{}
	for i := 1; i+1 < len(a.toks); i++ {
		t, p, n := a.toks[i], a.toks[i-1], a.toks[i+1]
		if i+2 < len(a.toks) && a.toks[i+2].word && a.toks[i+2].isCap() {
			continue // a title before a full name: "spokesman Colonel Ramil Nabiyev"
		}
		if t.word && t.isCap() && isRoleWord(t.lower) && p.word && !p.isCap() && isRoleWord(p.lower) && n.word && n.isCap() && !isRoleWord(n.lower) && !a.insideQuote(t.start) {
			a.givenRoles[t.lower+" "+n.lower] = true
		}
	}
}

// givenRoleAt reports whether the role word at token i is a given name
// the text established (see findGivenRoles).
func (a *analysis) givenRoleAt(i int) bool {
	return i+1 < len(a.toks) && a.givenRoles[a.toks[i].lower+" "+a.toks[i+1].lower]
}

// afterTitle reports whether token i follows a title of address ("Ms.
// May", "Mr Friday"): then even a word that is usually no name is one.
func (a *analysis) afterTitle(i int) bool {
	switch {
	case i >= 2 && a.titleDot(i-1):
		return honorifics[a.toks[i-2].lower]
	case i >= 1:
		return honorifics[a.toks[i-1].lower] && a.toks[i-1].isCap()
	}
	return false
}

// capitalisedAfterHyphen reports whether a word joins two capitalised
// parts with a hyphen, as a given name does ("Mei-Ling"), unlike a compound
// adjective ("Cost-cutting").
func capitalisedAfterHyphen(w string) bool {
	_, rest, ok := strings.Cut(w, "-")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && unicode.IsUpper(r)
}

// isDesignation reports whether a word is a model's or a product's
// designation, letters then a hyphen and digits ("AF-500", "F-35"):
// written like an acronym, it names no organisation.
func isDesignation(w string) bool {
	_, digits, ok := strings.Cut(w, "-")
	return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
}

// titleBeforeFullName reports whether the role word at token i, after a
// title of address, is itself a title before a name of two words or more:
// "Mrs Justice Amara Nwosu", "Mr Justice Pavel Orlov" (but "Mr Friday",
// "Ms Major said": the word is the name).
func (a *analysis) titleBeforeFullName(i int) bool {
	return i+2 < len(a.toks) && a.toks[i+1].word && a.toks[i+1].isCap() && a.toks[i+2].word && a.toks[i+2].isCap() && !a.insideQuote(a.toks[i].start)
}

// plainOrgAhead reports whether the name run from token i ends in a word
// for an organisation.
func (a *analysis) plainOrgAhead(i, max int) bool {
	k := i
	for k < max && a.nameWord(k) {
		k++
	}
	return k > i && orgWords[a.toks[k-1].lower]
}

func isPossessive(t token) bool {
	return strings.HasSuffix(t.lower, "’s") || strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "s’") || strings.HasSuffix(t.lower, "s'")
}

// nameEndingAt returns the first token of the proper name that ends with
// token i, not reaching before token min; ok is false when token i does not
// end a name. Initials ("J."), particles ("de") and possessive parts of
// organisation names ("Prosecutor's Office") are kept inside.
func (a *analysis) nameEndingAt(i, min int) (int, bool) {
	if i < min || i >= len(a.toks) {
		return 0, false
	}
	t := a.toks[i]
	if a.nameAcronym(i) {
		// An acronym ends a name only as a name of its own or after
		// capitalised words ("Harbour TV").
		k := i
		for k-1 >= min && a.nameWord(k-1) && !a.toks[k-1].isAcronym() && !isPossessive(a.toks[k-1]) {
			k--
		}
		return k, true
	}
	if !a.nameWord(i) || isPossessive(t) {
		return 0, false
	}
	k := i
	for k-1 >= min {
		p := a.toks[k-1]
		switch {
		case p.text == "." && k-2 >= min && (utf8.RuneCountInString(a.toks[k-2].text) == 1 && a.toks[k-2].isCap() || isDottedInitials(a.toks[k-2].text)):
			k -= 2 // an initial, or initials written together: "K.R. Venkatanarayan"
			continue
		case p.text == "." && a.companyDot(k-1) && strings.Contains(a.toks[k-2].text, "."):
			k -= 2 // an abbreviation with dots: "U.S. State Department"
			continue
		case p.text == "." && k-2 >= min && a.nameAbbreviation(k-2):
			k -= 2 // "St. Mary's Court", "Mt. Sinai Hospital"
			continue
		case k-4 >= min && a.isClosingMarkTok(k-1) && a.nameWord(k-2) && isOpeningMark(a.toks[k-3].text) && a.nameWord(k-4):
			k -= 4 // a nickname in quotation marks: "Riefian “Ifan” Fajarsyah"
			continue
		case p.text == "&" && k-2 >= min && a.nameWord(k-2) && a.toks[k-2].end < p.start && p.end < a.toks[k].start:
			k -= 2 // "Harlow & Finch": a firm of two names
			continue
		case p.word && nameConnectors[p.lower]:
			c := k - 1
			for c-1 >= min && a.toks[c-1].word && nameConnectors[a.toks[c-1].lower] {
				c-- // "van der"
			}
			if c-1 >= min && a.nameWord(c-1) {
				k = c
				continue
			}
		case k-2 >= min && a.pluralPossessiveAt(k-2) && (orgWords[a.toks[k].lower] || a.plainOrgAhead(k, i+1)):
			k -= 2 // a plural possessive inside a name: "Island Residents' Association", "Journalists’ Solidarity Union"
			continue
		case p.lower == "and" && k-3 >= min && a.pluralPossessiveAt(k-3) && a.pluralPossessiveAt(k) && orgWords[t.lower]:
			k -= 3 // two owners joined: "Tanners' and Dyers' Union"
			continue
		case p.word && a.nameWord(k-1) && !p.isAcronym():
			if isPossessive(p) && !orgWords[a.toks[k].lower] && !orgNouns[a.toks[k].lower] && !(pluralOwners[p.lower] && a.plainOrgAhead(k, i+1)) {
				return k, true
			}
			k--
			continue
		}
		break
	}
	if k-1 >= min && k < i && a.toks[k-1].isAcronym() && orgWords[t.lower] {
		k-- // an organisation's name may open with an acronym: "AFN Youth Council"
	}
	for k-1 >= min && k < i && orgWords[t.lower] && a.toks[k-1].isCap() && roleWords[a.toks[k-1].lower] && !honorifics[a.toks[k-1].lower] {
		k-- // or with a role's word: "Premier Division Referees’ Board", "Chief Medical Officers' Council"
	}
	return k, true
}

// pluralPossessiveAt reports whether token i is a capitalised plural
// noun with the apostrophe of a possessive right after it ("Tanners'").
func (a *analysis) pluralPossessiveAt(i int) bool {
	if i+1 >= len(a.toks) || !a.nameWord(i) || !strings.HasSuffix(a.toks[i].lower, "s") {
		return false
	}
	p := a.toks[i+1]
	return (p.text == "'" || p.text == "’") && p.start == a.toks[i].end
}

// nameStartingAt returns the end (exclusive) of the proper name starting at
// token i, not reaching token max.
func (a *analysis) nameStartingAt(i, max int) (int, bool) {
	if i >= max || !(a.nameWord(i) || a.toks[i].isAcronym()) {
		return 0, false
	}
	k := i + 1
	for k < max {
		t := a.toks[k]
		switch {
		case t.text == "." && (utf8.RuneCountInString(a.toks[k-1].text) == 1 && a.toks[k-1].isCap() || isDottedInitials(a.toks[k-1].text) || a.companyDot(k) && strings.Contains(a.toks[k-1].text, ".") || a.nameAbbreviation(k-1)) && k+1 < max && a.nameWord(k+1):
			k++ // an initial, or an abbreviation with dots: "U.S. State Department", "St. Mary's Court"
			continue
		case (t.text == "'" || t.text == "’") && t.start == a.toks[k-1].end && strings.HasSuffix(a.toks[k-1].lower, "s") && k+1 < max && a.nameWord(k+1) && a.plainOrgAhead(k+1, max):
			k++ // a plural possessive inside a name: "Island Residents' Association"
			continue
		case t.text == "&" && k+1 < max && a.nameWord(k+1) && a.toks[k-1].end < t.start:
			k++ // "Harlow & Finch"
			continue
		case t.word && nameConnectors[t.lower] && a.connectorsEnd(k, max) < max && a.nameWord(a.connectorsEnd(k, max)):
			k = a.connectorsEnd(k, max) // "van der", "de la"
			continue
		case k+3 < max && isOpeningMark(t.text) && a.nameWord(k+1) && a.isClosingMarkTok(k+2) && a.nameWord(k+3) && !isPossessive(a.toks[k-1]):
			k += 3 // a nickname in quotation marks: "Ray “Moose” Lindqvist"
			continue
		case a.nameWord(k) || a.nameAcronym(k):
			if isPossessive(a.toks[k-1]) && !(orgWords[a.toks[k].lower] && a.toks[k].isCap()) {
				// (one name: "the Prosecutor's Office", "St. Mary's Court")
				return k, true
			}
			k++
			continue
		}
		break
	}
	return k, true
}

// nameAcronym reports whether token i is an acronym that can name an
// organisation or stand in a name: not a function word in capitals, and
// not a title written in capitals ("MP", "CEO"), which describes the name
// after it ("Liberal MP Ann Roe").
func (a *analysis) nameAcronym(i int) bool {
	t := a.toks[i]
	return t.isAcronym() && !functionCaps[t.lower] && !roleWords[t.lower]
}

// joinTokens returns the text from token i to token j (exclusive) as written.
func (a *analysis) joinTokens(i, j int) string {
	if i >= j {
		return ""
	}
	return a.text[a.toks[i].start:a.toks[j-1].end]
}

// isOrgName reports whether a proper name looks like an organisation or
// outlet rather than a person.
func isOrgName(name string) bool {
	ws := strings.Fields(name)
	if len(ws) == 1 {
		t := token{text: ws[0], word: true}
		if t.isAcronym() {
			return true
		}
	}
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if orgWords[lw] || companySuffixes[lw] || strings.HasSuffix(lw, "’s") && orgWords[strings.TrimSuffix(lw, "’s")] {
			return true
		}
	}
	if slices.Contains(ws, "&") {
		return true // "Harlow & Finch": a firm
	}
	// "St. Jude's Church": someone's, and a noun for a kind of body
	last := len(ws) - 1
	return last > 0 && orgNouns[strings.ToLower(ws[last])] && slices.ContainsFunc(ws[:last], func(w string) bool {
		return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
	})
}

// leadsWithOrgWord reports whether name opens with a word for a kind of
// body ("Association of Velm" in "Newspaper Association of Velm"): then
// the word before it belongs to the name.
func leadsWithOrgWord(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	return orgWords[strings.ToLower(first)]
}

// orgHeaded reports whether the last word of name says it names an
// organisation: a word for a kind of body or a company's suffix
// ("Orvik Bank", "Marrick Hydro Co").
func orgHeaded(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	lw := strings.ToLower(strings.Trim(ws[len(ws)-1], ".,"))
	return orgWords[lw] || companySuffixes[lw]
}

// isPlaceName reports whether a name of two words or more ends in a noun
// for a kind of place ("Skarra Point", "Thunder Bay", "Main Street"): no
// one whom "he" or "she" refers to.
func isPlaceName(name string) bool {
	ws := strings.Fields(name)
	return len(ws) >= 2 && placeNouns[strings.ToLower(ws[len(ws)-1])]
}

// creditEnd returns the token after a parenthesised picture credit that
// opens at token i ("(Photo: Ann Roe)", "(Ann Roe/Harbour Herald)"), or i.
func (a *analysis) creditEnd(i int) int {
	if a.toks[i].text != "(" {
		return i
	}
	marked := false
	for k := i + 1; k < len(a.toks) && k < i+12; k++ {
		switch a.toks[k].text {
		case ":", "/":
			marked = true
		case ")":
			if marked {
				return k + 1
			}
			return i
		case "(":
			return i
		}
	}
	return i
}

// findMentions records every proper name outside quotations.
func (a *analysis) findMentions() {
	a.kinNames = map[string]string{}
	a.namedAsOrg = map[string]bool{}
	a.describedAsOrg = map[string]bool{}
	defer a.markNamedOrgs()
	shouted := make([]bool, len(a.paras))
	for p, sp := range a.paras {
		// (page furniture, "Article Continued Below", names no one either)
		text := a.text[sp.start:sp.end]
		shouted[p] = isShouted(text) || isFurniture(text) || isTitleCased(text) || a.heading[p] && topicHeading(text) && headlineCased(text)
	}
	for i := 0; i < len(a.toks); i++ {
		if a.insideQuote(a.toks[i].start) {
			continue
		}
		if p := a.sents[max(a.sentOf[i], 0)].para; a.sentOf[i] >= 0 && shouted[p] {
			continue // a heading in capitals: its words are not names
		}
		if e := a.creditEnd(i); e > i {
			i = e - 1 // "(Photo: Ann Roe/Harbour Herald)": who took a picture
			continue
		}
		if e := a.afterDateline(i, len(a.toks)); e > i {
			i = e - 1 // "PORT SALLOW, Lowmarch —": a place, no one
			continue
		}
		end, ok := a.nameStartingAt(i, len(a.toks))
		if !ok {
			continue
		}
		end = a.ofNameEnd(i, end, len(a.toks)) // "Ministry of Justice"
		end = a.andNameEnd(i, end)
		// names do not run across sentences
		for k := i + 1; k < end; k++ {
			if a.sentOf[k] != a.sentOf[i] {
				end = k
				break
			}
		}
		if a.sectionLabel(i, end) || end < len(a.toks) && a.toks[end].text == ":" && captionLabels[a.toks[i].lower] {
			i = end - 1 // ("PHOTO: Members of the coalition …": a caption, named by no one)
			continue
		}
		i = a.personAfterField(i, end)
		if end+1 < len(a.toks) && a.toks[end].isCap() && portfolioTitles[a.toks[end].lower] && a.nameWord(end+1) {
			i = end - 1 // "Digital Affairs Minister Niklas Aberg-Mensah": a portfolio, no organisation
			continue
		}
		if k := a.orgBeforePerson(i, end); k > i {
			// "Member of XYZ Jane Roe", "the Harbour Party Jane Roe": the
			// organisation, then the person, not one name.
			a.mentions = append(a.mentions, mention{pos: a.toks[i].start, name: cleanName(a.joinTokens(i, k))})
			i = k
		}
		name := cleanName(a.joinTokens(i, end))
		multi := end-i >= 2
		if !multi {
			if full := a.kinGivenName(i); full != "" {
				// "His wife, Leila, …": Leila and the family's surname,
				// for "Leila" (not for the surname, which stays the
				// family member's named in full)
				a.kinNames[a.toks[i].lower] = full
			}
		}
		d := a.lowerRunStart(i, 4)
		kindBefore := a.sentOf[d] == a.sentOf[i] && a.orgKindBeforeName(d, i) // "the exile outlet Kovan"
		if multi || kindBefore || a.toks[i].isAcronym() && !commonAcronyms[a.toks[i].lower] && !isDesignation(a.toks[i].text) {
			// (not "national ID numbers": an acronym that names no one;
			// nor a model's designation, "its AF-500 fryer")
			org := kindBefore || multi && a.orgEvidenceAround(i, end)
			person := !isOrgName(name) && !isPlaceName(name) && !org
			a.mentions = append(a.mentions, mention{pos: a.toks[i].start, name: name, person: person})
			if org {
				a.namedAsOrg[name] = true
			}
		}
		i = end - 1
	}
}

// personAfterField returns where a person's name starts in the name run
// at tokens [i, end) after the field of a title ("Minister of Culture
// Anar Gasimli") or the place it holds in ("Ambassador … to Ardzania
// Viktor Stralev"), else i.
func (a *analysis) personAfterField(i, end int) int {
	if k := a.fieldBeforePerson(i, end); k > i {
		return k
	}
	if a.placeBeforePerson(i, end, a.sents[a.sentOf[i]].first) {
		return i + 1
	}
	return i
}

// orgEvidenceAround reports whether the words around the name at tokens
// [i, end) say it is an organisation's, however much it reads like a
// person's: an apposition of a kind of organisation ("Fenwick Aldous, a
// property firm"), a relative clause with "which" ("Penrose Addington,
// which processes salaries"), "founded" ("Whitcombe Hale, founded in
// 1871"), its shares ("Shares in Whitcombe Hale"), or its role holder ("A
// Marchetti Lowe spokesperson").
func (a *analysis) orgEvidenceAround(i, end int) bool {
	if i >= 2 && (a.toks[i-1].lower == "in" || a.toks[i-1].lower == "of") && a.toks[i-2].lower == "shares" {
		return true
	}
	if end >= len(a.toks) {
		return false
	}
	if i >= 1 && articles[a.toks[i-1].lower] && roleWords[a.toks[end].lower] && !a.toks[end].isCap() {
		return true
	}
	if a.toks[end].text != "," || end+1 >= len(a.toks) {
		return false
	}
	switch n := a.toks[end+1].lower; {
	case n == "which" || n == "founded":
		return true
	case articles[n]:
		// (an apposition, not an inverted subject: "…, the company said")
		for k := end + 2; k < len(a.toks) && k <= end+5 && a.toks[k].word && !a.toks[k].isCap(); k++ {
			if genericOrgNouns[a.toks[k].lower] || orgNouns[a.toks[k].lower] {
				return k+1 < len(a.toks) && (a.toks[k+1].text == "," || n != "the" && (isEdForm(a.toks[k+1]) || relativeWords[a.toks[k+1].lower]))
			}
		}
	}
	return false
}

// markNamedOrgs makes every mention of a name that a noun for a kind of
// organisation describes somewhere an organisation's: "Fashion retailer
// Beatrix Lowe agreed … Beatrix Lowe said … The company said".
func (a *analysis) markNamedOrgs() {
	for k, m := range a.mentions {
		if a.namedAsOrg[m.name] {
			a.mentions[k].person = false
		}
	}
}

// lowerRunStart returns where the run of up to max lower-case words
// before token i starts, after any article or preposition ("terminal
// operator" before "Harbourline Terminals"), or i.
func (a *analysis) lowerRunStart(i, max int) int {
	d := i
	for d-1 >= 0 && d > i-max && a.toks[d-1].word && !a.toks[d-1].isCap() && !boundaryWords[a.toks[d-1].lower] && !determiners[a.toks[d-1].lower] {
		d--
	}
	return d
}

// kinGivenName returns the full name of a relative introduced by a given
// name alone after "his", "her" or "their" and a word for kin ("His wife,
// Leila,", "her eldest son Sami"): the given name and the surname of the
// person named in full last, in the same paragraph or the one before; or
// "".
func (a *analysis) kinGivenName(i int) string {
	k := i - 1
	if k >= 0 && a.toks[k].text == "," {
		k--
	}
	if k < 1 || !kinWords[a.toks[k].lower] || i+1 < len(a.toks) && a.nameWord(i+1) {
		return ""
	}
	d := k - 1
	if d >= 1 && a.toks[d].word && !a.toks[d].isCap() && !possessivePronouns[a.toks[d].lower] {
		d-- // "her eldest son"
	}
	if d < 0 || !possessivePronouns[a.toks[d].lower] || a.toks[d].lower == "its" {
		return ""
	}
	p := a.paraAt(a.toks[i].start)
	for m := len(a.mentions) - 1; m >= 0; m-- {
		mm := a.mentions[m]
		if a.paraAt(mm.pos) < p-1 {
			break
		}
		if ws := strings.Fields(mm.name); mm.person && len(ws) >= 2 {
			return a.toks[i].text + " " + ws[len(ws)-1]
		}
	}
	return ""
}

// andNameEnd returns the end of an organisation's name that joins words
// with "and" after "the" ("the Amalgamated Port and Harbour Workers'
// Union"), or end, where the name run from token i stops.
func (a *analysis) andNameEnd(i, end int) int {
	// (a name of its own before "and" ends there, unless it is one word,
	// a kind alone: "the Markets and Competition Authority")
	if i == 0 || a.toks[i-1].lower != "the" || end+1 >= len(a.toks) || a.toks[end].lower != "and" || !a.nameWord(end+1) || isOrgName(a.joinTokens(i, end)) && end-i > 1 {
		return end
	}
	if e, _ := a.nameStartingAt(end+1, len(a.toks)); isOrgName(a.joinTokens(end+1, e)) {
		return e
	}
	return end
}

// isShouted reports whether paragraph s is written in capitals, as some
// headings are: three words or more and no lower-case letter.
func isShouted(s string) bool {
	if len(strings.Fields(s)) < 3 {
		return false
	}
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isTitleCased reports whether paragraph s is a heading in title case:
// a few words, each opening with a capital, among them a function word
// that only title case capitalises ("Account Of Kapsalnet Unfrozen."),
// whose capitals make no names.
func isTitleCased(s string) bool {
	c := wordCases(s)
	return c.words >= 3 && c.words <= 14 && !c.lowerFunction && !c.lowerOther && c.capitalFunction
}

// caseCount says how the words of a line open: how many there are, and
// whether any is a function word in lower case, any other word in lower
// case, any function word with a capital (numbers count as neither).
type caseCount struct {
	words                                      int
	lowerFunction, lowerOther, capitalFunction bool
}

// wordCases reads how the words of s open, their punctuation aside.
func wordCases(s string) caseCount {
	ws := strings.Fields(s)
	c := caseCount{words: len(ws)}
	for _, w := range ws {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		r, _ := utf8.DecodeRuneInString(w)
		if w == "" || unicode.IsDigit(r) {
			continue
		}
		function := titleFunctionWords[strings.ToLower(w)]
		switch {
		case unicode.IsUpper(r):
			c.capitalFunction = c.capitalFunction || function
		case function:
			c.lowerFunction = true
		default:
			c.lowerOther = true
		}
	}
	return c
}

// topicHeading reports whether heading s is a section's topic and its
// subtitle, two sentences: "Media. Lanterna Stops Publishing."
func topicHeading(s string) bool {
	topic, _, ok := strings.Cut(s, ". ")
	ws := strings.Fields(topic)
	if !ok || len(ws) == 0 || len(ws) > 4 || honorifics[strings.ToLower(ws[len(ws)-1])] {
		return false // (not "Invited: Mr. Farhad Akverdov, …")
	}
	return !strings.ContainsFunc(topic, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' && r != '-' })
}

// headlineCased reports whether heading s capitalises every word but
// the short function words title case leaves in lower case ("Media.
// Lanterna Stops Publishing.", "CNS Report on Media Freedom."): its
// capitals make no names, as a name run would take in the verb after
// it.
func headlineCased(s string) bool {
	c := wordCases(s)
	return c.words >= 3 && !c.lowerOther
}

// sectionLabel reports whether tokens [i, end) are a label in capitals
// that opens a paragraph before a colon ("MARKET WATCH: …"): a heading run
// into the text, not a name.
func (a *analysis) sectionLabel(i, end int) bool {
	if end-i < 2 || end >= len(a.toks) || a.toks[end].text != ":" {
		return false
	}
	if p := a.paraAt(a.toks[i].start); p < 0 || a.paras[p].start != a.toks[i].start {
		return false
	}
	for k := i; k < end; k++ {
		if !a.toks[k].isAcronym() {
			return false
		}
	}
	return true
}

// orgBeforePerson returns where a person's name of two or more words
// starts inside the name run at tokens [i, end) when an organisation's
// name comes first: an acronym ("XYZ Jane Roe") or a name ending in a word
// for a kind of organisation ("the Harbour Party Jane Roe"). It returns i
// when the run is one name.
func (a *analysis) orgBeforePerson(i, end int) int {
	for k := end - 2; k > i; k-- {
		prev := a.toks[k-1]
		orgEnd := orgWords[prev.lower] || k-1 == i && prev.isAcronym() && !a.toks[k].isAcronym()
		if !orgEnd || isPossessive(prev) {
			continue
		}
		rest := cleanName(a.joinTokens(k, end))
		if a.nameWord(k) && strings.Contains(rest, " ") && !isOrgName(rest) {
			return k
		}
	}
	return i
}

// fieldBeforePerson returns where a person's name of two words starts in
// the name run at tokens [i, end) that follows a role and "of", or a kind
// of organisation: "Minister of Culture Anar Gasimli", "Deputy Foreign
// Minister of Dargania Kamal Rustamov", "the trade union Həmrəylik Ramil
// Təhməzov" (the field, the country or the organisation, then the
// person).
// It returns i when the run is no such thing.
func (a *analysis) fieldBeforePerson(i, end int) int {
	// "Minister of Culture Anar Gasimli", "special representative for the
	// South Caucasus Oskar Lindqvist", "Commissioner for Human Rights of
	// the Republic Sevil Nuriyeva"; "Ambassador of Norvania to Qaraxan
	// Fikrət Ələkbərov": where he is posted, then the person
	ofRole := i >= 2 && (a.toks[i-1].lower == "the" || a.toks[i-1].lower == "and" || a.fieldLinkAt(i-1)) && a.roleChainBefore(i) ||
		i >= 1 && a.toks[i-1].lower == "to" && a.roleOfBefore(i-1)
	// "The chairman of the trade union Həmrəylik Ramil Təhməzov": a role
	// of the organisation first (not "monitoring group Free Ballot
	// Ostravan", the group's own name)
	afterKind := i >= 1 && orgWords[a.toks[i-1].lower] && !a.toks[i-1].isCap() && a.roleOfBefore(i-1)
	if end-i < 3 || !ofRole && !afterKind || isOrgName(cleanName(a.joinTokens(end-2, end))) || a.toks[end-1].isAcronym() || ofRole && orgWords[a.toks[end-3].lower] {
		// (not when the run ends in an organisation, "Minister of the
		// Harbour Council", nor when one comes before the person:
		// "Member of the Example Party Jane Doe" is of that party)
		return i
	}
	if k := end - 2; a.nameWord(k) && a.nameWord(k+1) && !a.toks[k].isAcronym() {
		return k
	}
	return i
}

// ordinalInName reports whether token i is an ordinal inside a name,
// between capitalised words ("Tessaquin First Nation", "Harbour First
// Bank"), not one opening a sentence ("First, the …").
func (a *analysis) ordinalInName(i int) bool {
	w := a.toks[i].lower
	return (w == "first" || w == "second") && i > 0 && i+1 < len(a.toks) && a.toks[i-1].word && a.toks[i-1].isCap() && a.toks[i+1].word && a.toks[i+1].isCap() && a.sentOf[i-1] == a.sentOf[i]
}

// roleChainBefore reports whether a role word and "of" or "for" open the
// capitalised words linked by "of", "for", "the" and "and" that end
// before token i: "Commissioner for Human Rights of the Republic".
func (a *analysis) roleChainBefore(i int) bool {
	for k := i - 1; k >= 1 && k >= i-12; k-- {
		t := a.toks[k]
		switch {
		case orgLinks[t.lower] && isRoleWord(a.toks[k-1].lower):
			return true
		case a.fieldLinkAt(k) || t.lower == "the" || t.lower == "and" || t.word && (t.isCap() || !boundaryWords[t.lower]):
			// ("Head of the executive power of Qaratəpə Novruz Abdullayev")
		case t.text == ")":
			for k > 0 && a.toks[k].text != "(" {
				k-- // "Commissioner for Human Rights (Ombudsman) of the Republic"
			}
		default:
			return false
		}
	}
	return false
}

// fieldLinkAt reports whether token k links a name to the field it
// covers: "of", "for", "under", or "on" after a kind of organisation
// ("Committee on Legal Policy").
func (a *analysis) fieldLinkAt(k int) bool {
	w := a.toks[k].lower
	return orgLinks[w] || w == "on" && k > 0 && orgWords[a.toks[k-1].lower]
}

// roleOfBefore reports whether a role word and "of" stand among the few
// words before token k ("chairman of the independent trade union").
func (a *analysis) roleOfBefore(k int) bool {
	for d := k - 1; d >= 1 && d >= k-6 && a.toks[d].word; d-- {
		if a.toks[d].lower == "of" && isRoleWord(a.toks[d-1].lower) {
			return true
		}
	}
	return false
}

// nameAbbreviation reports whether token i is an abbreviation that opens
// a name ("St. Mary's Court", "Mt. Sinai Hospital"), not one that closes
// a street's ("Main St."), after which a new sentence may start.
func (a *analysis) nameAbbreviation(i int) bool {
	return nameAbbreviations[a.toks[i].lower] && a.toks[i].isCap() && (i == 0 || !a.nameWord(i-1))
}

// nickname is a word in quotation marks inside a name, which the name
// is stored without.
var nickname = regexp.MustCompile(`\s+[“"‘'][^\s“”"‘’']+[”"’']\s+`)

// cleanName drops a possessive ending, a nickname, the letters of a rank
// or an honour after a full name and surrounding punctuation.
func cleanName(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "’s"), "'s")
	s = nickname.ReplaceAllString(s, " ")
	s = strings.Trim(s, " ,.;:")
	if i := strings.LastIndex(s, " "); i > 0 && strings.Contains(s[:i], " ") && postNominals[strings.ToLower(s[i+1:])] && strings.ToUpper(s[i+1:]) == s[i+1:] {
		s = s[:i] // "Amelia Trask KC": letters of a rank or an honour after the name
	}
	if first, rest, ok := strings.Cut(s, " "); ok && outletKindPrefixes[strings.ToLower(first)] && rest != "" && unicode.IsUpper([]rune(rest)[0]) && !leadsWithOrgWord(rest) {
		s = rest // "Portal Nettow informs": what kind of outlet, then its name
	}
	if last := s[strings.LastIndex(s, " ")+1:]; strings.Contains(last, ".") && strings.ToUpper(last) == last {
		s += "." // an abbreviation with dots ends with one: "U.S."
	}
	return s
}

// canonicalName returns the full name the document established for name at
// byte pos: a name of one word becomes the latest earlier (else the first
// later) multi-word name that contains it.
func (a *analysis) canonicalName(name string, pos int) string {
	name = cleanName(name)
	if name == "" {
		return name
	}
	if d, ok := a.defined[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))]; ok && d.pos < pos {
		return d.name // "Halvorsen Biotech Inc. (“the Company”) … The Company said"
	}
	if strings.Contains(name, " ") {
		if isOrgName(name) {
			if long := a.orgWithComplement(name, pos); long != "" {
				return long // "The Central Bank stated" after "the Central Bank of Arsavia"
			}
		}
		return a.fullerName(name, pos)
	}
	if strings.Contains(name, ".") && strings.ToUpper(name) == name {
		return name // an abbreviation names itself: "U.S." is not "U.S. Department of Justice"
	}
	if full, ok := a.kinNames[strings.ToLower(name)]; ok {
		return full // "Sami" for "His eldest son, Sami,"
	}
	// the latest name with the word at or before pos, else the first after
	withWord := a.mix.byWord[strings.ToLower(name)]
	if len(withWord) == 0 {
		return name
	}
	if k := a.mentionsUpTo(withWord, pos, false); k > 0 {
		return a.mentions[withWord[k-1]].name
	}
	return a.mentions[withWord[0]].name
}

// definedTerm is the name a short name stands for, and where the document
// defined it.
type definedTerm struct {
	name string
	pos  int
}

// findDefinedTerms collects the short names a document defines in
// parentheses after a name, as press releases and contracts do:
// "Halvorsen Biotech Inc. (“Halvorsen” or “the Company”)". Each stands
// for the name after that, with or without its article.
func (a *analysis) findDefinedTerms() {
	a.defined = map[string]definedTerm{}
	for k := 1; k+1 < len(a.toks); k++ {
		if a.toks[k].text != "(" || a.quoteStartingAt(a.toks[k+1].start) < 0 {
			continue
		}
		e := k - 1
		if a.companyDot(e) {
			e--
		}
		n0, ok := a.nameEndingAt(e, max(0, e-8))
		if !ok {
			continue
		}
		if n0 >= 2 && a.toks[n0-1].text == "," && companySuffixes[a.toks[n0].lower] && a.nameWord(n0-2) {
			// "Acme Widgets, Inc. (“Acme”)": the name before the legal
			// form set off by a comma, as a subject there reads it
			e = n0 - 2
			n0, _ = a.nameEndingAt(e, max(0, e-8))
		}
		name := cleanName(a.joinTokens(n0, e+1))
		for _, q := range a.quotesStarting(a.toks[k+1].start, a.parenEnd(k)) {
			if term := strings.Trim(a.text[q.start:q.end], "“”\"'‘’ "); q.depth == 0 && len(strings.Fields(term)) <= 3 {
				term = strings.TrimPrefix(strings.ToLower(term), "the ")
				a.defined[term] = definedTerm{name: name, pos: q.start}
			}
		}
	}
}

// parenEnd returns the byte offset of the closing parenthesis that matches
// the one at token k, within a dozen tokens, or the offset of token k.
func (a *analysis) parenEnd(k int) int {
	for i := k + 1; i < len(a.toks) && i < k+12; i++ {
		if a.toks[i].text == ")" {
			return a.toks[i].start
		}
	}
	return a.toks[k].start
}

// fullerName returns the latest person's name mentioned before byte pos
// that ends with the words of name and has more of them: a surname with a
// particle ("Al Amin", "De Luca") stands for the full name given earlier
// ("Omar Al Amin"). Without one, name is returned.
// orgWithComplement returns the latest organisation named before byte
// pos as name and a complement with "of" ("Central Bank of Arsavia" for
// "Central Bank"), or "".
func (a *analysis) orgWithComplement(name string, pos int) string {
	first, _, _ := strings.Cut(strings.ToLower(name), " ")
	prefix := name + " of "
	long := ""
	for _, k := range a.mix.byWord[first] { // (the mentions that hold its first word, in order)
		m := a.mentions[k]
		if m.pos >= pos {
			break
		}
		if !m.person && strings.HasPrefix(m.name, prefix) {
			long = m.name
		}
	}
	return long
}

func (a *analysis) fullerName(name string, pos int) string {
	words := strings.Fields(strings.ToLower(name))
	if len(words) > 0 {
		longer := a.mix.bySuffix[strings.Join(words, " ")]
		if k := a.mentionsUpTo(longer, pos, true); k > 0 {
			return a.mentions[longer[k-1]].name
		}
		return name
	}
	best := name
	for _, m := range a.mentions {
		if m.pos >= pos {
			break
		}
		mw := strings.Fields(strings.ToLower(m.name))
		if m.person && len(mw) > len(words) && slices.Equal(mw[len(mw)-len(words):], words) {
			best = m.name
		}
	}
	return best
}

// lastPersonBefore returns the latest multi-word person name mentioned
// before byte pos within the given distance that fits (nil: any), or "".
func (a *analysis) lastPersonBefore(pos, within int, fits func(string) bool) string {
	for k := a.mentionsBefore(pos) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if pos-m.pos > within {
			return ""
		}
		if m.person && strings.Contains(m.name, " ") && (fits == nil || fits(m.name)) {
			return m.name
		}
	}
	return ""
}

// describe parses a descriptor phrase (tokens [i, j)) for a role and an
// organisation: "Member of APFP", "the chairman of the Popular Front
// Party", "exiled journalist", "PFP leader", "principal researcher at Dixon
// Hall".
func (a *analysis) describe(i, j int) (role, org string) {
	roleAt := -1
	for k := j - 1; k >= i; k-- {
		if a.toks[k].word && roleWords[a.toks[k].lower] {
			roleAt = k
			break
		}
	}
	if roleAt-2 >= i && a.toks[roleAt-1].lower == "of" && portfolioRoles[a.toks[roleAt-2].lower] {
		roleAt -= 2 // "Minister of Justice": the minister, of a field that is also a title
	}
	if roleAt < 0 && j-2 >= i && a.titleDot(j-1) {
		role = titleRoles[a.toks[j-2].lower] // "Coun. Ivo Rask"
	}
	if roleAt >= 0 && a.toks[roleAt].lower == "minister" {
		if r0, org, ok := a.ministerRole(roleAt, i, j); ok {
			return strings.ToLower(a.joinTokens(r0, roleAt+1)), org
		}
	}
	if roleAt >= 0 {
		r0 := a.roleStart(i, roleAt)
		if kindAt, s, ok := a.orgKindBeforeRole(i, r0, roleAt); ok {
			if kindAt == s+1 && a.toks[s].isAcronym() && governingBodies[a.toks[kindAt].lower] {
				// "an NRP board member": a seat on the body that governs
				// the organisation the acronym names
				return strings.ToLower(a.joinTokens(kindAt, roleAt+1)), a.canonOrg(a.toks[s].text)
			}
			return strings.ToLower(a.joinTokens(kindAt+1, roleAt+1)), a.canonOrg(cleanName(a.joinTokens(s, kindAt+1)))
		}
		role = strings.ToLower(a.joinTokens(r0, roleAt+1))
		if !placeRoles[a.toks[roleAt].lower] {
			org = a.orgBeforeRole(i, r0) // (not "Sallow Ridge resident": a place)
		}
	}
	if org == "" {
		var personAt int
		org, personAt = a.orgAfterPreposition(i, j)
		if personAt >= 0 && role != "" && roleAt > personAt {
			// "the lawyer of the blogger Nijat Aliyev": a person the
			// role describes, whose role the head is not
			role = a.toks[personAt-1].lower
			if !roleWords[role] {
				role = ""
			}
		}
	}
	return role, a.canonOrg(cleanName(org))
}

// ministerRole reads the minister at token roleAt of a description
// [i, j) with the portfolio before it or after "of" ("Deputy Energy
// Minister", "Minister of Labour and Social Protection"): where the role
// starts, and the ministry when the text names one with the portfolio's
// words ("Foreign Minister" and "the Ministry of Foreign Affairs"); a
// portfolio alone is no organisation, and quotedb does not make up a
// ministry's name. "Prime Minister" heads none; ok is false when no
// portfolio is given.
func (a *analysis) ministerRole(roleAt, i, j int) (r0 int, org string, ok bool) {
	r0 = roleAt
	var portfolio string
	if roleAt+2 < j && a.toks[roleAt+1].lower == "of" && a.toks[roleAt+2].isCap() {
		e := roleAt + 2
		for e < j && a.toks[e].word && a.toks[e].isCap() && !a.toks[e].isAcronym() || e+1 < j && a.toks[e].lower == "and" && a.toks[e+1].isCap() {
			e++ // "Justice", a title's word too; "Labour and Social Protection"
		}
		portfolio = a.joinTokens(roleAt+2, e)
	} else {
		for r0-1 >= i && a.toks[r0-1].word && a.toks[r0-1].isCap() && !a.toks[r0-1].isAcronym() && !functionCaps[a.toks[r0-1].lower] && !rankWords[a.toks[r0-1].lower] && !isDemonym(a.toks[r0-1].lower) && !noMinistry[a.toks[r0-1].lower] {
			r0-- // "Digital Affairs Minister"
		}
		portfolio = a.joinTokens(r0, roleAt)
	}
	if portfolio == "" {
		return roleAt, "", false
	}
	if r0-1 >= i && rankWords[a.toks[r0-1].lower] {
		r0-- // "Deputy Energy Minister"
	}
	words := strings.Fields(strings.ToLower(portfolio))
	for _, name := range a.ministries {
		low := strings.ToLower(name)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(low, w) }) {
			return r0, a.canonOrg(name), true
		}
	}
	return r0, "", true
}

// findMinistries lists the ministries the text names, each once, the one
// named last first: what ministerRole looks a portfolio up in, once per
// document rather than over every mention for every minister.
func (a *analysis) findMinistries() {
	seen := map[string]bool{}
	for k := len(a.mentions) - 1; k >= 0; k-- {
		if name := a.mentions[k].name; !seen[name] && strings.Contains(strings.ToLower(name), "ministry") {
			seen[name] = true
			a.ministries = append(a.ministries, name)
		}
	}
}

// roleStart returns the first token of the role whose role word is token
// roleAt, not before token i: one or two modifiers before it ("deputy
// chairman", "Prime Minister").
func (a *analysis) roleStart(i, roleAt int) int {
	r0 := roleAt
	for r0-1 >= i && r0 > roleAt-2 {
		p := a.toks[r0-1]
		sentenceFirst := a.sents[a.sentOf[r0-1]].first == r0-1 && !p.isAcronym()
		// "Prime Minister", "Transport Minister": one capitalised word
		// before a role written as a title is part of it; a longer run
		// of them is an organisation's name ("Eastshire Green MP"), unless
		// a role word opens the title ("Deputy Foreign Minister")
		titled := a.toks[roleAt].isCap() && !a.toks[roleAt].isAcronym() && !p.isAcronym() && !orgWords[p.lower] &&
			(r0-2 < i || !a.toks[r0-2].word || !a.toks[r0-2].isCap() || determiners[a.toks[r0-2].lower] || roleWords[a.toks[r0-2].lower])
		if !p.word || (p.isCap() && !sentenceFirst && !titled) || determiners[p.lower] || boundaryWords[p.lower] || p.lower == "of" || isPossessive(p) {
			break
		}
		r0--
	}
	return r0
}

// orgKindBeforeRole finds a name and the kind of organisation in lower
// case inside the role that starts at token r0 ("Musavat party chairman"):
// the token of the kind and the first of the name. Such a name names an
// organisation even opening the sentence.
func (a *analysis) orgKindBeforeRole(i, r0, roleAt int) (kindAt, nameAt int, ok bool) {
	for p := roleAt - 1; p > i && p >= r0-1; p-- {
		if orgWords[a.toks[p].lower] && !a.toks[p].isCap() && a.nameWord(p-1) && !isPossessive(a.toks[p-1]) {
			if s, ok := a.nameEndingAt(p-1, i); ok {
				return p, s, true
			}
		}
	}
	return 0, 0, false
}

// orgBeforeRole returns the organisation named before the role that
// starts at token r0, not before token i: "Its president", "The Popular
// Front Party (PFP) chairman", "PFP leader", "the HDP's deputy chairman".
func (a *analysis) orgBeforeRole(i, r0 int) string {
	org := ""
	if r0-1 >= i && (a.toks[r0-1].lower == "its" || a.toks[r0-1].lower == "their") {
		// "Its president, Maria Santos": the organisation just named
		if name, ok := a.nearbyOrg(a.toks[r0-1].start); ok {
			org = name
		}
	}
	if r0-3 >= i && a.toks[r0-1].text == ")" && a.toks[r0-3].text == "(" && a.toks[r0-2].isAcronym() {
		// "The Popular Front Party (PFP) chairman": the acronym the text
		// gives the organisation
		org = a.toks[r0-2].text
	}
	if r0-1 < i || !a.toks[r0-1].isAcronym() && !a.nameWord(r0-1) {
		return org
	}
	if s, ok := a.nameEndingAt(r0-1, i); ok && !isPossessive(a.toks[r0-1]) && !a.capitalOnlyAsFirst(s, r0) {
		s = a.ofNameStart(s, i) // "Ministry of Foreign Affairs spokesman"
		for orgWords[a.toks[r0-1].lower] && s-1 >= i && a.toks[s-1].word && a.toks[s-1].isCap() && a.sents[a.sentOf[s-1]].first != s-1 {
			s-- // "Justice Department": a word that is also a role, inside an organisation's name
		}
		return a.joinTokens(s, r0)
	}
	if isPossessive(a.toks[r0-1]) {
		// "the HDP's deputy chairman", "the European Union's spokesperson"
		s := r0 - 1
		for s-1 >= i && a.nameWord(s-1) && !isPossessive(a.toks[s-1]) {
			s--
		}
		s = a.ofNameStart(s, i) // "the Council of Europe's Commissioner"
		if name := cleanName(a.joinTokens(s, r0)); isOrgName(name) || len(name) >= 2 && strings.ToUpper(name) == name {
			return name // an organisation's, not a person's ("Roe's spokesperson")
		}
	}
	return org
}

// orgAfterPreposition returns the organisation named first after "of",
// "at", "for", "with" or "from" among tokens [i, j); personAt is the
// preposition when what follows it is a person the role describes ("the
// lawyer of the blogger Nijat Aliyev"), else -1; an organisation may
// still follow it.
func (a *analysis) orgAfterPreposition(i, j int) (org string, personAt int) {
	personAt = -1
	for k := i; k < j; k++ {
		switch a.toks[k].lower {
		case "of", "at", "for", "with", "from":
		default:
			continue
		}
		for m := k + 1; m < j && m <= k+4; m++ {
			if !a.nameWord(m) && !a.toks[m].isAcronym() {
				continue
			}
			if kindAcronyms[a.toks[m].lower] && m+1 < j && a.nameWord(m+1) {
				m++ // "the NGO Media Rights Bureau": what kind it is, then its name
			}
			e, _ := a.nameStartingAt(m, j)
			e = a.ofNameEnd(m, e, j) // "the University of Toronto"
			switch {
			case portfolioRoles[a.toks[k-1].lower] && a.toks[k].lower == "of" && !a.toks[m].isAcronym() && !isOrgName(a.joinTokens(m, e)):
				// "Minister of Justice", "professor of History": a field
			case roleWords[a.toks[m-1].lower] && !isOrgName(a.joinTokens(m, e)):
				if personAt < 0 {
					personAt = k
				}
			case isPossessive(a.toks[e-1]) && !a.toks[m].isAcronym() && !isOrgName(cleanName(a.joinTokens(m, e))):
				// "one of Silicon Valley's chief executives": a place's
			default:
				return a.joinTokens(m, e), personAt
			}
			break
		}
	}
	return "", personAt
}

// canonOrg maps an organisation name as written to the acronym the
// document establishes for it; a lone word before "Party" stands for the
// party.
func (a *analysis) canonOrg(org string) string {
	if org == "" {
		return ""
	}
	low := strings.ToLower(org)
	for acr, longs := range a.orgAliases {
		if org == acr || strings.HasPrefix(org, acr+" ") {
			return acr
		}
		for _, l := range longs {
			if low == strings.ToLower(l) || strings.HasPrefix(org, l+" ") {
				return acr
			}
		}
	}
	if ws := strings.Fields(org); len(ws) == 2 && strings.EqualFold(ws[1], "party") {
		return ws[0]
	}
	return org
}

// initials returns the initial letters of the capitalised words of ws.
func initials(ws []token) string {
	var b strings.Builder
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.text)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// findOrgAliases collects, for every acronym in the text, the long names
// whose initials spell it (also without a leading word, "Popular Front
// Party" for "APFP") and the shorter acronyms that end it ("PFP").
func (a *analysis) findOrgAliases() {
	acrs := map[string]bool{}
	for _, t := range a.toks {
		if t.isAcronym() && utf8.RuneCountInString(t.text) <= 6 && !functionCaps[t.lower] {
			acrs[t.text] = true
		}
	}
	found := map[string]map[string]bool{}
	add := func(acr, long string) {
		if found[acr] == nil {
			found[acr] = map[string]bool{}
		}
		found[acr][long] = true
	}
	for i := 0; i < len(a.toks); i++ {
		if !a.nameWord(i) || a.toks[i].isAcronym() {
			continue
		}
		// extend over capitalised words and lower-case connectors
		var caps []token
		end := i
		for k := i; k < len(a.toks) && k < i+8; k++ {
			t := a.toks[k]
			if t.word && t.isCap() && !t.isAcronym() {
				caps = append(caps, t)
				end = k + 1
				ini := initials(caps)
				for acr := range acrs {
					if len(caps) < 2 {
						continue
					}
					if ini == acr || (len(ini) >= 3 && len(ini) == len(acr)-1 && strings.HasSuffix(acr, ini)) {
						add(acr, a.joinTokens(i, end))
					}
				}
				continue
			}
			if t.word && (t.lower == "of" || t.lower == "and" || t.lower == "for" || t.lower == "the" || t.lower == "in" || t.lower == "on") {
				continue
			}
			break
		}
	}
	for acr, long := range a.parenthesisedAcronyms() {
		add(acr, long)
	}
	for acr := range acrs {
		for other := range acrs {
			if other != acr && len(other) >= 3 && strings.HasSuffix(acr, other) {
				add(acr, other)
				for l := range found[other] {
					add(acr, l)
				}
			}
		}
	}
	a.orgAliases = map[string][]string{}
	for acr, set := range found {
		shorter := false
		for other, oset := range found {
			if other != acr && oset[acr] {
				shorter = true
			}
		}
		if shorter {
			continue
		}
		var ls []string
		for l := range set {
			ls = append(ls, l)
		}
		sort.Strings(ls)
		a.orgAliases[acr] = ls
	}
}

// parenthesisedAcronyms returns the acronyms the text defines in
// parentheses right after an organisation's name of two capitalised
// words or more, whatever their initials ("the ruling Green Order Party
// (YNP)", an acronym of the name in another language), with that name.
func (a *analysis) parenthesisedAcronyms() map[string]string {
	defs := map[string]string{}
	for i := 2; i+2 < len(a.toks); i++ {
		if a.toks[i].text != "(" || !a.toks[i+1].isAcronym() || a.toks[i+2].text != ")" || !a.nameWord(i-1) {
			continue
		}
		start, words := i, 0
		for k := i - 1; k >= 0 && k >= i-8; k-- {
			t := a.toks[k]
			if t.word && t.isCap() && !t.isAcronym() && !functionCaps[t.lower] {
				start, words = k, words+1
				continue
			}
			if t.word && (t.lower == "of" || t.lower == "and" || t.lower == "for") {
				continue
			}
			break
		}
		if long := a.joinTokens(start, i); words >= 2 && isOrgName(long) {
			defs[a.toks[i+1].text] = long // (not a person's party: "Cllr Ann Roe (FF)")
		}
	}
	return defs
}

// speakerList returns the distinct named speakers of qs with their
// descriptors and the other forms the document uses for them.
func (a *analysis) speakerList(qs []Quote) []Speaker {
	var out []Speaker
	idx := map[string]int{}
	for _, q := range qs {
		if q.Speaker == "" {
			continue
		}
		k, ok := idx[q.Speaker]
		if !ok {
			k = len(out)
			idx[q.Speaker] = k
			out = append(out, Speaker{Name: q.Speaker, IsOrg: q.SpeakerIsOrg})
		}
		if out[k].Role == "" {
			out[k].Role = q.Role
		}
		if out[k].Organisation == "" {
			out[k].Organisation = q.Organisation
		}
	}
	for k := range out {
		ws := strings.Fields(out[k].Name)
		if len(ws) > 1 && !isOrgName(out[k].Name) {
			last := ws[len(ws)-1]
			if strings.Contains(a.text, last) {
				out[k].Aliases = append(out[k].Aliases, last)
			}
		}
		for acr, longs := range a.orgAliases {
			for _, l := range longs {
				if l == out[k].Name {
					out[k].Aliases = append(out[k].Aliases, acr)
				}
			}
		}
	}
	return out
}

// connectorsEnd returns the index after the run of name particles that
// starts at token i ("van der"), not reaching max.
func (a *analysis) connectorsEnd(i, max int) int {
	for i < max && a.toks[i].word && nameConnectors[a.toks[i].lower] {
		i++
	}
	return i
}
