package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// statements runs attribution over the whole text and returns the quotes in
// document order.
func (a *analysis) statements(docDate string) []Quote {
	st := &state{consumed: make([]bool, len(a.quotes)), known: map[string]speakerRef{}, roleOf: map[string]speakerRef{}, subjSent: -1, stmtSent: -1}
	pull := a.pullQuotePara()
	var stmts []stmt
	for si, s := range a.sents {
		if a.stopped() {
			return nil
		}
		if s.para == pull || a.heading[s.para] && !a.headlineReport(s) && !a.opensCreditedQuote(s) {
			continue
		}
		if a.creditAfter(si) {
			continue // a caption above its picture's credit: "Mayor Ann Roe says … (Jo Park/Star News)"
		}
		stmts = append(stmts, a.sentenceStatements(si, st)...)
	}
	// (split before dedupe: a quotation over two paragraphs whose second
	// part another report holds keeps its first part)
	stmts = dedupe(a.splitAtParagraphs(stmts))
	// an embedded post holds the statements quoted in it: both stand, and
	// those end where the post's words end
	posts := a.embeddedPosts()
	for i := range stmts {
		for _, p := range posts {
			if stmts[i].start >= p.start && stmts[i].start < p.end && stmts[i].end > p.end {
				stmts[i].end = p.end
				if a.text[p.end-1] == '.' {
					stmts[i].end--
				}
			}
		}
	}
	stmts = append(stmts, posts...)
	// an interview's answer, or a paragraph credited to a person, holds
	// what it reports: only the outer statement
	for _, outer := range [][]stmt{a.interviewAnswers(), a.creditedParagraphs()} {
		stmts = slices.DeleteFunc(stmts, func(x stmt) bool {
			return slices.ContainsFunc(outer, func(y stmt) bool { return x.start < y.end && y.start < x.end })
		})
		stmts = append(stmts, outer...)
	}
	stmts = a.splitAtParagraphs(stmts)
	stmts = append(stmts, a.openingParagraphsOfQuotes(stmts)...)
	sort.SliceStable(stmts, func(i, j int) bool { return stmts[i].start < stmts[j].start })
	if pull >= 0 {
		stmts = append([]stmt{a.pullQuote(pull, stmts)}, stmts...)
	}
	return a.quotesOf(stmts, docDate)
}

// quotesOf returns the statements as quotes, in the order given, with
// their speakers' full names, topics and the dates they cover.
func (a *analysis) quotesOf(stmts []stmt, docDate string) []Quote {
	ref := parseDocDate(docDate)
	out := make([]Quote, 0, len(stmts))
	for _, x := range stmts {
		if a.stopped() {
			return nil
		}
		q := Quote{
			Start: x.start, End: x.end, Text: a.text[x.start:x.end], Kind: x.kind,
			Speaker: x.sp.name, Source: x.sp.source, Cue: x.cue, Organisation: x.sp.org,
			Role: x.sp.role, Date: docDate, Confidence: x.conf, PullQuote: x.pull,
		}
		if q.Speaker == "" && q.Organisation != "" && (pressOrgan(q.Source) || ownedRecord(q.Source)) {
			// "the ministry's press service said", "according to the
			// institute's latest survey": the organisation's own words
			q.Speaker, q.Source, q.Role, q.SpeakerIsOrg = a.orgAsWritten(q.Organisation, q.Source), "", "", true
		}
		if q.Speaker == "" && q.Source != "" && a.paraAt(x.start) == 0 {
			if name := a.headlineRoleHolder(q.Source); name != "" {
				// "…, harbour chief says" in a headline: the story
				// names her below ("harbour chief Ilse Varnum said")
				q.Speaker, q.Role = name, cmp.Or(q.Role, lastWord(q.Source))
				x.sp.person = true
			}
		}
		if q.Speaker != "" {
			q.Source = ""
			q.SpeakerIsOrg = !x.sp.person || a.describedAsOrg[q.Speaker]
			if x.sp.person && strings.Contains(q.Speaker, " ") {
				// whichever rule named the speaker, a shorter form of a
				// full name given earlier is that full name
				q.Speaker = a.fullerName(q.Speaker, x.start)
			}
		}
		if p := a.paraAt(x.start); p >= 0 {
			q.Topic = a.topicOf[p]
		}
		if x.pull {
			q.Topic = ""
			for _, y := range stmts {
				if y.pull || y.sp != x.sp || x.sp.empty() {
					continue
				}
				if p := a.paraAt(y.start); p >= 0 && a.containsRepeat(x, y) {
					q.Topic = a.topicOf[p]
				}
			}
		}
		q.Covers = findDates(q.Text, ref)
		out = append(out, q)
	}
	return out
}

// headlineRoleHolder returns the first person the document names with
// the role that ends source, the unnamed speaker of its headline
// ("harbour chief", "Health minister"), when one is: a headline names by
// role whom the story names in full.
func (a *analysis) headlineRoleHolder(source string) string {
	head := lastWord(source)
	if !roleWords[head] {
		return ""
	}
	descAt := a.paras[0].start
	if k := strings.Index(a.text[a.paras[0].start:a.paras[0].end], source); k >= 0 {
		descAt += k
	}
	first := ""
	for name := range a.describedRoleHolders(head, len(a.text), descAt) {
		first = name // (latest first: the last is the one named first)
	}
	return first
}

// orgAsWritten returns the name of organisation org, which canonOrg gave
// as the acronym the document establishes, in full when phrase gives it
// in full ("the press service of the Ministry of Internal Affairs
// (MIA)"): the name the sentence gives a speaker.
func (a *analysis) orgAsWritten(org, phrase string) string {
	for _, long := range a.orgAliases[org] {
		if strings.Contains(phrase, long) {
			return long
		}
	}
	return org
}

// pressOrgan reports whether an unnamed source is the organ through which
// an organisation speaks, "the ministry's press office", "the press
// service of the ministry", rather than a person (a spokesperson stays
// one).
func pressOrgan(source string) bool {
	words := strings.Fields(strings.ToLower(source))
	for i := 0; i+1 < len(words); i++ {
		if organQualifiers[words[i]] && organNouns[words[i+1]] && (i+2 == len(words) || words[i+2] == "of") {
			return true
		}
	}
	return false
}

// ownedRecord reports whether an unnamed source is a document or a count
// an owner named with a possessive made ("the Lintel Institute's latest
// survey", "the observatory's own count"): its owner speaks by it.
func ownedRecord(source string) bool {
	words := strings.Fields(strings.ToLower(source))
	if len(words) < 2 {
		return false
	}
	last := words[len(words)-1]
	owned := slices.ContainsFunc(words[:len(words)-1], func(w string) bool {
		return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
	})
	return owned && (documentNouns[last] || dataNouns[last] || estimateNouns[last])
}

// splitAtParagraphs makes a statement whose words run over several
// paragraphs (a quotation reopened at each new paragraph, as English
// typesetting does) one statement per paragraph, each with the same speaker
// and cue: a paragraph is the unit a reader cites and a fact-checker
// compares, and each piece is still the document's exact wording.
func (a *analysis) splitAtParagraphs(stmts []stmt) []stmt {
	out := stmts[:0:0]
	for _, x := range stmts {
		first, last := a.paraAt(x.start), a.paraAt(max(x.start, x.end-1))
		if first < 0 || last <= first {
			out = append(out, x)
			continue
		}
		for p := first; p <= last; p++ {
			y := x
			y.start, y.end = max(x.start, a.paras[p].start), min(x.end, a.paras[p].end)
			if a.wordsIn(y.start, y.end) > 0 {
				out = append(out, y)
			}
		}
	}
	return out
}

// openingParagraphsOfQuotes returns the paragraphs of a quotation over
// several paragraphs that come before the one its attribution is in, when
// nothing else holds them: "“We have been short-staffed since January.¶
// “Some nights …,” she said." — the quotation reopened at the second
// paragraph is one with the first, and the attribution is for both.
func (a *analysis) openingParagraphsOfQuotes(stmts []stmt) []stmt {
	var out []stmt
	for _, x := range stmts {
		px := a.paraAt(x.start)
		if x.kind != Direct || px <= 0 || a.paras[px].start != x.start {
			continue
		}
		for _, q := range a.quotesStarting(a.paras[0].start, x.start) {
			if q.depth != 0 || q.end <= x.start || a.paraAt(q.start) >= px {
				continue
			}
			for p := a.paraAt(q.start); p < px; p++ {
				part := stmt{start: max(q.start, a.paras[p].start), end: a.paras[p].end, kind: Direct, sp: x.sp, cue: x.cue, conf: x.conf}
				if !slices.ContainsFunc(stmts, func(y stmt) bool { return y.start < part.end && part.start < y.end }) {
					out = append(out, part)
				}
			}
		}
	}
	return out
}

// paraAt returns the index of the paragraph containing byte pos, or -1.
func (a *analysis) paraAt(pos int) int {
	i := sort.Search(len(a.paras), func(i int) bool { return a.paras[i].end > pos })
	if i < len(a.paras) && a.paras[i].start <= pos {
		return i
	}
	return -1
}

// sentenceStatements finds the statements of sentence si.
func (a *analysis) sentenceStatements(si int, st *state) []stmt {
	s := a.sents[si]
	var out []stmt
	emit := func(x stmt) {
		out = append(out, x)
		st.stmtSent = si
		if !x.sp.empty() {
			st.running, st.runningAt = x.sp, x.end
			if x.sp.name != "" && x.sp.role == "" && outletCues[strings.ToLower(x.cue)] && a.gender[x.sp.name] == genderUnknown {
				st.outlet, st.outletAt = x.sp, x.end
			}
			if x.sp.person && strings.Contains(x.sp.name, " ") {
				st.noteSalient(x.sp)
			} else if x.sp.name != "" {
				// an institution or outlet (a lone name is rarely a
				// person's whole name): what "the company" refers back to
				st.orgs = append(st.orgs, x.sp)
			}
		}
		for qi, q := range a.quotesStarting(x.start, x.end) {
			if q.start >= x.start && q.start < x.end {
				st.consumed[qi] = true
			}
		}
		if x.end > a.toks[s.last-1].end && x.end > st.blocked {
			st.blocked = x.end
		}
	}
	if a.toks[s.first].start >= st.blocked {
		if x, ok := a.possessiveColon(s, st); ok {
			emit(x)
			return out
		}
		if x, ok := a.nameColon(s, st); ok {
			emit(x)
			return out
		}
	}
	a.noteSentenceSubject(si, st)
	cues := a.findCues(s)
	cl := cueLoop{contentEnd: -1, clauseStart: s.first}
	if k := a.closingAttribution(s, cues); k >= 0 {
		// "Trump believes it would help, the person added.": the report
		// that closes the sentence is the outer one, the cues before it
		// are inside its content
		cl.contentEnd = k
	}
	for ci := range cues {
		a.cueStatements(s, cues, ci, &cl, st, emit)
	}
	a.uncuedQuotations(si, st, emit)
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// uncuedQuotations emits the quotations of sentence si that no cue of
// their own attributes: after a name and a colon, credited after them,
// given a speaker by the next sentence, or following on from the person
// who spoke last.
func (a *analysis) uncuedQuotations(si int, st *state, emit func(stmt)) {
	s := a.sents[si]
	for qi, q := range a.quotesStarting(a.toks[s.first].start, a.toks[s.last-1].end) {
		if q.depth != 0 || q.missingOpen || st.consumed[qi] || q.start < a.toks[s.first].start || q.start >= a.toks[s.last-1].end || q.start < st.blocked {
			continue
		}
		qt := a.tokenAt(q.start)
		if qt == s.first && a.emitGivenSpeaker(si, q, st, emit) {
			continue
		}
		switch {
		case qt > s.first && a.toks[qt-1].text == ":":
			sp := st.running
			if a.listedQuotation(qi) {
				// "Also on the list: “platform,” “ghosting” and “yeet.”":
				// words mentioned, not said by whoever spoke last
				sp = speakerRef{}
			}
			opener, _ := a.openingName(s.first, s)
			if opener == "" {
				opener = a.namedAfterDescription(s) // "The guild's chairman, Anders Kjeldsen, went further: “…”"
			}
			if n0, ok := a.nameEndingAt(qt-2, s.first); opener != "" && (!ok || n0 > s.first && a.objectBefore(n0)) {
				// "Talibli also criticized the CUR: “…”", "Ann Roe, in her
				// interview to Harbour Radio: “…”", "Dr. Ines Fairbairn
				// put it bluntly last week: “…”": the person the sentence
				// opens with, not an object or whoever spoke last
				sp = st.ref(opener, true)
			} else if ok {
				sp, _ = a.nameRef(n0, qt-1, s.first, st)
			}
			if !sp.empty() && !authorVoice[sp.source] {
				emit(stmt{start: q.start, end: q.end, kind: Direct, sp: sp, conf: 0.7})
			}
		case qt == s.first && (a.innerWords(q) >= 4 || a.quotedSentenceAfter(q, st)) && !st.running.empty() && !authorVoice[st.running.source] && !a.quotedHeadline(q):
			sp := st.running
			if si > 0 && st.subjSent == si-1 && st.stmtSent < si-1 && a.sents[si-1].para == s.para && st.lastSubj.name != "" {
				// "Roe did not need much persuading. “I am grateful …”":
				// the person the sentence before was about
				sp = st.lastSubj
			}
			if name := a.personNamedIn(q.end, a.toks[s.last-1].end); name != "" && name != sp.name {
				// "“The numbers don't lie” — the message from Rita Vos":
				// the person the sentence names, not the one before
				sp = st.ref(name, true)
			}
			emit(stmt{start: q.start, end: q.end, kind: Direct, sp: sp, conf: 0.6})
		}
	}
}

// objectBefore reports whether the name at token n0 is the object of a
// verb or a preposition: an article or a lower-case word before it.
func (a *analysis) objectBefore(n0 int) bool {
	p := a.toks[n0-1]
	return p.word && !p.isCap() && !a.titleDot(n0-1)
}

// listedQuotation reports whether quotation qi is coordinated with
// another, with nothing but commas, "and" or "or" between them: a list of
// words or titles the text mentions ("“platform,” “ghosting” and
// “yeet”"), not a sentence someone said.
func (a *analysis) listedQuotation(qi int) bool {
	q := a.quotes[qi]
	joined := func(gap string) bool {
		w := strings.Trim(gap, " ,")
		return len(gap) < 8 && (w == "" || w == "and" || w == "or")
	}
	// the quotations are in order of start: the neighbours at depth 0
	// are the nearest ones on either side that are not nested
	for k := qi + 1; k < len(a.quotes); k++ {
		if r := a.quotes[k]; r.depth == 0 && r.start >= q.end {
			if joined(a.text[q.end:r.start]) {
				return true
			}
			break
		}
	}
	for k := qi - 1; k >= 0; k-- {
		if r := a.quotes[k]; r.depth == 0 && r.end <= q.start {
			return joined(a.text[r.end:q.start])
		}
	}
	return false
}

// closingAttribution returns the comma before a short subject and its
// reporting verb that close sentence s ("…, the person added.", "…, she
// said Monday."), when another cue comes before it and the words before
// the comma hold no quotation; else -1.
func (a *analysis) closingAttribution(s sentence, cues []cueHit) int {
	if len(cues) < 2 {
		return -1
	}
	d := cues[len(cues)-1]
	if d.according || d.passive || d.putIt || !a.endsClause(d.last+1, s.last) && !a.placePhraseEnds(d.last+1, s.last) {
		return -1
	}
	b := a.adverbsBefore(d.at)
	if _, ok := subjectPronouns[a.toks[b].lower]; ok {
		if f := cues[0].at - 1; f < s.first || !isGroupNoun(a.toks[f].lower) {
			return -1 // "Mara Lind said A, she said": the same report, repeated
		}
		b-- // "Police believe A, she added": her report of what police believe
	} else if nb := a.nameWithApposition(b, s.first); nb >= 0 {
		b = nb // "…, Ann Roe, the party's chair, said Monday."
	} else if sb := a.shortSubjectBefore(d.at); sb >= 0 {
		b = sb
		if articles[a.toks[b].lower] && b-1 > s.first {
			b-- // "…, the BBC's Ann Roe reports"
		}
	} else {
		h := b
		for b > s.first && b > h-3 && a.toks[b].word && !a.toks[b].isCap() && !articles[a.toks[b].lower] {
			b--
		}
		if !articles[a.toks[b].lower] {
			return -1
		}
		b-- // "the person added"
	}
	if b <= s.first || a.toks[b].text != "," || cues[0].at >= b {
		return -1
	}
	if a.quotesWithin(s.first, b) {
		return -1
	}
	return b
}

// noteSentenceSubject records the person sentence si is about, whom a
// later "he" or "she" prefers: the name that opens it, or the person the
// author says they asked. (A caption, whose people are those in the
// picture, never comes here: statements passes over it.)
func (a *analysis) noteSentenceSubject(si int, st *state) {
	s := a.sents[si]
	if a.noteSubject(s, st) {
		st.subjSent = si
	} else if sp, ok := a.interviewee(s, st); ok {
		st.noteSalient(sp)
		st.subjSent = si
	}
}

// creditAfter reports whether the sentence after sentence si, in the
// same paragraph, is a picture credit: sentence si is a caption.
func (a *analysis) creditAfter(si int) bool {
	if si+1 >= len(a.sents) || a.sents[si+1].para != a.sents[si].para {
		return false
	}
	first := a.sents[si+1].first
	return a.creditEnd(first) > first
}

// headlineReport reports whether heading sentence s is a headline that
// reports ("Witness says water surged inland"): a subject, then a present
// reporting verb, then its content; not a link to another article.
func (a *analysis) headlineReport(s sentence) bool {
	if isTeaser(a.text[a.paras[s.para].start:a.paras[s.para].end]) {
		return false
	}
	for k := s.first + 1; k < s.last && k <= s.first+5; k++ {
		if w := a.toks[k].lower; w == "says" || w == "say" {
			return k+1 < s.last
		}
	}
	return a.headlineEndsWithAttribution(s)
}

// headlineEndsWithAttribution reports whether headline s closes with its
// attribution after a comma ("Elections efficiently run, but competition
// limited, international observers say"): a few words, then a reporting
// verb in the present.
func (a *analysis) headlineEndsWithAttribution(s sentence) bool {
	last := s.last - 1
	for last > s.first && !a.toks[last].word {
		last--
	}
	w := a.toks[last].lower
	if _, cue := cueVerbs[w]; !cue || w != "say" && !strings.HasSuffix(w, "s") {
		return false
	}
	for k := last - 1; k > s.first+2 && k >= last-6; k-- {
		if a.toks[k].text == "," {
			return true
		}
		if !a.toks[k].word {
			return false
		}
	}
	return false
}

// nameWithApposition returns the comma before a name and its apposition
// that end with the comma at token b ("…, Ann Roe, the party's chair,"),
// else -1.
func (a *analysis) nameWithApposition(b, first int) int {
	if b <= first || a.toks[b].text != "," {
		return -1
	}
	m := b - 1
	for m > first && m > b-12 && a.toks[m].text != "," {
		m--
	}
	if m <= first || a.toks[m].text != "," || m == b-1 {
		return -1
	}
	n0, ok := a.nameEndingAt(m-1, first)
	if !ok || n0 <= first || a.toks[n0-1].text != "," || m-n0 > 4 {
		return -1
	}
	return n0 - 1
}

// placePhraseEnds reports whether the words from token i to the end of
// the sentence at limit are a short phrase of place with no verb ("reports
// from the country's biggest town", "said in Brussels").
func (a *analysis) placePhraseEnds(i, limit int) bool {
	if i >= limit || limit-i > 9 {
		return false
	}
	last := limit - 1
	for last > i && !a.toks[last].word {
		last--
	}
	switch a.toks[i].lower {
	case "from":
	case "in", "at":
		if !a.toks[last].isCap() {
			return false // "believed in the paper": what, not where
		}
	default:
		return false
	}
	return !a.hasFiniteVerb(i, limit) && !a.quotesWithin(i, limit)
}

// contentBefore reports whether the content of cue c, framed by f, comes
// before its subject ("…, Ann Roe said."), and whether the cue reports
// nothing here ("…, he said about", a subordinate clause before it).
func (a *analysis) contentBefore(s sentence, c cueHit, f frame, clauseStart int) (backward, skip bool) {
	rest := f.after
	if a.asQuoteAt(rest, s.last) {
		return false, false // "something Ann Roe described as “the best part”": what follows
	}
	before := f.subjStart > clauseStart && (a.toks[f.subjStart-1].text == "," || a.isClosingMarkTok(f.subjStart-1) || a.toks[f.subjStart-1].text == "—")
	if f.inverted {
		before = f.subjStart > clauseStart
	}
	if before && rest < s.last && a.toks[rest].lower == "about" && !(rest+1 < s.last && a.quantityAt(rest+1, s.last)) {
		return false, true // (but "told about 300 supporters": some 300)
	}
	if before && c.class == cueThat && !c.passive && !a.isClosingMarkTok(f.subjStart-1) && !(f.subjStart >= 2 && a.isClosingMarkTok(f.subjStart-2)) && !a.parenthetical(f) && !(a.quotedAfterComma(rest, s.last) && a.interruptedNounPhrase(clauseStart, f.subjStart)) && !((f.sp.name != "" || articles[a.toks[f.subjStart].lower]) && a.endsClause(f.after, s.last)) {
		before = false
	}
	if before {
		switch {
		case rest >= s.last:
			backward = true
		case !a.toks[rest].word:
			// "In a statement, Ann Roe said, “…”": the quotation is the
			// content; but "The law, she stressed, “will not pass.”": it
			// goes on with the noun phrase it interrupts
			quotedContent := a.quotedAfterComma(rest, s.last) && !a.quotedBefore(f.subjStart) && !a.interruptedNounPhrase(clauseStart, f.subjStart)
			backward = a.toks[rest].text != ":" && !isQuoteMark(a.toks[rest].text) && !quotedContent
		case adverbialStarts[a.toks[rest].lower] && !a.hasThat(rest, s.last), a.endsClause(rest, s.last):
			backward = true // "…, a panel ruled Feb. 19, affirming …"
		case a.toks[rest].lower == "of" && a.quoteAfterAbout(rest, s.last) < 0:
			backward = true // "“…,” she recalled of that first day": what about
		case a.quotedBefore(f.subjStart) && s.last-rest <= 8 && !a.hasThat(rest, s.last) && !a.hasFiniteVerb(rest, s.last) && !a.quotesWithin(rest, s.last):
			backward = true // "“…,” Helen Marsh said for the company.": on whose behalf
		case isTell(a.toks[c.at].lower):
			// "“…,” Ann Roe told the council in a soft voice, …": after a
			// quotation the words after "told" are its addressee
			// (not after an opening adverbial: "Outside court, Ann Roe told
			// reporters she was satisfied")
			backward = !a.hasThat(rest, s.last) && (s.last-rest <= 8 || a.quotedBefore(f.subjStart)) && !a.openingAdverbial(clauseStart, f.subjStart-1)
		}
	}
	if backward && subordinators[a.toks[clauseStart].lower] && !a.mainClauseAfterSubordinate(clauseStart, f.subjStart-1) {
		return false, true // "When asked about the cost, Ann Roe said.": no words of hers
	}
	return backward, false
}

// questionAfterPhrase returns the question word after whom "ask" names
// ("asked Ivo Rask whether") or after a short prepositional phrase that
// follows it ("asked on the radio why the authority had never consulted
// them"), or rest; "when", "where" and
// "which" there may open a clause of time or place instead.
func (a *analysis) questionAfterPhrase(c cueHit, rest, next int) int {
	if strings.HasPrefix(a.toks[c.at].lower, "ask") && rest < next && a.toks[rest].word && !prepositions[a.toks[rest].lower] {
		// "asked Ivo Rask whether he would stay": whom, then the question
		if e, ok := a.addresseePhrase(rest, next); ok && e > rest && e < next && questionWords[a.toks[e].lower] && !clauseAdverbs[a.toks[e].lower] {
			return e
		}
	}
	if !strings.HasPrefix(a.toks[c.at].lower, "ask") || rest >= next || !prepositions[a.toks[rest].lower] || a.toks[rest].lower == "about" {
		return rest // ("asked about the plan": its topic)
	}
	for k := rest + 1; k < next && k <= rest+6; k++ {
		t := a.toks[k]
		if questionWords[t.lower] && !clauseAdverbs[t.lower] && k > rest+1 {
			return k
		}
		if !t.word || boundaryWords[t.lower] && !articles[t.lower] && !prepositions[t.lower] {
			return rest
		}
	}
	return rest
}

// participleOfNoun reports whether the cue c, an "-ed" form after a
// number, describes the noun after it, whose verb follows: "12 admitted
// patients were waiting".
func (a *analysis) participleOfNoun(s sentence, c cueHit, rest, next int) bool {
	if c.at <= s.first || !isNumber(a.toks[c.at-1]) || !isEdForm(a.toks[c.at]) || rest+1 >= next {
		return false
	}
	n := a.toks[rest]
	return n.word && !n.isCap() && !isPronounSubject(n.lower) && finiteAfterNoun[a.toks[rest+1].lower]
}

// demonstrativeThat reports whether "that" at token k is a pronoun, the
// thing said, and no conjunction: the sentence ends after it, or a comma
// and a word that goes on with the main clause ("said that, then looked
// away"), not a parenthetical ("said that, according to the data, …").
func (a *analysis) demonstrativeThat(k int) bool {
	if k+1 >= len(a.toks) || a.toks[k].lower != "that" {
		return false
	}
	switch n := a.toks[k+1].text; {
	case n == "." || n == "!" || n == "?":
		return true
	case n == "," && k+2 < len(a.toks):
		return thenWords[a.toks[k+2].lower]
	}
	return false
}

// asQuoteAt reports whether "as" and a quotation start at token k
// ("described as “the best part”"), the complement of a verb whose object
// came before it.
func (a *analysis) asQuoteAt(k, limit int) bool {
	return k+1 < limit && a.toks[k].lower == "as" && a.quoteStartingAt(a.toks[k+1].start) >= 0
}

// mainClauseAfterSubordinate reports whether tokens [i, j), which open
// with a subordinate clause, go on after its comma with a clause of their
// own: "If approved, construction would begin in 2021" (, Ann Roe said).
func (a *analysis) mainClauseAfterSubordinate(i, j int) bool {
	for k := i + 1; k < j-2; k++ {
		if a.toks[k].text == "," && !a.insideQuote(a.toks[k].start) {
			return a.hasFiniteVerb(k+1, j)
		}
	}
	return false
}

// forwardStart returns where the content of cue c starts when it follows
// the cue, from token rest; ok is false when what follows is no content
// ("writes about", "added a try", "wrote a poem").
func (a *analysis) forwardStart(s sentence, c cueHit, f frame, rest, next int) (int, bool) {
	if a.asQuoteAt(rest, next) {
		return rest + 1, true // "described as “the best part”": the quotation
	}
	if q := a.questionAfterPhrase(c, rest, next); q > rest {
		return q, true // "asked on the radio why …": the question
	}
	if a.participleOfNoun(s, c, rest, next) || a.demonstrativeThat(rest) || isParticiple(a.toks[c.at]) && a.participleOfManner(c, next) {
		// "12 admitted patients were waiting": the participle describes
		// the noun; "when his wife said that, then looked away": "that"
		// is what she said, no clause follows; "explaining it with …":
		// how, not what
		return 0, false
	}
	if k := a.adverbsBeforeQuote(rest, next); k > rest {
		rest = k // "wondered loudly, “Hey, …”"
	}
	if rest < next && a.toks[rest].lower == "of" && !strings.HasPrefix(a.toks[c.at].lower, "warn") {
		// "said of the arena, “…”": what the words are about, then the
		// words; without a quotation, "recalled of that first day" is
		// no report
		q := a.quoteAfterAbout(rest, next)
		if q < 0 {
			return 0, false
		}
		rest = q
	}
	if e, ok := a.adjunctEnd(rest, next); ok {
		rest = e // "noted for the judge that", "said by text message"
	}
	if rest >= s.last {
		return 0, false // nothing after the cue
	}
	if rest+1 < next && a.toks[rest].lower == "the" && a.toks[rest+1].lower == "same" && !a.hasFiniteVerb(rest, next) && !a.quotesWithin(rest, next) {
		return 0, false // "have been saying the same thing for years": what was said before, not a clause
	}
	if accusingVerbs[a.toks[c.at].lower] {
		if q := a.quotedCharge(rest, next); q >= 0 {
			return q, true // "accused colleagues of “…”"
		}
		return 0, false
	}
	start := rest
	if t := a.thatAt(rest, next); t >= 0 && (t == rest || objectVerb(a.toks[c.at].lower) && a.addressedThat(a.toks[c.at].lower, rest, t, next) || adverbialStarts[a.toks[rest].lower] || a.toks[rest].text == "," || a.timePhraseBetween(rest, t)) {
		start = t + 1
	} else if e, ok := a.addresseeEnd(rest, next); ok && objectVerb(a.toks[c.at].lower) {
		start = e // "told reporters the fees would rise"
	} else if c.class == cueThat && questioningVerbs[a.toks[c.at].lower] && rest < next && rest < s.last && questionWords[a.toks[rest].lower] && a.toks[rest].lower != "which" {
		start = rest // "wondered why the plant closed": a reported question
	} else if c.class == cueThat {
		if q := a.quoteStartingAt(a.toks[rest].start); q < 0 && !a.thatlessClause(rest, next) && !(thatlessCues[a.toks[c.at].lower] && a.subjectBeforeAuxiliary(rest, next)) && !(a.proposedAction(c.at, rest) && !a.inOpeningSubordinate(s, c)) {
			return 0, false
		}
	} else if a.objectNotContent(c, rest, next, s.last) {
		return 0, false
	}
	if strings.HasPrefix(a.toks[c.at].lower, "ask") && (!a.askedContent(start, next) || a.anonymityAsked(start, next)) {
		return 0, false // "I asked barber Ann Roe, who owns …": whom, not what; "asked not to be named"
	}
	if strings.HasPrefix(a.toks[c.at].lower, "call") && c.last == c.at && a.phoneCall(rest, next) {
		return 0, false // "called the agency's hotline": a telephone call
	}
	if c.class == cueObject && strings.HasPrefix(a.toks[c.at].lower, "call") && c.last == c.at && !a.callerSpeaks(f, rest, next) {
		return 0, false
	}
	return start, true
}

// objectNotContent reports whether what follows cue c (not of class
// cueThat) from token rest is a thing, not a clause: no content.
func (a *analysis) objectNotContent(c cueHit, rest, next, last int) bool {
	w := a.toks[c.at].lower
	switch {
	case rest < last && badAfterClauseCue[a.toks[rest].lower] && !(c.class == cueObject && a.toks[rest].lower == "to") && !(rest+1 < last && a.quantityAt(rest+1, last)) && !a.upToNumber(rest, last) && !a.noneClause(rest, next):
		return true
	case rest < last && strings.HasPrefix(w, "add") && (isNumber(a.toks[rest]) || countedObject[a.toks[rest].lower]) && !a.subjectBeforeAuxiliary(rest, next):
		return true // "added 1.5 per cent", "added a try", "added $3"
	case strings.HasPrefix(w, "add") && a.addedTo(rest, next):
		return true // "will add value to your life": a thing added to another
	case objectSenseCue(w) && !a.quotesWithin(rest, next) && !a.hasFiniteVerb(rest, next) && !a.judgedToBe(rest, next):
		return true // "claimed her third title", "added a second goal": a thing, not a clause
	case strings.HasPrefix(w, "advis"):
		// "advised the minister on trade": whom, not what (but "advised
		// residents to stay home")
		e := a.clauseEnd(rest, next)
		return !a.quotesWithin(rest, e) && !a.hasFiniteVerb(rest, e) && !a.infinitiveWithin(rest, e)
	case strings.HasPrefix(w, "argu") && rest+1 < next && determiners[a.toks[rest].lower] && arguedMatters[a.toks[rest+1].lower]:
		return true // "who argued the appeal for the province": a case put to a court
	case strings.HasPrefix(w, "wr") && (a.writtenWork(rest, next) || a.toks[rest].lower == "it" && !a.hasFiniteVerb(rest+1, next) && !a.quotesWithin(rest, next)):
		return true // "wrote a poem about the war", "will write it again next spring": a work, not its claims
	case isTell(w) && a.quoteStartingAt(a.toks[rest].start) < 0:
		return true // "it tells part of the story", "told Harbour TV about this": no clause
	case c.class == cueClause && rest+1 < last && prepositions[a.toks[rest].lower] && a.toks[rest].lower != "to" && !a.quantityAt(rest+1, last) && !a.hasFiniteVerb(rest, next) && !a.quotesWithin(rest, next):
		return true // "who testified in his own defense": where or how, and no clause (but "said about half of them rely on")
	}
	return false
}

// proposedAction reports whether a verb of proposing at token k takes the
// action it proposes as a gerund at token i ("proposed holding a
// referendum"): what should be done, as "calls for" reports it. (Its
// caller leaves out a proposal in an opening subordinate clause, "When
// the council proposed demolishing it, …": an event the sentence dates.)
func (a *analysis) proposedAction(k, i int) bool {
	t := a.toks[i]
	return proposalVerbs[a.toks[k].lower] && t.word && !t.isCap() && isParticiple(t) && !boundaryWords[t.lower] && !indefinitePronouns[t.lower]
}

// quotedChargeAt reports whether a verb of accusing at token k takes a
// quotation as the charge ("accused colleagues of “kicking the can down
// the road”"): what was said.
func (a *analysis) quotedChargeAt(k, limit int) bool {
	return accusingVerbs[a.toks[k].lower] && a.quotedCharge(k+1, limit) >= 0
}

// callerSpeaks reports whether the subject of frame f can report by
// "called it a victory": a named subject, a pronoun or a group of people
// ("Critics called the review a stalling tactic"), or a body or a role
// before a quoted name, which is someone's words ("The service called the
// strike “a political show”").
func (a *analysis) callerSpeaks(f frame, rest, next int) bool {
	head := strings.ToLower(lastWord(f.sp.source))
	return f.sp.name != "" || isPronounSubject(a.toks[f.subjStart].lower) || isGroupNoun(head) || (isRoleWord(head) || orgWords[head]) && a.hasQuoteIn(a.toks[rest].start, a.toks[next-1].end)
}

// quotedCharge returns the token of a quotation right after the "of" that
// follows an accused party of a few words from token i, or -1.
func (a *analysis) quotedCharge(i, limit int) int {
	for k := i; k+1 < limit && k < i+6; k++ {
		if a.toks[k].lower == "of" {
			q := k + 1
			if chargeVerbs[a.toks[q].lower] && q+1 < limit {
				q++ // "accused the mayor of being “out of touch”"
			}
			if a.quoteStartingAt(a.toks[q].start) >= 0 {
				return q
			}
			return -1
		}
		if !a.toks[k].word {
			return -1
		}
	}
	return -1
}

// phoneCall reports whether the object of "called" in tokens [i, j) is
// whom or what one telephones ("the agency's hotline", "police"): no
// quotation, no clause, and such a noun for its head.
func (a *analysis) phoneCall(i, j int) bool {
	e := i
	for e < j && a.toks[e].word {
		e++
	}
	return e > i && phoneNouns[a.toks[e-1].lower] && !a.quotesWithin(i, j) && !a.hasFiniteVerb(i, e)
}

// adverbsBeforeQuote returns the quotation's first token when adverbs in
// "-ly" and a comma or colon stand between token i and it ("loudly, “…”"),
// else i.
func (a *analysis) adverbsBeforeQuote(i, limit int) int {
	k := i
	for k < limit && a.toks[k].word && strings.HasSuffix(a.toks[k].lower, "ly") && !lyNouns[a.toks[k].lower] {
		k++
	}
	if k == i || k+1 >= limit || (a.toks[k].text != "," && a.toks[k].text != ":") || a.quoteStartingAt(a.toks[k+1].start) < 0 {
		return i
	}
	return k + 1
}

// hasFiniteVerb reports whether tokens [i, j) hold a word that marks a
// finite verb: an auxiliary, a modal or a copula, a negation, or a past
// form in "-ed" that no determiner opens.
func (a *analysis) hasFiniteVerb(i, j int) bool {
	for k := i; k < j; k++ {
		t := a.toks[k]
		if !t.word {
			continue
		}
		if finiteAfterNoun[t.lower] || copulas[t.lower] || t.lower == "not" || strings.HasSuffix(t.lower, "n't") || strings.HasSuffix(t.lower, "n’t") {
			return true
		}
		if finiteForm(t.lower) && k > i && !determiners[a.toks[k-1].lower] {
			return true // a past form, unless a determiner opens it ("the reported cases")
		}
	}
	return false
}

// quotesWithin reports whether a quotation opens among tokens [i, j).
func (a *analysis) quotesWithin(i, j int) bool {
	if i >= j {
		return false
	}
	for range a.quotesStarting(a.toks[i].start, a.toks[j-1].end) {
		return true
	}
	return false
}

// finiteForm reports whether w has the form of a finite verb: an
// auxiliary, a modal or a copula, or a past form in "-ed".
func finiteForm(w string) bool {
	return finiteAfterNoun[w] || copulas[w] || len(w) > 4 && strings.HasSuffix(w, "ed")
}

// objectSenseCue reports whether w is a form of a reporting verb that
// often takes a thing won, scored or taught as its object ("claimed the
// title", "added a goal", "explained the rules"). Verbs whose object is often what was reported ("are
// reporting brutal dispersal of the rally", "noted the importance of")
// are not among them.
func objectSenseCue(w string) bool {
	for _, p := range []string{"claim", "add", "explain", "conced", "declar"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// upToNumber reports whether "up to" and a number open the clause at
// token i ("said up to 60 millimetres of rain could fall"), not a
// particle of the verb.
func (a *analysis) upToNumber(i, limit int) bool {
	return i+2 < limit && a.toks[i].lower == "up" && a.toks[i+1].lower == "to" && isNumber(a.toks[i+2])
}

// judgedToBe reports whether "to be" follows the object in tokens [i,
// j): "declared the election to be void" judges it.
func (a *analysis) judgedToBe(i, j int) bool {
	for k := i; k+1 < j; k++ {
		if a.toks[k].lower == "to" && a.toks[k+1].lower == "be" {
			return true
		}
	}
	return false
}

// clauseEnd returns the first comma among tokens [i, j), or j.
func (a *analysis) clauseEnd(i, j int) int {
	for k := i; k < j; k++ {
		if a.toks[k].text == "," {
			return k
		}
	}
	return j
}

// infinitiveWithin reports whether "to" and a verb's bare form stand
// among tokens [i, j): a word in lower case after "to" that is no
// determiner ("to stay home", not "to the minister").
func (a *analysis) infinitiveWithin(i, j int) bool {
	for k := i; k+1 < j; k++ {
		if n := a.toks[k+1]; a.toks[k].lower == "to" && n.word && !n.isCap() && !determiners[n.lower] && !possessivePronouns[n.lower] && !isNumber(n) {
			return true
		}
	}
	return false
}

// noneClause reports whether "no" or "nothing" at token i opens a clause
// ("said no decision had been taken", "said nothing would change"), not
// an answer ("said no to the deal").
func (a *analysis) noneClause(i, limit int) bool {
	w := a.toks[i].lower
	if w != "no" && w != "nothing" || i+1 >= limit || !a.toks[i+1].word || a.toks[i+1].lower == "to" {
		return false
	}
	return a.hasFiniteVerb(i+1, limit)
}

// lastWord returns the last word of phrase, in lower case.
func lastWord(phrase string) string {
	phrase = strings.ToLower(strings.TrimSpace(phrase))
	return phrase[strings.LastIndex(phrase, " ")+1:]
}

// isTell reports whether w is a form of "tell".
func isTell(w string) bool { return tellForms[w] }

// addedTo reports whether the words after "add" at token i are a short
// object and "to" ("add value to", "added a layer to"): something put
// onto something else, not a report.
func (a *analysis) addedTo(i, limit int) bool {
	if i < limit && determiners[a.toks[i].lower] {
		i++
	}
	return i+1 < limit && a.toks[i].word && a.toks[i+1].lower == "to"
}

// mediumPhraseEnds reports whether the words from the preposition at
// token i to the end of the sentence at limit are a short phrase naming
// where something was said ("in a research note", "on its website").
func (a *analysis) mediumPhraseEnds(i, limit int) bool {
	last := limit - 1
	for last > i && !a.toks[last].word {
		last--
	}
	if last-i > 5 || last <= i {
		return false
	}
	for k := i + 1; k < last; k++ {
		if !a.toks[k].word || boundaryWords[a.toks[k].lower] {
			return false
		}
	}
	w := a.toks[last].lower
	return mediumWord(w)
}

// mediumWord reports whether w names where something was said or
// written: "statement", "email", "research note", "conference".
func mediumWord(w string) bool { return mediumNouns[w] || reportMedia[w] || mediumPlaces[w] }

// mediumPhraseBeforeClause returns the token after a short phrase naming
// where something was said ("in a statement", "on its website") that
// starts at token i, when a clause opens after it; else i.
func (a *analysis) mediumPhraseBeforeClause(i, limit int) int {
	for e := i + 1; e < limit && e <= i+4; e++ {
		t := a.toks[e]
		if !t.word {
			return i
		}
		if mediumWord(t.lower) && e+1 < limit && a.toks[e+1].word && a.clauseOpens(e+1) && a.hasFiniteVerb(e+1, limit) {
			return e + 1
		}
	}
	return i
}

// endsClause reports whether nothing but a time adverbial ("Monday", "on
// Tuesday", "last week") or an adverb of manner ("flatly") stands between token i and the end of the
// sentence at limit: "…, Ann Roe announced Monday." closes its report.
func (a *analysis) endsClause(i, limit int) bool {
	for k := i; k < limit; k++ {
		t := a.toks[k]
		if t.text == "," && k > i && k+1 < limit && (isParticiple(a.toks[k+1]) || a.sententialAppositive(k+1, limit)) {
			// "…, a panel ruled Feb. 19, affirming …": what it did next;
			// "…, Ann Roe said Tuesday, a move that angered parents": what
			// the writer makes of it
			return true
		}
		manner := len(t.lower) > 4 && strings.HasSuffix(t.lower, "ly") && !lyNouns[t.lower]                   // "said flatly"
		partOfDay := (t.lower == "late" || t.lower == "early") && k+1 < limit && timeNouns[a.toks[k+1].lower] // "late Wednesday"
		if t.word && !timeWord(t) && !manner && !partOfDay {
			return false
		}
		if !t.word && t.text != "." && t.text != "!" {
			return false
		}
	}
	return true
}

// timeWord reports whether token t can stand in an adverbial of time:
// "on", "in", a month, a number, a time noun or a relative time
// ("Monday", "last week", "on 23 October").
func timeWord(t token) bool {
	_, month := monthNums[t.lower]
	return timeNouns[t.lower] || relativeTimes[t.lower] || t.lower == "on" || t.lower == "in" || month || isNumber(t)
}

// timePhraseBetween reports whether tokens [i, j) are a phrase of time
// with an article ("the next day", "the following morning"): when it was
// said, before the "that" of what was.
func (a *analysis) timePhraseBetween(i, j int) bool {
	if j-i < 2 || j-i > 4 || a.toks[i].lower != "the" {
		return false
	}
	for k := i + 1; k < j; k++ {
		if w := a.toks[k].lower; !timeWord(a.toks[k]) && w != "following" && w != "same" && w != "previous" {
			return false
		}
	}
	return timeNouns[a.toks[j-1].lower]
}

// parenthetical reports whether the subject and cue of frame f stand
// between commas inside a clause that goes on after them ("Almost all
// revenues, they promise, will be returned"): an attribution set into the
// content, whatever the reporting verb.
func (a *analysis) parenthetical(f frame) bool {
	r := f.after
	return f.subjStart > 0 && a.toks[f.subjStart-1].text == "," && r+1 < len(a.toks) && a.toks[r].text == "," && a.clauseGoesOn(r+1)
}

// asClauseEnd returns the comma that closes a clause opening sentence s
// with "As" and holding cue c ("As Ann Roe told the paper, …"), before
// token limit: what follows the comma is what was said. It returns -1
// otherwise, and when the cue has a that-clause or a quotation of its own.
func (a *analysis) asClauseEnd(s sentence, c cueHit, limit int) int {
	if a.toks[s.first].lower != "as" || c.at <= s.first+1 || c.class != cueClause {
		return -1
	}
	for k := c.last + 1; k < limit && k <= c.last+6; k++ {
		t := a.toks[k]
		switch {
		case t.text == ",":
			return k
		case t.lower == "that" || !t.word:
			return -1
		}
	}
	return -1
}

// thatlessClause reports whether tokens from i open a clause without
// "that" which cannot be a noun phrase object: a nominative pronoun and a
// verb ("confirmed she will run") or "there" and a form of "be"
// ("confirmed there are no plans").
func (a *analysis) thatlessClause(i, j int) bool {
	if i+1 >= j || !a.toks[i].word || !a.toks[i+1].word {
		return false
	}
	w, v := a.toks[i].lower, a.toks[i+1].lower
	switch {
	case w == "there":
		return thereVerbs[v]
	case nominativePronouns[w]:
		return !prepositions[v] && (!boundaryWords[v] || finiteForm(v)) // "she will run", "they had lied"
	case w == "it":
		// "confirmed it had received the request", not "confirmed it on
		// Monday": "it" opens a clause only before a finite verb
		return finiteForm(v)
	}
	return false
}

// subjectBeforeAuxiliary reports whether tokens from i open a clause
// without "that" whose subject is a noun phrase: a few words, with no
// comma, verb or clause word among them, then an auxiliary or a modal
// ("confirmed defender Jo Hale had suffered an injury", "cautioned a
// single study could not settle it", "added an engineer's report would be
// published"). An object is followed by no auxiliary ("confirmed the
// booking on Monday", "added a second goal").
func (a *analysis) subjectBeforeAuxiliary(i, j int) bool {
	// maxSubjectWords bounds the subject: a longer run is more likely an
	// object with a clause of its own further on.
	const maxSubjectWords = 8
	if i >= j || prepositions[a.toks[i].lower] || timeWord(a.toks[i]) {
		return false // "The ceasefire announced on 10 October did not hold": a participle, then its time
	}
	for k := i; k < j && k <= i+maxSubjectWords; k++ {
		t := a.toks[k]
		switch {
		case auxiliaryVerbs[t.lower] && t.word:
			return k > i && !determiners[a.toks[k-1].lower]
		case !t.word || relativeWords[t.lower] || t.lower == "that" || t.lower == "to" || finiteForm(t.lower) && !t.isCap() || nominativePronouns[t.lower] && k > i:
			return false
		}
	}
	return false
}

// anonymityAsked reports whether tokens [i, j) after "ask" are a source's
// request to the reporter not to be named ("asked not to be named",
// "asked not to be identified"): how the report came, not something said.
func (a *analysis) anonymityAsked(i, j int) bool {
	return i+3 < j && a.toks[i].lower == "not" && a.toks[i+1].lower == "to" && a.toks[i+2].lower == "be" && anonymityParticiples[a.toks[i+3].lower]
}

// askedContent reports whether tokens [i, j) after "ask" hold what was
// asked: a question word, "whether" or "if", an infinitive ("asked the
// council to act") or a quotation.
func (a *analysis) askedContent(i, j int) bool {
	if i > 0 && a.toks[i-1].lower == "that" {
		return true // "asked that mourners bring bread": what was requested
	}
	for k := i; k < j && k < i+25; k++ {
		t := a.toks[k]
		if questionWords[t.lower] && a.toks[k-1].text != "," || t.lower == "to" || a.quoteStartingAt(t.start) >= 0 {
			return true
		}
	}
	return false
}

// cueLoop is what one cue's statements leave for the next cue of the same
// sentence: the last speaker, where forward content ended and where the
// next clause starts.
type cueLoop struct {
	prev        speakerRef
	contentEnd  int // token where the previous forward content ended
	clauseStart int
}

// cueStatements emits the statements of cue ci of sentence s.
func (a *analysis) cueStatements(s sentence, cues []cueHit, ci int, cl *cueLoop, st *state, emit func(stmt)) {
	c := cues[ci]
	if a.toks[c.at].start < st.blocked {
		return
	}
	if c.at < cl.contentEnd && !(c.at > 0 && isParticiple(a.toks[c.at]) && a.commaBefore(c.at)) {
		return // a report nested in another
	}
	next := a.nextReportStart(c, cues[ci+1:], s.last)
	if e := a.relativeClauseEnd(c, next); e > 0 {
		next = e // "Ann Roe, who said that she would go, announced …"
	}
	if c.according {
		xs := a.according(s, c, cl.clauseStart, st)
		for _, x := range xs {
			emit(x)
			cl.prev = x.sp
			cl.clauseStart = a.tokenAt(x.end)
		}
		return
	}
	f := a.cueFrame(s, c, st, cl.prev)
	if authorVoice[f.sp.source] {
		// the author's own "I think" or "“…,” I told him" outside
		// quotation marks: the document's voice, not a reported
		// statement; the quotations that follow are the author's too
		st.running, st.runningAt = f.sp, a.toks[c.last].end
		return
	}
	if f.sp.empty() && !f.hasSubj {
		return // no subject
	}
	if a.nobodysWords(c, f) {
		return
	}
	cueText := a.joinTokens(c.at, c.last+1)
	conf := 0.7
	if f.sp.name != "" {
		conf = 0.8
	}
	// colon: "X wrote: …", "X shared it with these words: …"
	if colon := a.colonAfter(f.after, s.last); colon >= 0 && !a.objectBeforeColon(c, f.after, colon) {
		if x, ok := a.cueColonStatement(s, f, colon, cueText, st); ok {
			x.conf = conf + 0.1
			emit(x)
			cl.prev = f.sp
			cl.contentEnd = s.last
		}
		return
	}
	backward, skip := a.contentBefore(s, c, f, cl.clauseStart)
	if skip {
		return
	}
	rest := f.after
	if backward {
		for _, x := range a.backwardStmts(cl.clauseStart, f.subjStart, rest, next) {
			if mannerVerbs[a.toks[c.at].lower] && a.quoteStartingAt(x.start) < 0 {
				continue // "Pressed by an analyst on what it meant, she laughed.": no words of hers
			}
			x.sp, x.cue = f.sp, cueText
			x.conf += conf
			emit(x)
			cl.prev = f.sp
		}
		cl.clauseStart = next
		return
	}
	x, end, ok := a.forwardContent(s, c, f, rest, next)
	if !ok || mannerVerbs[a.toks[c.at].lower] && x.kind != Direct {
		return // "Ben Ortiz smiled when …, then looked away": a face, not words
	}
	x.sp, x.cue, x.conf = f.sp, cueText, conf
	emit(x)
	cl.prev = f.sp
	cl.contentEnd = end
	cl.clauseStart = end
}

// nobodysWords reports whether cue c with the subject of frame f reports
// words that are no one's statement: evidence ("The data suggests …", "a
// private survey suggested") or a crowd's slogan ("The participants
// shouted “Gas for Gulbar!”").
func (a *analysis) nobodysWords(c cueHit, f frame) bool {
	if f.sp.name != "" {
		return false
	}
	w, head := a.toks[c.at].lower, strings.ToLower(lastWord(f.sp.source))
	return evidentialVerbs[w] && dataNouns[head] || chantVerbs[w] && (isGroupNoun(head) || crowdNouns[head])
}

// absoluteSubject returns the "with" that opens an absolute construction
// whose participle is the cue at token at ("with the judge saying"): a
// noun phrase of a few words between them, with no verb.
func (a *analysis) absoluteSubject(at, first int) (int, bool) {
	for w := at - 2; w >= first && w >= at-5; w-- {
		t := a.toks[w]
		if t.lower == "with" || t.lower == "and" && a.absoluteOpenedBefore(w, first) {
			// (a second subject of the same "with": "with farmers
			// warning that … and the company insisting …")
			h := a.toks[at-1] // someone who can speak: "the judge", "Ann Roe", "the ministry"
			speaker := isRoleWord(h.lower) || isGroupNoun(h.lower) || orgNouns[h.lower] || genericOrgNouns[h.lower] || a.nameWord(at-1)
			// (a bare noun may open the phrase: "with owner Rita Banes
			// saying", "with farmers warning that")
			return w, speaker && w+1 < at && !prepositions[a.toks[w+1].lower] && !a.hasFiniteVerb(w+1, at)
		}
		if !t.word || boundaryWords[t.lower] && !determiners[t.lower] {
			return 0, false
		}
	}
	return 0, false
}

// absoluteOpenedBefore reports whether an absolute construction opens
// with "with" before token and, in the same sentence.
func (a *analysis) absoluteOpenedBefore(and, first int) bool {
	for k := and - 1; k >= first; k-- {
		if a.toks[k].lower == "with" {
			return true
		}
	}
	return false
}

// cueColonStatement returns what the colon at token colon opens after
// the cue of frame f. After a clause of its own ("thinks the council is
// broken: the roads are bad") what follows explains it, to the
// sentence's end, not a text quoted whole.
func (a *analysis) cueColonStatement(s sentence, f frame, colon int, cueText string, st *state) (stmt, bool) {
	x, ok := a.colonStatement(colon, f.sp, cueText, st)
	if ok && a.hasFiniteVerb(f.after, colon) && x.kind == Direct && !a.quotesWithin(colon+1, s.last) {
		x.end, x.kind = min(x.end, a.toks[s.last-1].end), Indirect
	}
	return x, ok
}

// forwardContent returns the content that follows cue c, from token rest
// to at most token next, and the token where it ends.
func (a *analysis) forwardContent(s sentence, c cueHit, f frame, rest, next int) (stmt, int, bool) {
	start, ok := a.forwardStart(s, c, f, rest, next)
	if comma := a.asClauseEnd(s, c, next); comma > 0 {
		start, ok = comma+1, true // "As Ann Roe told the paper, the trial was postponed"
	}
	if !ok {
		return stmt{}, 0, false
	}
	if c.at == s.first || a.inOpeningSubordinate(s, c) {
		// "Although Ann Roe tweeted that there was no deal, the talks
		// went on": the report ends with the clause it stands in
		for k := start; k < next; k++ {
			if a.toks[k].text == "," && !a.insideQuote(a.toks[k].start) {
				next = k
				break
			}
		}
	}
	x, ok := a.contentStmt(start, next, true)
	if !ok || x.kind == Indirect && a.wordsIn(x.start, x.end) < 3 {
		return stmt{}, 0, false
	}
	return x, next, true
}

// quoteAfterAbout returns the token of the quotation that follows "of"
// and what the words are about at token i, after a comma or a colon, or
// -1: "said of the new arena, “…”".
func (a *analysis) quoteAfterAbout(i, limit int) int {
	for k := i + 1; k+1 < limit && k <= i+10; k++ {
		if t := a.toks[k].text; t == "," || t == ":" {
			if a.quoteStartingAt(a.toks[k+1].start) >= 0 {
				return k + 1
			}
			return -1
		}
	}
	return -1
}

// inOpeningSubordinate reports whether cue c stands in a subordinate
// clause that opens sentence s ("Although Ann Roe has tweeted that …,"):
// the sentence opens with a subordinator and no comma comes before the
// cue.
func (a *analysis) inOpeningSubordinate(s sentence, c cueHit) bool {
	asked := strings.HasPrefix(a.toks[s.first].lower, "ask") && s.first+1 < c.at && questionWords[a.toks[s.first+1].lower]
	if !openingSubordinators[a.toks[s.first].lower] && !asked {
		// ("Asked whether Hall would testify, Fern said": the question put
		// to her, not a report)
		return false
	}
	for k := s.first + 1; k < c.at; k++ {
		if a.toks[k].text == "," {
			return false
		}
	}
	return true
}

// adverbsBefore returns the token before the adverbs and auxiliaries
// that precede the cue at token k ("and later added": the "and").
func (a *analysis) adverbsBefore(k int) int {
	b := k - 1
	for b > 0 && a.toks[b].word && a.skippableAt(b) {
		b--
	}
	return b
}

// relativeClauseEnd returns the comma that closes the relative clause
// ", who said …," in which cue c stands, when the sentence's own verb
// follows it; else 0.
func (a *analysis) relativeClauseEnd(c cueHit, limit int) int {
	b := a.adverbsBefore(c.at)
	if b < 1 || a.toks[b].lower != "who" || a.toks[b-1].text != "," {
		return 0
	}
	for k := c.last + 1; k+1 < limit; k++ {
		if a.insideQuote(a.toks[k].start) || a.toks[k].text != "," {
			continue
		}
		if n := a.toks[k+1]; n.word && !n.isCap() && !boundaryWords[n.lower] && !determiners[n.lower] && !isPronounSubject(n.lower) {
			return k
		}
	}
	return 0
}

// joinedSubjectStart returns where a clause of its own starts before the
// cue at token at, after token from: a comma and "and" or "but", or
// "while" or "whereas", then a subject of a few words with no verb, and
// an adverbial of sequence ("in turn", "for its part"); else 0.
func (a *analysis) joinedSubjectStart(from, at int) int {
	e := a.sequenceAdverbialStart(at)
	k := e - 1
	for k > from && e-k <= 20 && a.subjectToken(k) {
		k--
	}
	if k <= from || k == e-1 || a.hasFiniteVerb(k+1, e) {
		return 0
	}
	switch w := a.toks[k].lower; {
	case (w == "and" || w == "but") && a.toks[k-1].text == ",":
		return k - 1
	case w == "while" || w == "whereas":
		if a.toks[k-1].text == "," {
			return k - 1
		}
		return k
	}
	return 0
}

// subjectToken reports whether token k can stand in a subject of a few
// words after a joiner: a word that ends no noun phrase, a preposition
// inside one ("ecologists from the Green Valley group"), a pronoun, or an
// acronym in parentheses ("the Movement for Change (MfC)").
func (a *analysis) subjectToken(k int) bool {
	t := a.toks[k]
	switch {
	case t.text == "(" || t.text == ")" || t.text == ",":
		return true // (an apposition: "a local teacher, Rahilə Novruzova,")
	case !t.word:
		return false
	case t.lower == "of" || t.lower == "from" || t.lower == "for" || t.lower == "in" || determiners[t.lower]:
		return true
	}
	return !boundaryWords[t.lower]
}

// thatFollows reports whether "that" follows cue d within a few words
// ("and announced that", "and wrote on Facegram that"), before token
// limit.
func (a *analysis) thatFollows(d cueHit, limit int) bool {
	for k := d.last + 1; k < limit && k <= d.last+5 && a.toks[k].word; k++ {
		if a.toks[k].lower == "that" {
			return true
		}
	}
	return false
}

// skippableAt reports whether token k, before a cue, may be skipped on
// the way to its subject: an adverb ("also", "later"), but not a
// periodical a determiner opens ("The daily said").
func (a *analysis) skippableAt(k int) bool {
	w := a.toks[k].lower
	return skippableBeforeCue(w) && !(periodicalNouns[w] && k > 0 && determiners[a.toks[k-1].lower])
}

// auxiliaryBetween reports whether an auxiliary or a modal stands
// between tokens b and k: "… was relieved and would continue his
// studies" goes on with the reported clause's own subject, not a report.
func (a *analysis) auxiliaryBetween(b, k int) bool {
	for i := b + 1; i < k; i++ {
		if auxiliaryVerbs[a.toks[i].lower] {
			return true
		}
	}
	return false
}

// nameSetOffBefore reports whether a name set off by commas ends right
// before the cue at token at, after token from: ", and its chairman,
// Gustavo Alba, called on …" has a subject of its own, whatever follows.
func (a *analysis) nameSetOffBefore(from, at int) bool {
	k := a.adverbsBefore(at)
	if k <= from || a.toks[k].text != "," {
		return false
	}
	n := 0
	for k--; k > from && a.nameWord(k); k-- {
		n++
	}
	return n > 0 && a.toks[k].text == ","
}

// namedAfterJoiner reports whether a person's name and a comma follow
// the joiner after the comma at token b, before token at: "…, and Hanna
// Kolvig, a deputy of the PNS, called …".
func (a *analysis) namedAfterJoiner(b, at int) bool {
	n0 := b + 2
	if a.toks[b].text != "," || n0 >= at || !a.nameWord(n0) {
		return false
	}
	e, _ := a.nameStartingAt(n0, at)
	return e < at && a.toks[e].text == "," && a.isPersonName(n0, e)
}

// clauseFollows reports whether a that-clause or a quotation follows cue
// d within a few words ("wrote on Facegram that"), before token limit.
func (a *analysis) clauseFollows(d cueHit, limit int) bool {
	for k := d.last + 1; k < limit && k <= d.last+5; k++ {
		if a.toks[k].lower == "that" || a.quoteStartingAt(a.toks[k].start) >= 0 {
			return true
		}
		if a.toks[k].text == ":" && k+1 < limit && a.quoteStartingAt(a.toks[k+1].start) >= 0 {
			return true // "said: “…”"
		}
		if !a.toks[k].word {
			return false
		}
	}
	return false
}

// sequenceAdverbialStart returns where an adverbial that places a report
// after another ("in turn", "for its part", "on the contrary", "in
// response") ends the words before the cue at token at, or at.
func (a *analysis) sequenceAdverbialStart(at int) int {
	k := a.adverbsBefore(at) + 1
	set := k > 0 && a.toks[k-1].text == "," // ", for its part,"
	if set {
		k--
	}
	w := func(i int) string {
		if i < 0 {
			return ""
		}
		return a.toks[i].lower
	}
	n := 0
	switch {
	case w(k-1) == "turn" && w(k-2) == "in", w(k-1) == "response" && w(k-2) == "in", w(k-1) == "return" && w(k-2) == "in":
		n = 2
	case w(k-1) == "contrary" && w(k-2) == "the" && w(k-3) == "on":
		n = 3
	case w(k-1) == "part" && possessivePronouns[w(k-2)] && w(k-3) == "for", w(k-1) == "turn" && possessivePronouns[w(k-2)] && w(k-3) == "in":
		n = 3
	}
	switch {
	case n == 0:
		return at
	case set && w(k-n-1) == ",":
		return k - n - 1
	case set:
		return at
	}
	return k - n
}

// commaBefore reports whether a comma stands right before token k, or a
// closing quotation mark that one ends ("“responsible, not painful,”
// arguing that").
func (a *analysis) commaBefore(k int) bool {
	return k > 0 && a.toks[k-1].text == "," || k > 1 && a.isClosingMarkTok(k-1) && a.toks[k-2].text == ","
}

// contrastJoinerAt reports whether token b, with the comma before it,
// is "while" or "whereas", which set one report against another
// ("Organisers said 5,000 came, while police said 2,000 attended").
func (a *analysis) contrastJoinerAt(b int) bool {
	if a.toks[b].text == "," && b+1 < len(a.toks) {
		b++
	}
	return a.toks[b].lower == "while" || a.toks[b].lower == "whereas"
}

// reportsOnItsOwn reports whether cue d can carry a report of its own
// from where it stands: a cue that needs "that" has one after it. "said
// it welcomed the plan but doubted the money would come" is one report,
// "doubted" a verb inside it.
func (a *analysis) reportsOnItsOwn(d cueHit, limit int) bool {
	return d.class != cueThat || thatlessCues[a.toks[d.at].lower] || a.thatFollows(d, limit)
}

// nextReportStart returns the token where the content of cue c must end
// because a later cue starts a report of its own there, or limit.
func (a *analysis) nextReportStart(c cueHit, later []cueHit, limit int) int {
	for _, d := range later {
		if sc := a.semicolonBetween(c.last+1, d.at); sc > 0 {
			return sc // "said A; Ivo Rask, however, said B": a clause of its own
		}
		if a.commaBefore(d.at) && (d.according || isParticiple(a.toks[d.at]) && !a.participleOfManner(d, limit)) {
			return d.at
		}
		if p := a.toks[d.at-1].lower; (p == "and" || p == "but") && d.at-2 > c.last && a.toks[d.at-2].text == "," && !d.according {
			return d.at - 2 // "says …, and adds that …": a report of its own
		}
		if b := a.adverbsBefore(d.at); a.toks[b].lower == "and" && b-1 > c.last+1 && !d.according && !nounableCues[a.toks[d.at].lower] && (d.class != cueThat || b < d.at-1 && !a.auxiliaryBetween(b, d.at) || thatlessCues[a.toks[d.at].lower] && a.clauseFollows(d, limit) || (d.last > d.at || a.thatFollows(d, limit) && c.class == cueObject) && a.clauseFollows(d, limit) || a.quotedChargeAt(d.at, limit)) {
			return b // "called the sentence shocking and urged …", "… and later added that …", "… and expressed her opinion that …", "… and accused the embassy of “meddling”": two reports
		}
		if b := a.adverbsBefore(d.at); a.toks[b].lower == "but" && b-1 > c.last+1 && !d.according && d.last+1 < limit && a.reportsOnItsOwn(d, limit) {
			// "noted that A but added that B", "said A but urged B to",
			// "acknowledged A was “…” but said B": two reports
			return b
		}
		if b := a.adverbsBefore(d.at); (a.toks[b].lower == "and" || a.toks[b].lower == "but") && !d.according && objectCues[a.toks[c.last].lower] && a.objectPhrase(c.last+1, b) {
			// "acknowledged the concerns but said …": the object of the
			// first verb is no clause whose subject could be the second's
			return b
		}
		if b := a.joinedSubjectStart(c.last+1, d.at); b > 0 && !d.according && (a.clauseFollows(d, limit) || a.nameSetOffBefore(b, d.at) || a.namedAfterJoiner(b, d.at) || a.contrastJoinerAt(b) && a.reportsOnItsOwn(d, limit)) {
			// "said A, and the Interior Ministry spokesman Ehtiram
			// Mansurov in turn stated B", "said A, while the ministry
			// denied it": a subject of its own after a joiner
			return b
		}
		if b := a.andBeforePhrase(d.at, c.last+1); b > 0 && !d.according && isParticiple(a.toks[c.at]) && isParticiple(a.toks[d.at]) {
			// "with farmers warning that A and the company insisting B":
			// two absolutes, each with its subject and participle, which
			// a clause that A opens could not hold
			return b
		}
		if b := a.shortSubjectBefore(d.at); b > c.last+1 && !d.according && (a.toks[b].text == "," || reportJoiners[a.toks[b].lower]) && (a.toks[b].lower != "and" || a.hasFiniteVerb(c.last+1, b) || isPronounSubject(a.toks[b+1].lower)) {
			// (not "that the experts of Tarvia and Veranor agreed on …":
			// with no verb before it, "and" joins two nouns of one subject;
			// a pronoun after it starts a clause: "called A “B” and he said")
			// "said A and he said B", "said A, while Unite called B", "said
			// A, she said": a subject of its own starts a report of its
			// own, or repeats the attribution
			return b
		}
	}
	return limit
}

// objectPhrase reports whether tokens [i, j) are a short noun phrase that
// a determiner opens, with no verb, clause or quotation in it: "the
// concerns", "his error".
func (a *analysis) objectPhrase(i, j int) bool {
	if j-i < 2 || j-i > 5 || !(articles[a.toks[i].lower] || possessivePronouns[a.toks[i].lower]) {
		return false
	}
	for k := i; k < j; k++ {
		if t := a.toks[k]; !t.word || t.lower == "that" || prepositions[t.lower] {
			return false
		}
	}
	return !a.hasFiniteVerb(i, j)
}

// andBeforePhrase returns the "and" before a noun phrase of up to four
// words that ends before token k, after token min ("and the company
// insisting"), else -1.
func (a *analysis) andBeforePhrase(k, min int) int {
	for b := k - 1; b > min && b >= k-5; b-- {
		t := a.toks[b]
		if t.lower == "and" {
			return b
		}
		if !t.word || boundaryWords[t.lower] && !determiners[t.lower] {
			return -1
		}
	}
	return -1
}

// shortSubjectBefore returns the token before the subject of the cue at
// token k when that subject is a pronoun or a name of up to three words
// ("and he said", ", Ann Roe says"), else -1.
func (a *analysis) shortSubjectBefore(k int) int {
	if k >= 4 && a.toks[k-1].text == "," && a.toks[k-3].text == "," && sentenceAdverbs[a.toks[k-2].lower] {
		k -= 3 // "Ivo Rask, however, said"
	}
	if k < 2 {
		return -1
	}
	if _, ok := subjectPronouns[a.toks[k-1].lower]; ok {
		return k - 2
	}
	b := k - 1
	for b >= 0 && b >= k-3 && a.nameWord(b) {
		b--
	}
	if b == k-1 || b < 0 {
		return -1
	}
	if b > 0 && a.toks[b].word && roleWords[a.toks[b].lower] && !a.toks[b].isCap() {
		// "while her deputy Ivo Rask argued": the name's role, and whose
		// (or what kind: "the independent deputy Oskar Brenn")
		b--
		if p := a.toks[b]; b > 1 && p.word && !p.isCap() && !boundaryWords[p.lower] && !determiners[p.lower] && articles[a.toks[b-1].lower] {
			b--
		}
		if p := a.toks[b].lower; b > 0 && (possessivePronouns[p] || articles[p]) {
			b--
		}
	}
	return b
}

// howSaid returns the speaker of quotation q when the words after it in
// sentence s are "is how" or "was how" and a subject with a reporting
// verb: "“Dead on arrival” is how Ann Roe described the plan."; else an
// empty ref.
func (a *analysis) howSaid(s sentence, q qspan, st *state) speakerRef {
	i := a.tokenAt(q.end)
	if i+2 >= s.last || (a.toks[i].lower != "is" && a.toks[i].lower != "was") || a.toks[i+1].lower != "how" {
		return speakerRef{}
	}
	return a.subjectOfCueAfter(s, i+2, st)
}

// emitGivenSpeaker emits quotation q, which opens sentence si, when the
// words around it give its speaker without a cue of its own: "is how X
// described it" after it, a credit after it in its paragraph, or a next
// sentence "That's what X said"; it reports whether it did.
func (a *analysis) emitGivenSpeaker(si int, q qspan, st *state, emit func(stmt)) bool {
	s := a.sents[si]
	sp := a.howSaid(s, q, st) // "“Dead on arrival” is how Ann Roe described the plan."
	if sp.empty() {
		sp, _ = a.quoteCredit(q) // "“We will not be silenced.” — Ann Roe"
	}
	if sp.empty() && q.end >= a.toks[s.last-1].end {
		sp = a.whatSaidNext(si, st) // "“We will appeal.” That's what Ann Roe told reporters."
	}
	if sp.empty() {
		return false
	}
	emit(stmt{start: q.start, end: q.end, kind: Direct, sp: sp, conf: 0.7})
	return true
}

// subjectOfCueAfter returns the subject, from token from on, of the first
// reporting cue of sentence s after token from; else an empty ref.
func (a *analysis) subjectOfCueAfter(s sentence, from int, st *state) speakerRef {
	for _, c := range a.findCues(s) {
		if c.at > from {
			if sp, _, ok := a.subjectBefore(sentence{first: from, last: s.last, para: s.para}, c, st); ok {
				return sp
			}
			break
		}
	}
	return speakerRef{}
}

// whatSaidNext returns the speaker the sentence after sentence si, in
// its paragraph, gives to what came before it: "That's what Ann Roe told
// reporters.", "This is what the minister said.", "So said Ann Roe.";
// else an empty ref.
func (a *analysis) whatSaidNext(si int, st *state) speakerRef {
	if si+1 >= len(a.sents) || a.sents[si+1].para != a.sents[si].para {
		return speakerRef{}
	}
	s := a.sents[si+1]
	i := s.first
	if i+2 >= s.last {
		return speakerRef{}
	}
	if _, cue := cueVerbs[a.toks[i+1].lower]; a.toks[i].lower == "so" && cue && a.nameWord(i+2) {
		// "“…” So said Ann Roe, the organiser."
		e, _ := a.nameStartingAt(i+2, s.last)
		sp, _ := a.nameRef(i+2, e, i+2, st)
		return sp
	}
	switch w := a.toks[i].lower; {
	case w == "that's" || w == "that’s":
		i++
	case (w == "that" || w == "this") && (a.toks[i+1].lower == "is" || a.toks[i+1].lower == "was"):
		i += 2
	default:
		return speakerRef{}
	}
	if i >= s.last || a.toks[i].lower != "what" {
		return speakerRef{}
	}
	return a.subjectOfCueAfter(s, i+1, st)
}

// repeatedAttribution returns the comma before a pronoun and a reporting
// verb that close the sentence ending at token limit ("According to Ann
// Roe, the plan failed, she added."), which repeat the attribution and
// are no part of the content; else limit.
func (a *analysis) repeatedAttribution(from, limit int) int {
	e := limit
	if e-1 > from && a.toks[e-1].text == "." {
		e--
	}
	if e-3 < from || a.toks[e-3].text != "," {
		return limit
	}
	if _, ok := subjectPronouns[a.toks[e-2].lower]; !ok {
		return limit
	}
	if _, ok := cueVerbs[a.toks[e-1].lower]; !ok {
		return limit
	}
	return e - 3
}

// semicolonBetween returns the token of a semicolon among tokens [i, j)
// outside quotation marks, else 0.
func (a *analysis) semicolonBetween(i, j int) int {
	for k := i; k < j; k++ {
		if a.toks[k].text == ";" && !a.insideQuote(a.toks[k].start) {
			return k
		}
	}
	return 0
}

// backwardStmts returns the content of a cue whose subject, starting at
// token subj, follows its content (tokens [start, subj)); rest is the token
// after the cue and next where the next cue's content may start. The
// confidence of each is relative to the cue's. After "A, he said," the rest
// of the sentence is more of the content: a clause of its own after a
// conjunction ("A, he said, but B"), a quotation of its own ("“A,” he said,
// “B.”"), or, when it goes on with no adverbial or participle, the same
// clause around the attribution ("The fees, Ann Roe says, will rise"),
// kept whole with the attribution inside, verbatim.
func (a *analysis) backwardStmts(start, subj, rest, next int) []stmt {
	head, ok := a.contentStmt(start, subj, false)
	if !ok {
		return nil
	}
	c := a.attributionTailComma(rest, next)
	if head.kind == Direct && c > rest {
		// "“A,” Ann Roe said at the press conference, “B.”": where and
		// to whom she said it, then more of the quotation
		if q := a.quoteStartingAt(a.toks[c+1].start); q >= 0 {
			return []stmt{head, {start: a.quotes[q].start, end: a.quotes[q].end, kind: Direct, conf: -0.1}}
		}
	}
	if head.kind == Indirect && c > rest && c+1 < next && (finiteForm(a.toks[c+1].lower) || auxiliaryVerbs[a.toks[c+1].lower]) {
		// "The real figure, Dario Penkov told reporters, is closer":
		// whom he told, then the clause goes on with its verb (not "…,
		// the agency said last week, the lowest rate …": a noun phrase)
		rest = c
	}
	if rest >= next || a.toks[rest].text != "," || rest+1 >= next {
		return []stmt{head}
	}
	t := a.toks[rest+1]
	switch {
	case continuers[t.lower] && !a.speakerGoesOn(head, rest+2, next):
		if x, ok := a.contentStmt(rest+1, next, false); ok && a.wordsIn(x.start, x.end) >= 4 {
			x.conf = -0.1
			return []stmt{head, x}
		}
	case a.quoteStartingAt(t.start) >= 0 && (head.kind == Direct || a.interruptedNounPhrase(start, subj)):
		q := a.quotes[a.quoteStartingAt(t.start)]
		return []stmt{head, {start: q.start, end: q.end, kind: Direct, conf: -0.1}}
	case head.kind == Indirect && (a.clauseGoesOn(rest+1) || a.extraposedSubject(head, rest+1)) && !a.sourceDescribed(rest, next) && !a.sententialAppositive(rest+1, next):
		// (not ", said Ann Roe, a spokesperson for the agency": who she is)
		// "The fees, Ann Roe says, will rise": both parts are her words,
		// each verbatim; the attribution between them is not
		// (its words may quote some: "The plan, Ann Roe said, was “dead on arrival.”")
		if x, ok := a.contentStmt(rest+1, next, false); ok && (x.kind == Indirect || a.toks[rest+1].word) {
			if h := a.toks[a.tokenAt(head.start)].lower; prepositions[h] || adverbialStarts[h] {
				return []stmt{x} // "In May, Ann Roe said, the fees will rise": when, not what
			}
			x.conf = -0.1
			return []stmt{head, x}
		}
	}
	return []stmt{head}
}

// attributionTailComma returns the comma that ends a short adverbial or
// object after a cue, starting at token rest ("on Monday,", "at the joint
// press conference,", "reporters,"): words only, no clause boundary but a
// preposition; else rest.
func (a *analysis) attributionTailComma(rest, next int) int {
	for k := rest; k+1 < next && k < rest+8; k++ {
		t := a.toks[k]
		if t.text == "," {
			return k
		}
		if !t.word || boundaryWords[t.lower] && !prepositions[t.lower] {
			return rest
		}
	}
	return rest
}

// interruptedNounPhrase reports whether tokens i to j, before the comma
// of a parenthetical attribution, are a noun phrase whose verb comes after
// it: an article or a possessive, then words with no comma and no finite
// verb ("The law, she stressed, …", "Her plan, he said, …").
func (a *analysis) interruptedNounPhrase(i, j int) bool {
	if j-i < 3 || j-i > 8 || !(articles[a.toks[i].lower] || possessivePronouns[a.toks[i].lower]) || a.toks[j-1].text != "," {
		return false
	}
	for k := i + 1; k < j-1; k++ {
		if !a.toks[k].word {
			return false
		}
	}
	return !a.hasFiniteVerb(i+1, j-1)
}

// speakerGoesOn reports whether, after "“…,” Ann Roe said, and", token i
// goes on with what the speaker did rather than with what was said:
// words without quotation marks after a quotation ("and went to find a
// screwdriver").
func (a *analysis) speakerGoesOn(head stmt, i, limit int) bool {
	return i < limit && head.kind == Direct && a.quoteStartingAt(a.toks[i].start) < 0
}

// extraposedSubject reports whether token i, after "A, he said,", is the
// "for" of an extraposed subject that content A, opening with "it" and a
// verb, leads to: "It is common, she explains, for patients to arrive
// late" (the infinitive is what is common), not a circumstance.
func (a *analysis) extraposedSubject(head stmt, i int) bool {
	h := a.tokenAt(head.start)
	switch w := a.toks[h].lower; {
	case a.toks[i].lower != "for":
		return false
	case w == "it's" || w == "it’s":
		return true
	}
	return a.toks[h].lower == "it" && h+1 < i && finiteForm(a.toks[h+1].lower)
}

// sententialAppositive reports whether tokens from i to limit are a noun
// phrase with "a" or "an" that sums up the clause before it, and what is
// said of that ("a move that angered parents", "a decision critics say
// will hurt students"): the writer's words, not the clause going on.
func (a *analysis) sententialAppositive(i, limit int) bool {
	if i+1 >= limit || !articles[a.toks[i].lower] || a.toks[i].lower == "the" || !a.toks[i+1].word || a.toks[i+1].isCap() {
		return false
	}
	for k := i + 2; k < limit && k <= i+4; k++ {
		if w := a.toks[k].lower; w == "that" || w == "which" || a.reducedRelativeSubject(i, k+1) {
			return true
		}
	}
	return false
}

// reducedRelativeSubject reports whether tokens [i, j) are "a" or "an", a
// singular noun and a plural one, before a verb: "a move critics say",
// where no noun phrase can hold both (an article with a plural head), so
// the plural noun is the subject of a relative clause without "that".
func (a *analysis) reducedRelativeSubject(i, j int) bool {
	if j-i != 3 || a.toks[i].lower != "a" && a.toks[i].lower != "an" {
		return false
	}
	n, m := a.toks[i+1], a.toks[i+2]
	return n.word && m.word && !n.isCap() && !m.isCap() && !strings.HasSuffix(n.lower, "s") && strings.HasSuffix(m.lower, "s") && !strings.HasSuffix(m.lower, "ss")
}

// clauseGoesOn reports whether token i, right after "A, he said,", goes on
// with the clause A began rather than adding a circumstance ("in a
// statement", "on Monday", "citing …").
func (a *analysis) clauseGoesOn(i int) bool {
	t := a.toks[i]
	return t.word && !t.isCap() && !adverbialStarts[t.lower] && !prepositions[t.lower] && !subordinators[t.lower] && !isParticiple(t)
}

// passiveFrame frames an impersonal passive report whose agent speaks:
// "It was announced by the council that …", "…, it was said by Roe."
func (a *analysis) passiveFrame(s sentence, c cueHit, st *state) frame {
	f := frame{subjStart: c.at - 2, after: c.last + 1}
	if c.impersonal {
		f.subjStart = a.tokenAt(a.impersonalStart(c.at))
		f.hasSubj = true // a statement without a source, which is still a statement
		if d := s.first; d+4 < c.at && a.toks[d].lower == "in" && articles[a.toks[d+1].lower] && documentNouns[a.toks[d+2].lower] && a.toks[d+3].lower == "of" {
			// "In the statement of the party it is said that": the
			// document's author
			f.sp = a.phraseRef(a.joinTokens(d+4, f.subjStart), d+4, f.subjStart, st)
		} else if d+3 == f.subjStart && a.toks[d].lower == "in" && a.definiteAt(d+1) {
			f.sp = a.inPlaceSource(d+1, d+3, st)
		}
		if d := a.documentAfterIn(c.last+1, s.last); d > c.last+1 {
			// "It was noted in the statement that": the document's
			// author, when the text gives one
			if sp, ok := a.documentAuthor(c.last+2, d, st); ok && sp.name != "" {
				f.sp = sp
			}
		}
		return f
	}
	b := c.last + 2 // after "by"
	if b >= s.last {
		return f
	}
	e := b
	switch {
	case a.nameWord(b) || a.toks[b].isAcronym():
		e, _ = a.nameStartingAt(b, s.last)
		f.sp, _ = a.nameRef(b, e, b, st)
	case determiners[a.toks[b].lower]:
		for e = b + 1; e < s.last && e < b+5 && a.toks[e].word && !boundaryWords[a.toks[e].lower]; e++ {
		}
		f.sp = a.phraseRef(a.joinTokens(b, e), b, e, st)
	default:
		// a bare noun phrase: "were told by police that", "by local
		// officials, that"
		for e = b; e < s.last && e < b+3 && a.toks[e].word && !boundaryWords[a.toks[e].lower]; e++ {
		}
		if e == b || e >= s.last || a.toks[e].lower != "that" && a.toks[e].text != "," {
			return f
		}
		f.sp = a.phraseRef(a.joinTokens(b, e), b, e, st)
	}
	f.hasSubj, f.after = !f.sp.empty(), e
	return f
}

// inPlaceSource resolves the noun phrase at tokens [i, j) of "In the
// statement it is noted that" or "In the ministry it was noted that" to
// whom the words are then: the document's author, the body named.
func (a *analysis) inPlaceSource(i, j int, st *state) speakerRef {
	switch head := a.toks[j-1].lower; {
	case documentNouns[head]:
		if sp, ok := a.documentAuthor(i, j, st); ok {
			return sp
		}
	case orgNouns[head] || genericOrgNouns[head]:
		return a.phraseRef(a.joinTokens(i, j), i, j, st)
	}
	return speakerRef{}
}

// impersonalStart returns the byte offset of the "it" that opens the
// impersonal passive whose participle is token k.
func (a *analysis) impersonalStart(k int) int {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if a.toks[j].lower == "it" {
			return a.toks[j].start
		}
	}
	return a.toks[k].start
}

// addresseeEnd returns where the content starts after the addressee of
// a verb like "tell" at token i when no "that" follows: an object
// pronoun, a name (with the kind of organisation or a possessive noun
// after it: "Harbour news agency", "Harbour TV's correspondent"), or a
// noun phrase, then any phrases of place and time ("in Eastport on
// Monday", "after the hearing", "yesterday"), then the clause's subject
// ("told him the", "told CBC News the", "told a briefing in Eastport the").
func (a *analysis) addresseeEnd(i, limit int) (int, bool) {
	if i+1 >= limit || !a.toks[i].word {
		return 0, false
	}
	e, ok := a.addresseePhrase(i, limit)
	if !ok {
		return 0, false
	}
	if k := a.bareAddresseeEnd(i, e, limit); k > 0 {
		return k, true // "told passengers tickets would remain valid"
	}
	for steps := 0; e < limit && steps < 4; steps++ {
		w := a.toks[e].lower
		switch {
		case a.toks[e].word && (timeNouns[w] || w == "yesterday" || w == "today"):
			e++ // "told Harbour Radio yesterday his son …"
		case a.toks[e].word && (w == "on" || w == "last") && e+1 < limit && timeNouns[a.toks[e+1].lower]:
			e += 2 // "told reporters on Tuesday the plant would close"
		case a.toks[e].word && (prepositions[w] && w != "to" || placePrepositions[w]) && !(e+1 < limit && (a.toks[e+1].lower == "least" || a.toks[e+1].lower == "most")):
			pe, ok := a.nounPhraseEnd(e+1, limit)
			if !ok {
				return 0, false
			}
			e = pe // "told journalists in Eastport the …"
		default:
			steps = 4
		}
	}
	if e < limit && a.toks[e].text == "," && e+1 < limit && a.quoteStartingAt(a.toks[e+1].start) >= 0 {
		e++ // "told Harbour TV, “…”"
	}
	if e >= limit {
		return 0, false
	}
	return e, a.clauseOpens(e) || a.subjectBeforeAuxiliary(e, limit) // "told a news conference in Tamsin rescue teams had …"
}

// bareAddresseeEnd returns where the clause starts when the addressee at
// token i is a noun without an article whose phrase, as read up to token
// e, ran into the clause's subject: "told passengers tickets would
// remain valid" (the subject "tickets", then an auxiliary); else 0.
func (a *analysis) bareAddresseeEnd(i, e, limit int) int {
	t := a.toks[i]
	if determiners[t.lower] || t.isCap() || e-i < 2 {
		return 0
	}
	if a.clauseOpens(e) || a.subjectBeforeAuxiliary(e, limit) {
		return 0 // the phrase ended where the clause starts
	}
	if a.subjectBeforeAuxiliary(i+1, limit) {
		return i + 1
	}
	return 0
}

// addresseePhrase returns the token after the addressee that starts at
// token i: an object pronoun, a name with what follows it, or a noun
// phrase.
func (a *analysis) addresseePhrase(i, limit int) (int, bool) {
	t := a.toks[i]
	switch {
	case objectPronouns[t.lower]:
		return i + 1, true
	case t.isCap() && roleWords[t.lower] && i+1 < limit && a.nameWord(i+1) && !a.nameWord(i):
		e, _ := a.nameStartingAt(i+1, limit) // "asked Minister Tom Hale whether"
		return e, true
	case (t.lower == "this" || t.lower == "these") && i+1 < limit && a.toks[i+1].word:
		return a.nounPhraseEnd(i+1, limit) // "told this newspaper"
	case t.word && !t.isCap() && !boundaryWords[t.lower] && i+2 < limit && (prepositions[a.toks[i+1].lower] && a.toks[i+1].lower != "to" || placePrepositions[a.toks[i+1].lower]):
		return i + 1, true // "told staff in an email the …": a noun without an article, then where
	case a.nameWord(i) || t.isAcronym():
		e, _ := a.nameStartingAt(i, limit)
		for e+1 < limit && a.toks[e].isCap() && roleWords[a.toks[e].lower] && a.nameWord(e+1) {
			e, _ = a.nameStartingAt(e+1, limit) // "told Harbour Mayor Ann Roe"
		}
		owner := isPossessive(a.toks[e-1])
		for n := 0; e < limit && n < 2 && a.toks[e].word && !a.toks[e].isCap() && (orgWords[a.toks[e].lower] || owner && !a.clauseOpens(e)); n++ {
			e++ // "Harbour news agency", "Harbour TV's correspondent"
		}
		return e, true
	case determiners[t.lower] || !t.isCap() && (strings.HasSuffix(t.lower, "s") || i+1 < limit && (isPronounSubject(a.toks[i+1].lower) || a.toks[i+1].lower == "there")):
		// "the council", "reporters", "court" before "there were …"
		return a.nounPhraseEnd(i, limit)
	case t.word && !t.isCap() && !boundaryWords[t.lower] && i+2 < limit && strings.HasSuffix(a.toks[i+1].lower, "s") && (isPronounSubject(a.toks[i+2].lower) || a.toks[i+2].lower == "that"):
		return i + 2, true // "told fellow pilots he had been treated unfairly"
	case t.word && !t.isCap() && !boundaryWords[t.lower] && i+1 < limit && (articles[a.toks[i+1].lower] || possessivePronouns[a.toks[i+1].lower]):
		// "told council the levy would rise", "told council his sales
		// would fall": a body named without an article
		return i + 1, true
	}
	return 0, false
}

// nounPhraseEnd returns the token after a short noun phrase starting at
// token i: a name, or a determiner and the words up to the next
// determiner, pronoun, preposition or punctuation.
func (a *analysis) nounPhraseEnd(i, limit int) (int, bool) {
	if i >= limit || !a.toks[i].word {
		return 0, false
	}
	if a.nameWord(i) || a.toks[i].isAcronym() {
		e, _ := a.nameStartingAt(i, limit)
		return e, true
	}
	e := i
	if determiners[a.toks[e].lower] {
		e++
		if e < limit && (a.nameWord(e) || a.toks[e].isAcronym()) {
			e, _ = a.nameStartingAt(e, limit) // "the AP", "the Harbour Herald"
		}
	}
	for e < limit && e < i+4 && a.toks[e].word && !a.clauseOpens(e) && !boundaryWords[a.toks[e].lower] && !prepositions[a.toks[e].lower] {
		e++
	}
	return e, e > i
}

// clauseOpens reports whether token k can open the clause after an
// addressee: an article or possessive, a subject pronoun, "there", a
// quantifier or number, a capitalised word or a quotation.
func (a *analysis) clauseOpens(k int) bool {
	n := a.toks[k]
	if a.quoteStartingAt(n.start) >= 0 {
		return true
	}
	return n.word && (determiners[n.lower] || isPronounSubject(n.lower) || n.isCap() || n.lower == "there" ||
		quantifiers[n.lower] || n.lower == "more" || n.lower == "nothing" || n.lower == "no" || isNumber(n))
}

// adjunctEnd returns the token after a short adjunct that stands between
// a reporting verb at token i-1 and its content: a particle before "that"
// ("tweeted out that"), a prepositional phrase before "that" or a
// quotation ("noted for the judge that", "claimed of the plan, “…”"), or
// the medium of the report ("said by text message").
func (a *analysis) adjunctEnd(i, limit int) (int, bool) {
	if i >= limit || !a.toks[i].word {
		return 0, false
	}
	w := a.toks[i].lower
	if (w == "in" || w == "on" || w == "last") && i+2 < limit && timeNouns[a.toks[i+1].lower] && a.clauseStarts(i+2) {
		return i + 2, true // "stated in July it opposed the plan"
	}
	if timeNouns[w] && i+1 < limit && a.clauseStarts(i+1) {
		return i + 1, true // "insisted Tuesday the project is on budget"
	}
	if timeNouns[w] && i+2 < limit && timeNouns[a.toks[i+1].lower] && a.clauseStarts(i+2) {
		return i + 2, true // "said Tuesday night the members had voted"
	}
	if w == "by" && i+1 < limit && reportMedia[a.toks[i+1].lower] {
		e := i + 2
		if e < limit && reportMedia[a.toks[e].lower] {
			e++ // "text message"
		}
		return e, e < limit
	}
	if !prepositions[w] && !particles[w] {
		return 0, false
	}
	if a.mediumPhraseEnds(i, limit) {
		return limit, true // "wrote in a research note.": where, and nothing after it
	}
	if e := a.mediumPhraseBeforeClause(i, limit); e > i {
		return e, true // "said in a statement it would …"
	}
	for e := i + 1; e < limit && e <= i+5; e++ {
		t := a.toks[e]
		switch {
		case t.lower == "that" && t.word:
			return e, true
		case a.quotedAfterComma(e, limit) || a.quoteStartingAt(t.start) >= 0:
			return e, prepositions[w]
		case !t.word || boundaryWords[t.lower] || particles[w]:
			return 0, false
		}
	}
	return 0, false
}

// clauseStarts reports whether token i can open a reported clause: a
// subject pronoun, an article or a capitalised word.
func (a *analysis) clauseStarts(i int) bool {
	t := a.toks[i]
	return t.word && (isPronounSubject(t.lower) || articles[t.lower] || possessivePronouns[t.lower] || t.isCap())
}

// quotedAfterComma reports whether token i is a comma before a quotation.
func (a *analysis) quotedAfterComma(i, limit int) bool {
	return i+1 < limit && a.toks[i].text == "," && a.quoteStartingAt(a.toks[i+1].start) >= 0
}

// quotedBefore reports whether a quotation ends right before token i, or
// right before a comma there ("“…,” she said", "“…”, she said").
func (a *analysis) quotedBefore(i int) bool {
	return i >= 1 && a.isClosingMarkTok(i-1) || i >= 2 && a.toks[i-1].text == "," && a.isClosingMarkTok(i-2)
}

// writtenWork reports whether the object at token i of "write" is a
// written work ("a poem", "her first book"), with no clause of its own.
func (a *analysis) writtenWork(i, limit int) bool {
	if i < limit && writtenWorks[a.toks[i].lower] && strings.HasSuffix(a.toks[i].lower, "s") {
		return true // "had written letters of apology"
	}
	if i >= limit || !(determiners[a.toks[i].lower] || possessivePronouns[a.toks[i].lower]) {
		return false
	}
	for k := i + 1; k < limit && k <= i+3; k++ {
		if writtenWorks[a.toks[k].lower] {
			return true
		}
	}
	return false
}

// opinionStmt is the statement after "in X's opinion,": X's, verbatim
// to the end of the sentence.
func (a *analysis) opinionStmt(s sentence, c cueHit, st *state) (stmt, bool) {
	var sp speakerRef
	if a.toks[c.at+1].lower == "the" {
		sp, _ = a.accordingSource(c.at+4, c.last+1, c.last+1, 0, st) // "in the opinion of (lawyer) Ann Roe"
	} else if p := a.toks[c.at+1].lower; possessivePronouns[p] {
		sp = a.resolvePronoun(map[string]string{"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}[p], a.toks[c.at+1].start, st)
	} else {
		sp, _ = a.nameRef(c.at+1, c.last, c.at+1, st)
	}
	if sp.empty() || authorVoice[sp.source] {
		return stmt{}, false
	}
	x, ok := a.contentStmt(c.last+2, s.last, true)
	if !ok {
		return stmt{}, false
	}
	cue := strings.ToLower(a.joinTokens(c.at, c.last+1))
	if a.toks[c.at+1].lower == "the" {
		cue = strings.ToLower(a.joinTokens(c.at, c.at+4)) // "in the opinion of", not the name after it
	}
	x.sp, x.cue, x.conf = sp, cue, 0.7
	return x, true
}

// roleOfSomeone returns the role word when the noun phrase at tokens
// [k, e) is a role held for someone named after "of" ("the lawyer of activist Nora
// Quill"), so that a name in apposition after it is the role's holder,
// not the person after "of".
func (a *analysis) roleOfSomeone(k, e int) string {
	if k < e && determiners[a.toks[k].lower] {
		k++
	}
	for r := k; r+1 < e && r <= k+2; r++ {
		if t := a.toks[r]; !t.word || t.isCap() {
			return ""
		}
		if roleWords[a.toks[r].lower] && a.toks[r+1].lower == "of" {
			return a.toks[r].lower
		}
	}
	return ""
}

// appositionEnd returns the comma that closes an apposition starting at
// token i, a role word with what it is of ("chairman of the Harbour
// Party,"), or i when none does.
func (a *analysis) appositionEnd(i, limit int) int {
	from := i
	if i+1 < limit && (a.toks[i].lower == "a" || a.toks[i].lower == "an") {
		// "Arif Novruzov, an NRP board member,": an indefinite
		// description says who the person is
		from = i + 1
	} else if i >= limit || !roleWords[a.toks[i].lower] {
		// (a noun phrase with the definite article is the content's
		// subject: "the editor of the paper, Ivo Rask, was detained")
		return i
	}
	for k := from; k < limit && k < from+10; k++ {
		t := a.toks[k]
		if t.text == "," {
			if role, _ := a.describe(from, k); role != "" && k > from {
				return k
			}
			return i
		}
		if !t.word && t.text != "'" && t.text != "’" {
			return i
		}
	}
	return i
}

// hasRoleWord reports whether tokens [i, j) hold a word for a person's
// role ("the lawyer of the family").
func (a *analysis) hasRoleWord(i, j int) bool {
	for k := i; k < j; k++ {
		if roleWords[a.toks[k].lower] {
			return true
		}
	}
	return false
}

// namedApposition returns the end of a person's name that starts at token
// i and is set off by commas ("…, Farid Roe, …", "…, Anna Berg of the
// Legal Aid Bureau, …") and the comma that closes it, or i twice.
func (a *analysis) namedApposition(i, limit int) (name, comma int) {
	if i >= limit || !a.nameWord(i) {
		return i, i
	}
	n, _ := a.nameStartingAt(i, limit)
	c := n
	if c+1 < limit && personLinks[a.toks[c].lower] {
		o := c + 1
		if a.toks[o].lower == "the" {
			o++
		}
		if o < limit && (a.nameWord(o) || a.toks[o].isAcronym()) {
			c = a.orgPhraseEnd(o, limit) // "Anna Berg of the Legal Aid Bureau,"
		}
	}
	if c >= limit || a.toks[c].text != "," || !a.isPersonName(i, n) {
		return i, i
	}
	return n, c
}

// countedObject open a noun phrase that "add" takes as its object in
// scores and prices ("both added a try", "added four more", "added $2.70"),
// not reported content.
var countedObject = map[string]bool{
	"a": true, "an": true, "another": true, "$": true, "more": true, "one": true,
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "his": true, "her": true, "their": true,
	"its": true,
}

// continuers open the rest of a sentence after "A, he said," that is more
// of his reported content.
var continuers = map[string]bool{"but": true, "and": true, "so": true, "because": true, "although": true, "though": true, "while": true}

// subordinators open clauses that are not reported content by themselves.
var subordinators = map[string]bool{"when": true, "if": true, "after": true, "before": true, "while": true, "as": true, "once": true, "until": true, "unless": true}

// badAfterClauseCue are words after a reporting verb that show it does not
// introduce reported content ("writes about", "reports on", "said to be").
var badAfterClauseCue = map[string]bool{
	"about": true, "on": true, "of": true, "with": true, "for": true, "to": true,
	"up": true, "nothing": true, "so": true, "goodbye": true, "yes": true, "no": true,
	"by": true, "out": true, "off": true, "back": true, "down": true, "over": true,
	"thanks": true, "sorry": true, "hello": true, "against": true,
}

// cueFrame finds the speaker of cue c and where its content may start.
func (a *analysis) cueFrame(s sentence, c cueHit, st *state, prev speakerRef) frame {
	f := frame{subjStart: c.at, after: c.last + 1}
	if c.passive {
		return a.passiveFrame(s, c, st)
	}
	if c.ownView {
		return a.ownViewFrame(s, c, st)
	}
	if c.putIt {
		// "As one journalist covering the trial put it": the whole phrase
		// is the subject, whatever modifies its head
		if a.nameWord(s.first + 1) {
			if e, _ := a.nameStartingAt(s.first+1, c.at); e == c.at {
				f.sp, _ = a.nameRef(s.first+1, e, s.first+1, st)
			}
		} else if n0, ok := a.nameEndingAt(c.at-1, s.first+1); ok && a.isPersonName(n0, c.at) && articles[a.toks[s.first+1].lower] && n0-1 > s.first+1 && isRoleWord(a.toks[n0-1].lower) && !a.hasFiniteVerb(s.first+2, n0) {
			// "As the local activist Gunay Torvandi put it": the name
			// after the description
			f.sp, _ = a.nameRef(n0, c.at, s.first+1, st)
		}
		if f.sp.empty() {
			f.sp = speakerRef{source: a.joinTokens(s.first+1, c.at)}
		}
		f.subjStart, f.hasSubj = s.first+1, true
		return f
	}
	if sp, ok := a.quotedAsSaying(s, c, st); ok {
		f.sp, f.hasSubj = sp, true // "Harbour Radio quotes Ivo Rask as saying that …"
		return f
	}
	if _, quoted := a.quotedAsAt(c.at); isParticiple(a.toks[c.at]) && !quoted && !(c.at > s.first && (isPronounSubject(a.toks[c.at-1].lower) || progressiveAux[a.toks[c.at-1].lower])) {
		return a.participleFrame(s, c, st, prev) // "…, saying that": the subject of the sentence speaks
	}
	if c.at > s.first && (a.toks[c.at-1].lower == "and" || a.toks[c.at-1].lower == "but") && !prev.empty() {
		// "Some appeal to the court and say that …", "Her lawyer Zaur
		// Karimbayli said that … and demanded that …": the subject of the
		// report before, which this one shares
		f.sp, f.hasSubj = prev, true
		return f
	}
	if sp, start, ok := a.subjectBefore(s, c, st); ok {
		f.sp, f.subjStart, f.hasSubj = sp, start, true
		return f
	}
	// inverted: "…," said Roe.
	j := c.at - 1
	if j < s.first || a.toks[j].text == "," || a.isClosingMarkTok(j) {
		afterQuote := j >= s.first && (a.isClosingMarkTok(j) && a.quotationEndsClause(j) || a.toks[j].text == "," && j-1 >= s.first && a.isClosingMarkTok(j-1))
		if outlet := a.outletDescribedAt(c.last+1, s.last); (c.class == cueClause || afterQuote || outlet) && (!objectVerb(a.toks[c.at].lower) || outlet) {
			// (right after a quotation any verb of saying is inverted:
			// "“No,” answered the minister.", "“…,” countered Roe.")
			if sp, after, ok := a.subjectAfter(s, c, st); ok {
				f.sp, f.after, f.hasSubj, f.inverted = sp, after, true, true
			}
		}
	}
	return f
}

// quotationEndsClause reports whether the quotation closed by the mark
// at token j ends with a comma, a question or an exclamation mark inside
// it ("“No,” answered …"), as one before its attribution does, not a
// word quoted in passing ("a “buy” call").
func (a *analysis) quotationEndsClause(j int) bool {
	inner := strings.TrimRight(a.text[:a.toks[j].start], " ")
	return strings.HasSuffix(inner, ",") || strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!")
}

// outletDescribedAt reports whether an outlet's description and name
// start at token i ("the portal Pulsar24"): what a translated digest's
// inverted "…, informs the portal Pulsar24" has for its subject, not for
// whom it informs.
func (a *analysis) outletDescribedAt(i, limit int) bool {
	return i+2 < limit && a.toks[i].lower == "the" && outletNouns[a.toks[i+1].lower] && (a.nameWord(i+2) || a.toks[i+2].isAcronym())
}

// ownViewFrame frames "His assessment was that …": the owner of the
// noun of view holds the view.
func (a *analysis) ownViewFrame(s sentence, c cueHit, st *state) frame {
	var f frame
	o := a.toks[c.at-1]
	if pp := pronounOfPossessive[o.lower]; pp != "" {
		f.sp = a.resolvePronoun(pp, o.start, st)
	} else if o.isCap() {
		n0 := c.at - 1 // "Ann Roe's view"
		for n0-1 >= s.first && a.nameWord(n0-1) {
			n0--
		}
		f.sp, _ = a.nameRef(n0, c.at, s.first, st)
	} else if d := c.at - 2; d >= s.first && articles[a.toks[d].lower] {
		np := cleanName(a.joinTokens(d, c.at)) // "the ministry's position"
		f.sp = a.phraseRef(np, d, c.at, st)
	}
	f.subjStart, f.after, f.hasSubj = c.at-1, c.last+1, !f.sp.empty()
	return f
}

// participleFrame frames a report by a participle ("…, saying that"),
// whose speaker is the subject of the sentence or of the report before.
func (a *analysis) participleFrame(s sentence, c cueHit, st *state, prev speakerRef) frame {
	f := frame{subjStart: c.at, after: c.last + 1}
	if c.at == s.first {
		// "Saying that …, Roe is waiting": only with a that-clause,
		// spoken by the subject after the comma
		if !a.hasThat(c.last+1, c.last+2) {
			return f
		}
		for k := c.last + 1; k < s.last; k++ {
			if a.toks[k].text == "," {
				if sp, ok := a.sentenceSubject(sentence{first: k + 1, last: s.last, para: s.para}, s.last, st); ok {
					f.sp, f.hasSubj = sp, true
				}
				break
			}
		}
		return f
	}
	if w, ok := a.absoluteSubject(c.at, s.first); ok {
		// "…, with the judge saying the sentence must …": the noun
		// phrase after "with" speaks
		if n0, named := a.nameEndingAt(c.at-1, w+1); named && a.isPersonName(n0, c.at) {
			f.sp, _ = a.nameRef(n0, c.at, w+1, st)
		} else {
			f.sp = a.phraseRef(a.joinTokens(w+1, c.at), w+1, c.at, st)
		}
		f.subjStart, f.hasSubj = w+1, !f.sp.empty()
		return f
	}
	if p := a.toks[c.at-1].lower; p != "," && p != "and" && p != "but" && !issuedNouns[p] && !a.hasThat(c.last+1, c.last+2) {
		return f // (after a statement: "issued a statement calling on …")
	}
	if !prev.empty() {
		f.sp, f.hasSubj = prev, true
		return f
	}
	if sp, ok := a.sentenceSubject(s, c.at, st); ok {
		f.sp, f.hasSubj = sp, true
		return f
	}
	f.sp, f.hasSubj = st.running, !st.running.empty()
	return f
}

// quotedAsSaying returns the person in "X quotes Y as saying …" (also
// "quoted", "cites"), who is the speaker of what follows: the outlet only
// reports it. Y may come with who they are, before the name ("quoted local
// resident Anar Bagirov", "quotes CAP board member Ann Roe"), set off
// after it ("quotes his daughter, Zeynep Uçar, as saying") or after it
// ("quotes MP Selim Ak of the Progress Party (KİP) as saying").
func (a *analysis) quotedAsSaying(s sentence, c cueHit, st *state) (speakerRef, bool) {
	k := c.at - 1
	if k-2 < s.first || a.toks[k].lower != "as" || !isParticiple(a.toks[c.at]) {
		return speakerRef{}, false
	}
	qv := -1
	for b := k - 1; b > s.first && b >= k-quotedPersonTokens; b-- {
		if quoteVerbs[a.toks[b].lower] {
			qv = b
			break
		}
		if a.toks[b].lower == "that" || isQuoteMark(a.toks[b].text) {
			break
		}
	}
	if qv < 0 {
		return speakerRef{}, false
	}
	if a.toks[k-1].text == "," {
		// set off after a description: "quotes his daughter, Zeynep Uçar,"
		if n0, ok := a.nameEndingAt(k-2, qv+1); ok && n0-1 > qv+1 && a.toks[n0-1].text == "," && a.isPersonName(n0, k-1) {
			sp, _ := a.nameRef(n0, k-1, n0, st)
			if role, org := a.describe(qv+1, n0-1); role != "" && sp.role == "" {
				sp.role, sp.org = role, cmp.Or(sp.org, org)
			}
			return sp, true
		}
		return speakerRef{}, false
	}
	for n := qv + 1; n < k; n++ {
		if !a.nameWord(n) {
			if t := a.toks[n]; a.descriptorWord(n) || isRoleWord(t.lower) || honorifics[t.lower] || a.titleDot(n) || t.word && !t.isCap() && !boundaryWords[t.lower] {
				continue // "quoted local resident Anar Bagirov", "the independent MP …": who he is
			}
			return speakerRef{}, false
		}
		e, _ := a.nameStartingAt(n, k)
		if !a.isPersonName(n, e) && (e < k || a.toks[n].isAcronym()) {
			n = e - 1 // "quotes CAP board member …": the organisation, then the role (but "quotes Paşalı as saying")
			continue
		}
		if e < k && !personLinks[a.toks[e].lower] {
			return speakerRef{}, false
		}
		sp, _ := a.nameRef(n, e, n, st)
		if e < k {
			sp = withOrg(sp, a.orgAfterName(e)) // "MP Selim Ak of the ruling Progress Party (KİP)"
		}
		if role, org := a.describe(qv+1, n); role != "" && sp.role == "" {
			sp.role, sp.org = role, cmp.Or(sp.org, org)
		}
		if sp.org != "" && strings.Contains(a.joinTokens(s.first, qv), sp.org) {
			sp.org = "" // the outlet that quotes is not the organisation of whom it quotes
		}
		return sp, true
	}
	return speakerRef{}, false
}

// quotedPersonTokens bounds the words between "quotes" and "as saying":
// a name with its title, description or organisation.
const quotedPersonTokens = 16

// colonAfter returns the index of a colon among the few words after a cue
// (before any "that" or quotation), or -1. The window admits an object and
// a phrase like "with these words" ("shared her decision with the readers
// with these words: …").
func (a *analysis) colonAfter(i, j int) int {
	for k := i; k < j && k < i+12; k++ {
		t := a.toks[k]
		if t.text == ":" {
			return k
		}
		if t.lower == "that" || isQuoteMark(t.text) || (!t.word && t.text != "’" && t.text != "'") {
			return -1
		}
	}
	return -1
}

// participleOfManner reports whether the participle cue d takes an
// object pronoun and a preposition ("…, explaining it with “repair
// works”"): how the report before it was made, not a report of its own.
func (a *analysis) participleOfManner(d cueHit, limit int) bool {
	k := d.last + 1
	return k+1 < limit && (objectPronouns[a.toks[k].lower] || a.toks[k].lower == "it") && prepositions[a.toks[k+1].lower]
}

// parentheticalOpinion reports whether the opinion cue c is set off in a
// relative clause ("forty convicts who, in her opinion, deserve a
// pardon"): the view of the one whose report holds it, no report of its
// own.
func (a *analysis) parentheticalOpinion(c cueHit) bool {
	if !c.opinion || c.at < 2 || a.toks[c.at-1].text != "," || !relativeWords[a.toks[c.at-2].lower] {
		return false
	}
	// (a quotation after it is words of their own: "the privatisation,
	// which, in his words, “created a dozen billionaires”")
	k := c.last + 1
	if k < len(a.toks) && a.toks[k].text == "," {
		k++
	}
	return k >= len(a.toks) || a.quoteStartingAt(a.toks[k].start) < 0
}

// objectBeforeColon reports whether a noun phrase that is no statement
// stands between cue c and the colon at token colon, the object of a verb
// that is not reporting here: "continued the trial of two journalists:
// A and B" (not "told the journalists:", "issued a statement:", "said
// the following:", "urges the authorities to:", "says a single night
// changed her mind:").
func (a *analysis) objectBeforeColon(c cueHit, after, colon int) bool {
	if after >= colon || c.class == cueObject || !articles[a.toks[after].lower] || isTell(a.toks[c.at].lower) || a.hasFiniteVerb(after, colon) {
		return false
	}
	for k := after; k < colon; k++ {
		if w := a.toks[k].lower; statementNouns[w] || documentNouns[w] || w == "following" {
			return false
		}
	}
	return true
}

// statementNouns name a written or spoken statement: "Roe's letter
// from prison: …".
var statementNouns = map[string]bool{
	"letter": true, "statement": true, "words": true, "post": true, "message": true,
	"tweet": true, "appeal": true, "address": true, "speech": true, "note": true,
	"reply": true, "response": true, "comment": true, "comments": true, "answer": true,
}

// possessiveColon handles "NAME's letter …: text" in sentence s.
func (a *analysis) possessiveColon(s sentence, st *state) (stmt, bool) {
	for k := s.first; k < s.last && k < s.first+8; k++ {
		if a.toks[k].text != ":" {
			continue
		}
		for n := s.first; n+1 < k; n++ {
			if isPossessive(a.toks[n]) && statementNouns[a.toks[n+1].lower] && a.nameWord(n) {
				n0, ok := a.nameEndingAt(n, s.first)
				if !ok {
					n0 = n
				}
				sp, _ := a.nameRef(n0, n+1, s.first, st)
				x, ok := a.colonStatement(k, sp, a.joinTokens(n+1, k), st)
				x.conf = 0.7
				return x, ok
			}
		}
	}
	return stmt{}, false
}

// nameColon reads a sentence that opens with a person's name and a colon
// and goes on with a clause of their words, without quotation marks:
// "Ann Roe: the reforms have stalled and nobody cares." The name must
// be a full name or one the text gives in full, and the words a clause.
func (a *analysis) nameColon(s sentence, st *state) (stmt, bool) {
	if !a.nameWord(s.first) {
		return stmt{}, false
	}
	e, _ := a.nameStartingAt(s.first, s.last)
	if e+1 >= s.last || a.toks[e].text != ":" || !a.isPersonName(s.first, e) || !a.plausibleName(s.first, e) {
		return stmt{}, false // (nothing after the colon says anything)
	}
	if e-s.first < 2 && !strings.Contains(a.canonicalName(cleanName(a.joinTokens(s.first, e)), a.toks[s.first].start), " ") {
		return stmt{}, false // a lone word before a colon is more often a label
	}
	for k := s.first; k < e; k++ {
		if a.toks[k].isAcronym() {
			return stmt{}, false // a label in capitals: "KEEPING SCORE:", "JAPAN ECONOMY:"
		}
	}
	if a.quoteStartingAt(a.toks[e+1].start) < 0 && (a.wordsIn(a.toks[e+1].start, a.toks[s.last-1].end) < 4 || !a.hasFiniteVerb(e+1, s.last)) {
		return stmt{}, false
	}
	sp, _ := a.nameRef(s.first, e, s.first, st)
	x, ok := a.colonStatement(e, sp, "", st)
	if ok && a.quoteStartingAt(x.start) < 0 {
		// words without quotation marks: reported, ending before the full stop
		x.kind = Indirect
		for x.end > x.start && strings.ContainsRune(". \n", rune(a.text[x.end-1])) {
			x.end--
		}
	}
	x.conf = 0.6
	return x, ok
}

// addressedThat reports whether the "that" at token t, after a verb that
// takes an addressee ("told reporters on Monday that"), opens the told
// clause rather than a relative clause in what is told ("tells the story
// of a family that fled", "told the truth that").
func (a *analysis) addressedThat(cue string, rest, t, limit int) bool {
	if !isTell(cue) || t-rest <= 1 {
		return true
	}
	for k := rest; k < t && k < rest+3; k++ {
		if w := a.toks[k].lower; toldThings[w] {
			return false
		} else if !a.toks[k].word || !(determiners[w] || possessivePronouns[w] || !a.toks[k].isCap()) {
			return true
		}
	}
	return true
}

// objectVerb reports whether a reporting verb takes the addressee as an
// object before its content ("told Harbour Wire that").
func objectVerb(w string) bool {
	for _, p := range []string{"tell", "told", "inform", "warn", "remind", "assur", "convinc", "advis", "notif", "urg", "ask", "promis", "persuad", "caution", "texted", "emailed", "messaged"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func isNumber(t token) bool { return t.word && t.text[0] >= '0' && t.text[0] <= '9' }

// quantityAt reports whether tokens from i give a quantity ("40",
// "half", "a third", "two"), which "about" before it makes approximate
// ("said about half of the students"), not a topic.
func (a *analysis) quantityAt(i, limit int) bool {
	t := a.toks[i]
	if isNumber(t) || numberWords[t.lower] || fractionWords[t.lower] {
		return true
	}
	return t.lower == "a" && i+1 < limit && fractionWords[a.toks[i+1].lower]
}

// hasThat reports whether a complementiser "that" is among tokens [i, j).
func (a *analysis) hasThat(i, j int) bool { return a.thatAt(i, j) >= 0 }

// thatAt returns the token index of a "that" opening reported content
// within the first words after a cue ("told Harbour Wire that", "said in a
// statement that"), or -1.
func (a *analysis) thatAt(i, j int) int {
	for k := i; k < j && k < i+10; k++ {
		t := a.toks[k]
		if t.lower == "that" {
			return k
		}
		if !t.word && t.text != "," && t.text != "." && t.text != "’" && t.text != "'" || a.insideQuote(t.start) {
			return -1
		}
		if _, isCue := cueVerbs[t.lower]; isCue && k > i && !determiners[a.toks[k-1].lower] && !(k-2 >= i && determiners[a.toks[k-2].lower]) && !a.toks[k-1].isAcronym() && !(t.isCap() && a.toks[k-1].word) {
			// (a noun after an article and a modifier is no verb: "in a
			// phone call with the minister that")
			// (a capitalised cue word after a word is part of a name: "told Varzan Echo that")
			return -1
		}
	}
	return -1
}

// wordsIn counts the words in [start, end).
func (a *analysis) wordsIn(start, end int) int {
	n := 0
	for _, t := range a.tokensIn(start, end) {
		if t.word {
			n++
		}
	}
	return n
}

// contentStmt turns tokens [i, j) into a statement span: leading "that"
// and punctuation and trailing punctuation are trimmed; a span that is one
// quotation becomes that quotation; a span containing a quotation is
// direct (mixed), otherwise indirect.
func (a *analysis) contentStmt(i, j int, forward bool) (stmt, bool) {
	i = a.afterDateline(i, j)
	for i < j && (a.toks[i].lower == "that" || (!a.toks[i].word && !isOpeningMark(a.toks[i].text) && a.toks[i].text != "(" && a.toks[i].text != "[" && a.toks[i].text != "…")) {
		i++
	}
	for j > i {
		t := a.toks[j-1]
		if t.word || a.isClosingMarkTok(j-1) || t.text == ")" || t.text == "]" || t.text == "…" || t.text == "?" || t.text == "!" || t.text == "%" || t.text == "$" {
			break
		}
		j--
	}
	if i >= j {
		return stmt{}, false
	}
	start, end := a.toks[i].start, a.toks[j-1].end
	if forward && i+1 < j && (a.toks[i].lower == "and" || a.toks[i].lower == "but") {
		return stmt{}, false
	}
	x := stmt{start: start, end: end, kind: Indirect}
	for _, q := range a.quotesStarting(start, end) {
		if q.depth != 0 || q.missingOpen || q.start < start || q.start >= end {
			continue
		}
		x.kind = Direct
		if q.start == start && q.end >= end-1 {
			x.end = max(end, q.end)
		}
	}
	if isOpeningMark(a.toks[i].text) && a.insideQuote(start) {
		x.kind = Direct // a quotation reopened at a new paragraph
	}
	return x, true
}

// colonStatement takes the quotation after a cue and its colon: the
// quotation that opens there, or text up to a closing mark whose opening
// mark is missing, or else up to the end of the paragraph.
func (a *analysis) colonStatement(colon int, sp speakerRef, cue string, st *state) (stmt, bool) {
	if colon+1 >= len(a.toks) {
		return stmt{}, false
	}
	first := a.toks[colon+1]
	p := a.paraAt(a.toks[colon].start)
	if p < 0 {
		return stmt{}, false
	}
	if first.start >= a.paras[p].end {
		// "… Gulnar Meshtieva wrote:" closing its paragraph, then the
		// words in quotation marks as the next paragraph
		if q := a.quoteStartingAt(first.start); q >= 0 && a.paraAt(first.start) == p+1 && a.paras[p+1].start == first.start {
			return stmt{start: a.quotes[q].start, end: a.quotes[q].end, kind: Direct, sp: sp, cue: cue}, true
		}
		return stmt{}, false
	}
	if q := a.quoteStartingAt(first.start); q >= 0 {
		return stmt{start: a.quotes[q].start, end: a.quotes[q].end, kind: Direct, sp: sp, cue: cue}, true
	}
	end := a.paras[p].end
	for _, q := range a.quotesStarting(first.start+1, a.paras[p].end) {
		if q.missingOpen && q.start > first.start && q.end <= a.paras[p].end {
			end = q.end
			break
		}
	}
	if a.wordsIn(first.start, end) < 3 {
		return stmt{}, false
	}
	return stmt{start: first.start, end: end, kind: Direct, sp: sp, cue: cue}, true
}

// according handles "According to X, …" and "…, according to X."
func (a *analysis) according(s sentence, c cueHit, clauseStart int, st *state) []stmt {
	if c.opinion {
		if x, ok := a.opinionStmt(s, c, st); ok {
			return []stmt{x}
		}
		return nil
	}
	k := c.last + 1
	e := k
	for e < s.last && a.toks[e].text != "," && (a.toks[e].text != "." || a.titleDot(e) || a.companyDot(e)) {
		e++ // (through "Dr." or "Acme Inc.")
	}
	if e == k {
		return nil
	}
	// the source may hold commas: "the Meteorology, Climatology and
	// Geophysics Agency", "Ann Roe, Ivo Rask and Mara Lind" (the first
	// named speaks)
	listed := a.listedNameEnd(e, s.last)
	end := max(listed, a.nameListEnd(e, s.last)) // the comma or full stop after the source
	sp, e := a.accordingSource(k, e, end, listed, st)
	if n, ok := a.closingApposition(end, s); ok && sp.name == "" && a.hasRoleWord(k, e) {
		sp = a.appositionRef(sp, end+1, n, st) // "…, according to his sister, Karen Morrow."
	}
	var x stmt
	var ok bool
	var rest []stmt
	if c.at > clauseStart && (a.toks[c.at-1].text == "," || a.isClosingMarkTok(c.at-1)) && !a.openingAdverbial(clauseStart, c.at-1) {
		x, ok = a.contentStmt(clauseStart, c.at, false)
		if ok && x.kind == Indirect && end+1 < s.last && a.toks[end].text == "," && a.clauseGoesOn(end+1) && !a.sourceDescribed(end, s.last) {
			// "The plan, according to city documents, would cost $40
			// million": the clause goes on after the attribution; both
			// parts are the source's, each verbatim
			if y, ok := a.contentStmt(end+1, s.last, false); ok && y.kind == Indirect {
				y.sp, y.cue, y.conf = sp, strings.ToLower(a.joinTokens(c.at, c.last+1)), 0.6
				rest = append(rest, y)
			}
		}
	} else if end < s.last && a.toks[end].text == "," {
		from := end + 1
		roleOf := a.roleOfSomeone(k, e)
		if n, comma := a.namedApposition(from, s.last); n > from && a.hasRoleWord(k, e) && (sp.name == "" || roleOf != "" || sp.name == a.canonicalName(cleanName(a.joinTokens(from, n)), a.toks[from].start)) {
			// "According to the lawyer of the journalist, Farid Roe, …":
			// the apposition names the person the description gave
			role := cmp.Or(roleOf, sp.role)
			sp, _ = a.nameRef(from, n, from, st)
			if sp.role == "" {
				sp.role = role
			}
			a.noteRoleOf(k, e, sp, st)
			from = comma + 1
		} else if e2 := a.appositionEnd(from, s.last); e2 > from && sp.name != "" {
			// "According to Ivo Rask, chairman of the party, …"
			if role, org := a.describe(from, e2); role != "" {
				sp.role = role
				if org != "" {
					sp.org = org
				}
			}
			from = e2 + 1
		} else if relativeWords[a.toks[from].lower] {
			// "According to Harbour Radio, which cited sources in the
			// ministry, the minister would resign": the clause describes
			// the source
			for k := from + 1; k+1 < s.last; k++ {
				if a.toks[k].text == "," && !a.insideQuote(a.toks[k].start) {
					from = k + 1
					break
				}
			}
		}
		x, ok = a.contentStmt(from, a.repeatedAttribution(from, s.last), true)
	}
	if !ok {
		return nil
	}
	x.sp, x.cue, x.conf = sp, strings.ToLower(a.joinTokens(c.at, c.last+1)), 0.7
	return append([]stmt{x}, rest...)
}

// accordingSource returns the source named by the words after "according
// to" (tokens [k, e), e the comma or full stop after them, end after a
// source that holds commas, listed after a name that begins with a list)
// and the token where a source named by its documents ends.
func (a *analysis) accordingSource(k, e, end, listed int, st *state) (speakerRef, int) {
	commas := end > e
	var sp speakerRef
	if e-k == 1 && isPronounSubject(a.toks[k].lower) || a.toks[k].lower == "him" || a.toks[k].lower == "her" || a.toks[k].lower == "them" {
		p := map[string]string{"him": "he", "her": "she", "them": "they"}[a.toks[k].lower]
		if p == "" {
			p = a.toks[k].lower
		}
		return a.resolvePronoun(p, a.toks[k].start, st), e
	}
	if pp := pronounOfPossessive[a.toks[k].lower]; pp != "" && e-k == 2 && (documentNouns[a.toks[k+1].lower] || accountNouns[a.toks[k+1].lower]) {
		// "according to his story", "according to her statement": the
		// owner of the words is the source
		return a.resolvePronoun(pp, a.toks[k].start, st), e
	}
	if commas && listed == end {
		n0 := k
		if articles[a.toks[n0].lower] {
			n0++
		}
		return speakerRef{name: cleanName(a.joinTokens(n0, listed))}, e
	}
	if p := a.obtainedBy(k, e); p > k {
		e = p // "city documents obtained by the Herald": the documents are the source
	} else if b := a.issuedBy(k, e); b > k {
		// "a press release issued by the company": its issuer speaks
		return a.phraseRef(a.joinTokens(b+1, e), b+1, e, st), e
	}
	if e-k > 2 && accountHeads[a.toks[k].lower] && a.toks[k+1].lower == "of" {
		k += 2 // "according to words of the lawyer": the lawyer
	}
	if e-k == 1 && placeInstitutions[a.toks[k].lower] && !a.toks[k].isCap() {
		// "according to police": the police service the text named, as
		// for "Police said"
		word := strings.ToUpper(a.toks[k].text[:1]) + a.toks[k].text[1:]
		if name := a.canonicalName(word, a.toks[k].start); name != word && isOrgName(name) {
			return st.ref(name, false), e
		}
	}
	sp = a.phraseRef(a.joinTokens(k, e), k, e, st)
	last := e - 1
	if e-3 > k && a.toks[e-1].text == ")" && a.acronymDefinedAt(e-2) {
		last = e - 4 // "the Patient Standards Office (PSO)": the name it spells out, as a subject's is
	}
	for n := last; n >= k; n-- {
		if a.nameWord(n) || a.toks[n].isAcronym() {
			if n0, ok := a.nameEndingAt(n, k); ok {
				n0 = a.ofNameStart(n0, k)
				ref, _ := a.nameRef(n0, n+1, k, st)
				if isPossessive(a.toks[n]) || (n+1 < e && !orgWords[a.toks[e-1].lower] && roleWords[a.toks[e-1].lower]) {
					// "Ivo Rask's lawyer": not the named person
					break
				}
				if b := a.skipArticle(n0-1, k); b-1 >= k && ownerPrepositions[a.toks[b].lower] && roleWords[a.toks[b-1].lower] && isOrgName(ref.name) {
					// "the lawyer for Harbour Animal Services": a person of
					// the organisation, not the organisation
					sp = speakerRef{source: a.joinTokens(k, e), role: roleOf(a.toks[b-1].lower), org: ref.name}
					break
				}
				if person, ok := a.personOfOrg(k, n+1, st); ok {
					sp = person // "according to Selma Virtanen of Northgate Research"
					break
				}
				sp = ref
			}
			break
		}
	}
	return sp, e
}

// sourceDescribed reports whether what follows the comma at token c,
// after "according to X", describes X rather than going on with the
// clause: "…, according to Oren Vale, a project engineer with the
// county.", "…, according to the Water Board, which manages the
// reservoir."
func (a *analysis) sourceDescribed(c, limit int) bool {
	return a.appositiveRole(c, limit) || c+1 < limit && relativeWords[a.toks[c+1].lower] && a.toks[c+1].lower != "that" || a.bareRoleAt(c+1, limit)
}

// bareRoleAt reports whether tokens from i are a role with no article
// before it, as an apposition gives it after a name: "head of the
// dockers' union", "deputy chairwoman of the PDC", "editor-in-chief,".
func (a *analysis) bareRoleAt(i, limit int) bool {
	role := false
	for k := i; k < limit && k < i+4; k++ {
		t := a.toks[k]
		switch {
		case role && (!t.word || t.lower == "of" || t.lower == "at" || t.lower == "for"):
			return true
		case !t.word || t.isCap():
			return false
		}
		role = isRoleWord(t.lower)
	}
	return role && i+4 >= limit
}

// appositionRef returns the person named at tokens [n0, n1) whom the
// description sp gave, with its role.
func (a *analysis) appositionRef(sp speakerRef, n0, n1 int, st *state) speakerRef {
	named, _ := a.nameRef(n0, n1, n0, st)
	named.role = cmp.Or(named.role, sp.role)
	return named
}

// closingApposition returns the end of a person's name that follows the
// comma at token c and closes sentence s ("…, according to his sister,
// Karen Morrow."), and whether there is one.
func (a *analysis) closingApposition(c int, s sentence) (int, bool) {
	end := s.last
	if end-1 > c && !a.toks[end-1].word {
		end-- // the sentence's closing mark
	}
	if c+1 >= end || a.toks[c].text != "," {
		return 0, false
	}
	n := a.closingName(c+1, end)
	return n, n == end
}

// personOfOrg returns the person named first in tokens [k, e) when a
// name of an organisation follows it after "of", "at", "from" or "with"
// ("Selma Virtanen of Northgate Research"), with that organisation.
func (a *analysis) personOfOrg(k, e int, st *state) (speakerRef, bool) {
	p0 := k
	if p0 < e && articles[a.toks[p0].lower] {
		p0++
	}
	for p0+1 < e && (honorifics[a.toks[p0].lower] || roleWords[a.toks[p0].lower] || a.titleDot(p0)) {
		p0++ // "Capt. Rosa Lind of the Marlow Fire Department"
	}
	if p0 >= e || !a.nameWord(p0) {
		return speakerRef{}, false
	}
	p1, _ := a.nameStartingAt(p0, e)
	if p1 >= e-1 || !personLinks[a.toks[p1].lower] || !a.isPersonName(p0, p1) {
		return speakerRef{}, false
	}
	o0 := p1 + 1
	if o0 < e && a.toks[o0].lower == "the" {
		o0++
	}
	if k := o0; k+1 < e && a.orgNounAt(k) || k+2 < e && a.toks[k].word && !a.toks[k].isCap() && a.orgNounAt(k+1) {
		// "of the research firm Kestrel Insight": its kind, then its name
		for o0 < e && a.toks[o0].word && !a.toks[o0].isCap() {
			o0++
		}
	}
	if o0 >= e || !a.nameWord(o0) && !a.toks[o0].isAcronym() {
		return speakerRef{}, false
	}
	person, _ := a.nameRef(p0, p1, k, st)
	return withOrg(person, cleanName(a.joinTokens(o0, e))), true
}

// listedNameEnd returns the end of an organisation's name whose first
// words are a list, when the comma at token e is inside it ("the
// Meteorology, Climatology and Geophysics Agency"): capitalised words
// joined by commas and a last "and", then words up to a word that names
// a kind of organisation. Else e.
func (a *analysis) listedNameEnd(e, limit int) int {
	if e >= limit || a.toks[e].text != "," || e == 0 || !a.nameWord(e-1) {
		return e
	}
	k := e
	for k+1 < limit && a.toks[k].text == "," && a.nameWord(k+1) {
		k += 2 // ", Climatology"
	}
	if k >= limit || a.toks[k].lower != "and" {
		return e
	}
	for n := k + 1; n < limit && n <= k+4 && a.nameWord(n); n++ {
		if orgWords[a.toks[n].lower] {
			return n + 1
		}
	}
	return e
}

// nameListEnd returns the comma after a list of names that continues
// the name ending before the comma at token e (", Ivo Rask and Mara
// Lind,"), or e: a statement has one speaker, the one named first.
func (a *analysis) nameListEnd(e, limit int) int {
	k := e
	for k+1 < limit && (a.toks[k].text == "," || a.toks[k].lower == "and") && a.nameWord(k+1) {
		n, _ := a.nameStartingAt(k+1, limit)
		last := a.toks[k].lower == "and"
		k = n
		if last {
			if k < limit && a.toks[k].text == "," {
				return k
			}
			return e
		}
	}
	return e
}

// openingAdverbial reports whether tokens [i, j) are a short adverbial
// that opens a sentence ("In particular", "Meanwhile", "At the same
// time", "In May"): when or how, not something said.
func (a *analysis) openingAdverbial(i, j int) bool {
	if j <= i || j-i > 4 {
		return false
	}
	for k := i; k < j; k++ {
		if !a.toks[k].word {
			return false
		}
	}
	w := a.toks[i].lower
	return j-i == 1 && (linkingAdverbs[w] || strings.HasSuffix(w, "ly") && !lyNouns[w]) || prepositions[w] || adverbialStarts[w]
}

// obtainedBy returns the participle in tokens [i, j) of a document phrase
// that names who obtained or saw the document ("documents obtained by the
// Herald", "a memo seen by CBC"), or i: the document is the source, not
// the outlet that has it.
// issuedBy returns the "by" in tokens (i, j) after a document and a verb
// of issuing it ("a press release issued by the company"), or i.
func (a *analysis) issuedBy(i, j int) int {
	if k := a.documentVerbBy(i, j, issueVerbs, true); k > i && k+2 < j {
		return k + 1
	}
	return i
}

func (a *analysis) obtainedBy(i, j int) int {
	return a.documentVerbBy(i, j, obtainVerbs, false)
}

// documentVerbBy returns the first of verbs in tokens (i, j) that stands
// between a document (or, with media, a medium) and "by", or i.
func (a *analysis) documentVerbBy(i, j int, verbs map[string]bool, media bool) int {
	for k := i + 1; k+1 < j; k++ {
		if d := a.toks[k-1].lower; verbs[a.toks[k].lower] && a.toks[k+1].lower == "by" && (documentNouns[d] || dataNouns[d] || media && mediumNouns[d]) {
			return k
		}
	}
	return i
}

// afterDateline returns the token after a dateline that opens a
// paragraph at token i ("OTTAWA —", "NEW YORK (AP) —"): the place the
// story was filed from, no part of what anyone said; else i.
func (a *analysis) afterDateline(i, j int) int {
	if i >= j {
		return i
	}
	if p := a.paraAt(a.toks[i].start); p < 0 || a.paras[p].start != a.toks[i].start {
		return i
	}
	if k := a.datelineEnd(i, a.toks[j-1].end); k < j {
		return k
	}
	return i
}

// allCaps reports whether word w has letters and none in lower case.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// dedupe drops statements inside others and, of two that overlap by more
// than half the shorter, the less confident.
func dedupe(xs []stmt) []stmt {
	sort.SliceStable(xs, func(i, j int) bool { return xs[i].start < xs[j].start })
	var out []stmt
	open := 0 // out[:open] end before every later x starts
	for _, x := range xs {
		for open < len(out) && out[open].end <= x.start {
			open++
		}
		merged := false
		for k := open; k < len(out); k++ {
			y := &out[k]
			ov := min(x.end, y.end) - max(x.start, y.start)
			if ov <= 0 {
				continue
			}
			short := min(x.end-x.start, y.end-y.start)
			if ov*2 > short {
				if x.conf > y.conf {
					*y = x
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, x)
		}
	}
	return out
}

// quoteMarks are trimmed when comparing a pull quote with the text.
const quoteMarks = "“”\"«»„‘’'…. \u00a0"

// normalizeForMatch strips marks and ellipses for pull-quote matching.
func normalizeForMatch(s string) string {
	return strings.Join(strings.Fields(strings.Trim(s, quoteMarks)), " ")
}

// personNamedIn returns the full name of the first person named outside
// quotations in bytes [from, to), or "" when there is none or a pronoun
// or a reporting verb comes before it.
func (a *analysis) personNamedIn(from, to int) string {
	for k := a.mentionsBefore(from); k < len(a.mentions) && a.mentions[k].pos < to; k++ {
		if m := a.mentions[k]; m.pos >= from && m.person && strings.Contains(m.name, " ") {
			for _, t := range a.tokensIn(from, m.pos) {
				if _, cue := cueVerbs[t.lower]; cue || isPronounSubject(t.lower) {
					return "" // "…,” she recalled, four weeks after Ann Roe …"
				}
			}
			return a.fullerName(m.name, m.pos)
		}
	}
	return ""
}

// opensCreditedQuote reports whether sentence s opens with a quotation
// credited to a person (see quoteCredit), which a short line without a
// full stop, like a heading, can be.
func (a *analysis) opensCreditedQuote(s sentence) bool {
	qi := a.quoteStartingAt(a.toks[s.first].start)
	if qi < 0 {
		return false
	}
	_, ok := a.quoteCredit(a.quotes[qi])
	return ok
}

// quotedSentenceAfter reports whether quotation q is a whole sentence of
// its own (it ends in a full stop, question or exclamation mark inside the
// marks) in the paragraph of the latest statement: a short follow-on quote
// ("“I was so green.”"), however few its words.
func (a *analysis) quotedSentenceAfter(q qspan, st *state) bool {
	inner := strings.TrimRight(a.text[q.start:q.end], "”\"’' ")
	if inner == "" || !strings.ContainsAny(inner[len(inner)-1:], ".?!") || a.innerWords(q) < 2 {
		return false
	}
	return st.runningAt > 0 && a.paraAt(st.runningAt-1) == a.paraAt(q.start)
}

// quotedHeadline reports whether quotation q is a subheading: a paragraph
// of its own in single quotation marks ("'Let the port work'"), the way
// news pages set a line of a quote apart as a title.
func (a *analysis) quotedHeadline(q qspan) bool {
	if !strings.HasPrefix(a.text[q.start:], "'") && !strings.HasPrefix(a.text[q.start:], "‘") {
		return false
	}
	p := a.paraAt(q.start)
	if p < 0 {
		return false
	}
	before := strings.TrimSpace(a.text[a.paras[p].start:q.start])
	after := strings.TrimSpace(a.text[q.end:a.paras[p].end])
	return before == "" && (after == "" || after == ".")
}
