package extract

import (
	"strings"
	"unicode/utf8"
)

// pullQuotePara returns the index of the digest's pull quote paragraph, or
// -1. A pull quote is the paragraph right after a masthead line (a short
// first paragraph without sentence punctuation) that is marked as a
// quotation (opening or closing mark) or repeats words found further down.
func (a *analysis) pullQuotePara() int {
	pi := 1 // after the masthead: a title, and perhaps a line of date or issue
	for pi < len(a.paras) && pi <= mastheadLines && a.heading[pi] {
		pi++
	}
	if len(a.paras) < pi+2 || !a.heading[0] || pi > mastheadLines {
		return -1
	}
	p := a.paras[pi]
	s := a.text[p.start:p.end]
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "…. "))
	closed := last == '”' || last == '"' || strings.HasSuffix(s, "”…")
	if a.attributedInPara(pi) {
		return -1 // "“He picked the wrong granny,” Dorothy Pilbeam told us.": a statement under a headline
	}
	if pi == 1 && (isOpeningMark(string(first)) || closed && !creditedBefore(s)) || isOpeningMark(string(first)) && closed {
		// (after a date line too, only a paragraph that is all quotation:
		// "“…,” said Ann Roe." opening the text is a statement)
		return pi
	}
	if a.repeatAt(pi) >= 0 {
		return pi
	}
	return -1
}

// attributedInPara reports whether paragraph pi opens with a quotation
// that a reporting verb right after it attributes: "“…,” Ann Roe told
// us.", "“…,” said Ann Roe."
func (a *analysis) attributedInPara(pi int) bool {
	p := a.paras[pi]
	qi := a.quoteStartingAt(p.start)
	if qi < 0 {
		return false
	}
	toks := a.tokensIn(a.quotes[qi].end, p.end)
	for k, t := range toks {
		if k >= attributionWords {
			break
		}
		if _, cue := cueVerbs[t.lower]; cue && t.word {
			return true
		}
	}
	return false
}

// attributionWords is how many tokens after a quotation may hold the
// subject and the verb that attribute it.
const attributionWords = 8

// mastheadLines is how many short lines may open a digest before its pull
// quote: its title, then its date or issue.
const mastheadLines = 2

// repeatPiece returns the longest piece between ellipses of paragraph pi,
// without marks, cut to at most 80 bytes at a word boundary.
func (a *analysis) repeatPiece(pi int) string {
	p := a.paras[pi]
	best := ""
	for _, piece := range strings.Split(a.text[p.start:p.end], "…") {
		piece = normalizeForMatch(piece)
		if len(piece) > len(best) {
			best = piece
		}
	}
	if len(best) > 80 {
		cut := strings.LastIndexByte(best[:80], ' ')
		if cut > 20 {
			best = best[:cut]
		}
	}
	return best
}

// repeatAt returns the byte offset where the words of paragraph pi are
// repeated later in the text, or -1.
func (a *analysis) repeatAt(pi int) int {
	piece := a.repeatPiece(pi)
	if len(piece) < 20 {
		return -1
	}
	rest := asciiLower(a.text[a.paras[pi].end:])
	if i := strings.Index(rest, asciiLower(piece)); i >= 0 {
		return a.paras[pi].end + i
	}
	return -1
}

// pullQuote builds the pull quote statement of paragraph pi, attributed to
// the statement that contains the repeated words.
func (a *analysis) pullQuote(pi int, stmts []stmt) stmt {
	p := a.paras[pi]
	x := stmt{start: p.start, end: p.end, kind: Direct, conf: 0.9, pull: true}
	for _, q := range a.quotesStarting(p.start, p.end) {
		if q.depth == 0 && q.start == p.start {
			if sp, ok := a.quoteCredit(q); ok {
				// "“We will not be silenced.” — Ann Roe": the credit names
				// the speaker, and is no part of the words
				x.end, x.sp = q.end, sp
				return x
			}
			break
		}
	}
	if at := a.repeatAt(pi); at >= 0 {
		for _, y := range stmts {
			if y.start <= at && at < y.end {
				x.sp = y.sp
				break
			}
		}
		return x
	}
	// Pull quotes are often edited ("no choice but" for "no other choice
	// than"): failing an exact repeat, take the statement that has most of
	// its words.
	best := pullWordShare
	for _, y := range stmts {
		if o := a.pullOverlap(pi, y); o >= best {
			x.sp, best = y.sp, o
		}
	}
	return x
}

// pullWordShare is the share of a pull quote's words a statement must
// contain to be taken as its source when the words are not repeated
// verbatim.
const pullWordShare = 0.6

// pullOverlap returns the share of the distinct words (of three letters or
// more) of paragraph pi that occur in statement y.
func (a *analysis) pullOverlap(pi int, y stmt) float64 {
	have := map[string]bool{}
	for _, t := range a.tokensIn(y.start, y.end) {
		have[t.lower] = true
	}
	seen := map[string]bool{}
	n, hit := 0, 0
	p := a.paras[pi]
	for _, t := range a.tokensIn(p.start, p.end) {
		if !t.word || len(t.lower) < 3 || seen[t.lower] {
			continue
		}
		seen[t.lower] = true
		n++
		if have[t.lower] {
			hit++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hit) / float64(n)
}

// containsRepeat reports whether statement y contains the words the pull
// quote x repeats, or, when they are not repeated verbatim, most of them.
func (a *analysis) containsRepeat(x, y stmt) bool {
	pi := a.paraAt(x.start)
	if pi < 0 {
		return false
	}
	if at := a.repeatAt(pi); at >= 0 {
		return at >= y.start && at < y.end
	}
	return a.pullOverlap(pi, y) >= pullWordShare
}

// asciiLower lower-cases ASCII letters only, keeping byte offsets.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// quoteCredit returns the person a quotation is credited to when nothing
// but a name follows it in its paragraph, after an optional dash, and
// then at most a description after a comma: "“We will not be silenced.”
// — Ann Roe", "“…” Ann Roe, chair of the council". The quotation must
// open its paragraph.
func (a *analysis) quoteCredit(q qspan) (speakerRef, bool) {
	pi := a.paraAt(q.start)
	if pi < 0 || a.paras[pi].start != q.start || a.innerWords(q) < 2 {
		return speakerRef{}, false
	}
	toks := a.tokensIn(q.end, a.paras[pi].end)
	if len(toks) == 0 && pi+1 < len(a.paras) && q.end == a.paras[pi].end && a.creditParagraphAfter(q.end, pi+1) {
		// the credit on the next line: "“…”\nAnn Roe, chair of the council"
		toks = a.tokensIn(a.paras[pi+1].start, a.paras[pi+1].end)
		pi++
	}
	if len(toks) == 0 || len(toks)-bracketedTokens(toks) > creditLineTokens {
		// (an acronym in brackets adds no words: "the Union of Free
		// Citizens (UFC)")
		return speakerRef{}, false
	}
	i := a.tokenAt(toks[0].start)
	end := i + len(toks)
	if isDash(a.toks[i].text) || a.toks[i].text == "-" {
		i++
	}
	title := i
	for i < end && i < title+4 && (isRoleWord(a.toks[i].lower) || honorifics[a.toks[i].lower] || a.titleDot(i) || i+1 < end && a.toks[i].isCap() && isRoleWord(a.toks[i+1].lower)) {
		i++ // "President Arif Salmanov", "Dr. Ann Roe", "Foreign Minister Orxan Nabili": a title before the name
	}
	if i >= end || !a.nameWord(i) {
		return speakerRef{}, false
	}
	e, _ := a.nameStartingAt(i, end)
	if o := a.ofNameEnd(i, e, end); i == title && (o == end || o+1 == end && a.toks[o].text == ".") && isOrgName(a.joinTokens(i, o)) {
		// "“We will defend every village.” — Ministry of Defence of
		// Telaria": a body's words
		return speakerRef{name: a.canonOrg(cleanName(a.joinTokens(i, o)))}, true
	}
	if !a.isPersonName(i, e) {
		return speakerRef{}, false
	}
	if e < end && a.toks[e].text != "," && !(e+1 == end && a.toks[e].text == ".") {
		return speakerRef{}, false
	}
	for k := e; k < end; k++ {
		if k-2 >= e && determiners[a.toks[k-2].lower] && (isParticiple(a.toks[k]) || isEdForm(a.toks[k])) {
			continue // "in a video posted before his arrest": the participle describes the noun
		}
		if _, cue := cueVerbs[a.toks[k].lower]; cue || a.quoteStartingAt(a.toks[k].start) >= 0 {
			return speakerRef{}, false // a sentence of its own, not a credit
		}
	}
	name := a.fullerName(cleanName(a.joinTokens(i, e)), a.toks[i].start)
	sp := speakerRef{name: name, person: true}
	if i > title {
		sp.role, sp.org = a.describe(title, i)
	}
	if e < end {
		if role, org := a.describe(e+1, end); role != "" || org != "" {
			sp.role, sp.org = role, org
		}
	}
	return sp, true
}

// bracketedTokens counts the tokens of toks inside round brackets,
// the brackets too.
func bracketedTokens(toks []token) int {
	n, depth := 0, 0
	for _, t := range toks {
		switch {
		case t.text == "(":
			depth++
			n++
		case t.text == ")" && depth > 0:
			depth--
			n++
		case depth > 0:
			n++
		}
	}
	return n
}

// creditParagraphAfter reports whether paragraph pi, after a quotation
// ending at byte end, may be its credit line: on the next line, or in a
// paragraph of its own that a dash opens or that holds no verb ("“…”¶¶—
// Ann Roe, chair of the council"); "“…”¶¶Ann Roe, 54, has lived here for
// years" is a sentence about her.
func (a *analysis) creditParagraphAfter(end, pi int) bool {
	switch strings.Count(a.text[end:a.paras[pi].start], "\n") {
	case 1:
		return true
	case 2:
		p := a.paras[pi]
		first, _ := utf8.DecodeRuneInString(a.text[p.start:p.end])
		if isDashMark(string(first)) {
			return true
		}
		// (a name and its description: a heading has no comma)
		k, e := a.tokenAt(p.start), a.tokenAt(p.end-1)+1
		return strings.Contains(a.text[p.start:p.end], ",") && !a.hasFiniteVerb(k, e)
	}
	return false
}

// creditLineTokens bounds the credit after a quotation: a name, a
// description and the occasion ("on the verdict against the blogger
// Faris Lodan", "in the letter from the detention centre"), not a
// paragraph; that it is no sentence quoteCredit checks word by word.
const creditLineTokens = 24

// creditedBefore reports whether a paragraph ending in a quotation names
// its speaker before it, with a colon ("DRP chairman Ann Roe: “…”"), or
// reports it in words of its own: a statement under the heading, not a
// pull quote.
func creditedBefore(s string) bool {
	i := strings.IndexAny(s, "“\"«„")
	return i > 0 && (strings.Contains(s[:i], ":") || len(strings.Fields(s[:i])) >= pullQuoteLead)
}

// pullQuoteLead is how many words before its quotation make a paragraph
// a report that quotes ("The ministry has responded … Its spokesperson
// said that the statement “…”."), not a pull quote, which at most opens
// with a few words of credit or an ellipsis.
const pullQuoteLead = 8

// creditedParagraphs returns the statements of paragraphs that end in
// nothing but a person's name after a full sentence: "We cannot let the
// city lose its libraries. Maria Lopez" is a quotation a news page set
// apart as a pull quote, whose credit the page's text keeps without marks
// or a dash. The person must be named elsewhere in the document, so that
// a byline or a photographer's credit closing a paragraph is no speaker.
// What the paragraph reports is nested in the person's words.
func (a *analysis) creditedParagraphs() []stmt {
	var out []stmt
	for si, s := range a.sents {
		if si == 0 || a.sents[si-1].para != s.para || si+1 < len(a.sents) && a.sents[si+1].para == s.para || a.heading[s.para] {
			continue
		}
		if e, ok := a.nameStartingAt(s.first, s.last); !ok || e != s.last || !a.isPersonName(s.first, e) {
			continue
		}
		p := a.paras[s.para]
		end := a.toks[s.first-1].end
		if !strings.ContainsAny(a.toks[s.first-1].text, ".?!") || !a.namedOutside(a.toks[s.last-1].text, p.start, p.end) {
			continue
		}
		if a.hasQuoteIn(p.start, end) {
			continue // a quotation credited so is quoteCredit's
		}
		if a.text[end-1] == '.' {
			end--
		}
		name := a.fullerName(cleanName(a.joinTokens(s.first, s.last)), a.toks[s.first].start)
		out = append(out, stmt{start: p.start, end: end, kind: Direct, sp: speakerRef{name: name, person: true}, conf: 0.6})
	}
	return out
}

// namedOutside reports whether word is written, as a word of its own,
// outside the bytes [start, end). The words' counts are taken once, so
// that a text of many such paragraphs is not read once for each.
func (a *analysis) namedOutside(word string, start, end int) bool {
	if a.wordCount == nil {
		a.wordCount = map[string]int{}
		for _, t := range a.toks {
			if t.word {
				a.wordCount[t.text]++
			}
		}
	}
	inside := 0
	for _, t := range a.tokensIn(start, end) {
		if t.text == word {
			inside++
		}
	}
	return a.wordCount[word] > inside
}

// hasQuoteIn reports whether a quotation starts within the bytes [start, end).
func (a *analysis) hasQuoteIn(start, end int) bool {
	for range a.quotesStarting(start, end) {
		return true
	}
	return false
}
