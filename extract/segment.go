package extract

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range of the analysed text.
type span struct{ start, end int }

// token is a word or a punctuation character of the analysed text.
type token struct {
	start, end int
	text       string // as written
	lower      string // lower case
	word       bool   // letters and digits (with inner apostrophes, hyphens, dots)
}

// isCap reports whether the token starts with an upper-case letter.
func (t token) isCap() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// isAcronym reports whether the token is an all-capitals word of 2+ letters.
func (t token) isAcronym() bool {
	if !t.word || utf8.RuneCountInString(t.text) < 2 {
		return false
	}
	letters := 0
	for _, r := range t.text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// isJoiner reports whether r may join two parts of one word: apostrophes,
// hyphens, and the dot of abbreviations like "U.S.".
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '‘', '-', '.', '&', '‑':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isDigitByte reports whether b is an ASCII digit.
func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// isUpperASCII reports whether b is an ASCII capital letter.
func isUpperASCII(b byte) bool { return 'A' <= b && b <= 'Z' }

// domainAt reports whether text at byte i holds a top-level domain
// that ends the word there ("info" of "Yol.info", any country's code of
// two letters).
func domainAt(text string, i int) bool {
	j := i
	for j < len(text) && j < i+8 && text[j] >= 'a' && text[j] <= 'z' {
		j++
	}
	if j < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[j:]); isWordRune(r) {
			return false
		}
	}
	return j-i == 2 || topLevelDomains[text[i:j]] // (two letters: a country's code)
}

// tokenize splits text into word and punctuation tokens; whitespace is
// dropped. It stops early, returning nil, when ctx ends: a megabyte takes
// about a second under the race detector, longer than a request's time
// limit allows past its end.
func tokenize(ctx context.Context, text string) []token {
	var toks []token
	check := tokenizeCheckBytes
	for i := 0; i < len(text); {
		if i >= check {
			if ctx.Err() != nil {
				return nil // the caller sees ctx.Err()
			}
			check = i + tokenizeCheckBytes
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i + n
			seg := 1 // runes since the last joiner
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					seg++
					continue
				}
				if (r2 == ',' || r2 == '.' || r2 == ':') && j+n2 < len(text) && j > i && isDigitByte(text[j-1]) && isDigitByte(text[j+n2]) && isDigitByte(text[i]) {
					j += n2 // "9,000", "68.38", "11:15": a number's separator, not a comma, a full stop or a colon
					seg = 0
					continue
				}
				if r2 == '/' && j+n2 < len(text) && unicode.IsUpper(rune(text[i])) && isUpperASCII(text[j-1]) && isUpperASCII(text[j+n2]) {
					j += n2 // "RFE/RL": one name in capitals on both sides of a slash
					seg = 0
					continue
				}
				if r2 == '.' && seg >= 2 && unicode.IsUpper(r) && domainAt(text, j+n2) {
					j += n2 // "Yol.info", "Meydan.tv": an outlet named by its domain
					seg = 0
					continue
				}
				if isJoiner(r2) && j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if isWordRune(r3) && (r2 != '.' || seg == 1) {
						j += n2
						seg = 0
						continue
					}
				}
				break
			}
			toks = append(toks, token{start: i, end: j, text: text[i:j], lower: strings.ToLower(text[i:j]), word: true})
			i = j
		default:
			toks = append(toks, token{start: i, end: i + n, text: text[i : i+n], lower: text[i : i+n]})
			i += n
		}
	}
	return toks
}

// paragraphs splits text into trimmed paragraphs. Every line is a paragraph
// unless the text is hard-wrapped (most lines continue a sentence on the next
// line), in which case paragraphs are separated by blank lines.
func paragraphs(text string) []span {
	type line struct{ start, end int }
	var lines []line
	for i := 0; i <= len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text) - i
		}
		lines = append(lines, line{i, i + j})
		i += j + 1
	}
	nonEmpty, wrapped := 0, 0
	for k, l := range lines {
		s := strings.TrimSpace(text[l.start:l.end])
		if s == "" {
			continue
		}
		nonEmpty++
		if k+1 < len(lines) && strings.TrimSpace(text[lines[k+1].start:lines[k+1].end]) != "" &&
			!strings.ContainsAny(s[len(s)-1:], ".!?:”\"’)") {
			wrapped++
		}
	}
	hard := nonEmpty > 3 && wrapped*2 > nonEmpty
	var paras []span
	add := func(s, e int) {
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			paras = append(paras, span{s, e})
		}
	}
	start := 0
	for k, l := range lines {
		blank := strings.TrimSpace(text[l.start:l.end]) == ""
		if hard {
			if blank {
				add(start, l.start)
				start = l.end
			}
			if k == len(lines)-1 {
				add(start, l.end)
			}
			continue
		}
		add(l.start, l.end)
	}
	return paras
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

// sentence is a span of tokens [first, last) within one paragraph.
type sentence struct {
	first, last int // token indexes
	para        int
}

// joinPluralPossessives joins the apostrophe of a plural possessive in
// lower case to its word ("the librarians' union"): the tokenizer cannot tell it from a
// closing single quotation mark, the quotations found can, so a mark
// that closes none is the possessive's.
func (a *analysis) joinPluralPossessives() {
	closing := map[int]bool{}
	for _, q := range a.quotes {
		closing[q.end] = true
	}
	out := a.toks[:0]
	for _, t := range a.toks {
		if n := len(out); n > 0 && (t.text == "'" || t.text == "’") && !closing[t.end] {
			p := &out[n-1]
			if p.word && p.end == t.start && strings.HasSuffix(p.lower, "s") && !p.isCap() {
				// (not in a name: "Island Residents' Association" keeps
				// the mark between its words)
				p.end, p.text, p.lower = t.end, p.text+t.text, p.lower+t.text
				continue
			}
		}
		out = append(out, t)
	}
	a.toks = out
}

// splitSentences cuts every paragraph into sentences. Sentence ends inside
// quotations are ignored, so a quotation of several sentences stays within
// the sentence that carries its attribution; a quotation that itself ends a
// sentence ends the sentence when a capitalised word follows.
func (a *analysis) splitSentences() {
	ti := 0
	for pi, p := range a.paras {
		for ti < len(a.toks) && a.toks[ti].start < p.start {
			ti++
		}
		first := ti
		if k := a.datelineEnd(first, p.end); k > first {
			// "CHICAGO (AP) — …": the dateline is no part of the sentence
			a.sents = append(a.sents, sentence{first, k, pi})
			first, ti = k, k
		}
		if first+1 < len(a.toks) && a.toks[first+1].text == ":" && (questionLabels[a.toks[first].text] || answerLabels[a.toks[first].text]) {
			// "Q: Residents have complained that …": an interview's label
			// is no part of the sentence either
			a.sents = append(a.sents, sentence{first, first + 2, pi})
			first, ti = first+2, first+2
		}
		for ti < len(a.toks) && a.toks[ti].end <= p.end {
			next := ti + 1
			if next < len(a.toks) && a.toks[next].end <= p.end && a.sentenceEndsAt(ti) {
				a.sents = append(a.sents, sentence{first, next, pi})
				first = next
			}
			ti++
		}
		if first < ti {
			a.sents = append(a.sents, sentence{first, ti, pi})
		}
	}
	a.sentOf = make([]int, len(a.toks))
	for si, s := range a.sents {
		for k := s.first; k < s.last; k++ {
			a.sentOf[k] = si
		}
	}
}

// datelineEnd returns the token after the dateline that opens the
// paragraph at token i ("OTTAWA —", "WASHINGTON, D.C. —", "CHICAGO (AP)
// –"), or i when there is none. The paragraph ends at byte end.
func (a *analysis) datelineEnd(i, end int) int {
	if i >= len(a.toks) || a.toks[i].end > end {
		return i // a paragraph without tokens of its own
	}
	k := i
	if _, month := monthNums[a.toks[i].lower]; month && i+1 < len(a.toks) && isNumber(a.toks[i+1]) {
		k = i + 2 // "Sept 13 (Reuters) –": a date instead of a place
		if k < len(a.toks) && a.toks[k].text == "." {
			k++
		}
	}
	inParens := false
	for k < len(a.toks) && a.toks[k].end <= end && k < i+10 {
		t := a.toks[k]
		// (after the place in capitals, its region may follow as written:
		// "KYIV, Ukraine (AP) —"; in brackets, the agency: "(Reuters)")
		region := k > i && t.word && t.isCap() && a.toks[k-1].text == ","
		// and the date: "PORTHAVEN, Aug 14 (Reuters) -"
		date := false
		if k > i {
			_, prevMonth := monthNums[a.toks[k-1].lower]
			date = isNumber(t) && prevMonth
		}
		switch t.text {
		case "(":
			inParens = true
		case ")":
			inParens = false
		}
		if !(t.word && (allCaps(t.text) || inParens && t.isCap()) || region || date || t.text == "(" || t.text == ")" || t.text == "," || t.text == ".") {
			break
		}
		k++
	}
	if k > i && k+1 < len(a.toks) && a.toks[k+1].end <= end && a.toks[i].word && isDashMark(a.toks[k].text) {
		return k + 1
	}
	return i
}

// isDashMark reports whether s is a dash or a hyphen standing alone.
func isDashMark(s string) bool { return s == "—" || s == "–" || s == "-" }

// sentenceEndsAt reports whether a sentence ends after token i (which is not
// the last token of its paragraph).
func (a *analysis) sentenceEndsAt(i int) bool {
	t := a.toks[i]
	nx := a.toks[i+1]
	if !startsSentence(nx) {
		return false
	}
	if isOpeningMark(nx.text) && i+2 < len(a.toks) && a.toks[i+2].word && !a.toks[i+2].isCap() && !isNumber(a.toks[i+2]) {
		return false // a quotation that opens in lower case continues the sentence
	}
	if q := a.quoteEndingAt(t.end); q >= 0 {
		inner := strings.TrimRight(a.text[a.quotes[q].start:t.start], " ")
		if (strings.HasSuffix(inner, "!") || strings.HasSuffix(inner, "?")) && a.attributionAt(i+1) {
			return false // "“Why do they arrest old men?” Rauf Sadiqli said.": the question's attribution
		}
		return strings.HasSuffix(inner, ".") || strings.HasSuffix(inner, "!") || strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "…")
	}
	if a.insideQuote(t.start) {
		return false
	}
	if isQuoteMark(t.text) && i > 0 && a.qix.missingOpenEnd[t.end] {
		p := a.toks[i-1].text
		return p == "." || p == "!" || p == "?" || p == "…"
	}
	switch t.text {
	case "!", "?", "…":
		return true
	case ")", "]":
		// a sentence of its own in brackets: "(He also owns a shop.) “…”"
		if i > 0 {
			p := a.toks[i-1].text
			return p == "." || p == "!" || p == "?"
		}
	case ".":
		if i > 0 && a.toks[i-1].end == t.start && isAbbreviation(a.toks[i-1]) {
			return a.sentenceAfterClockTime(i)
		}
		return true
	}
	return false
}

// sentenceAfterClockTime reports whether the dot at token i ends both
// "a.m." or "p.m." and its sentence: a capitalised word follows that is
// no day, month or zone of the time ("at 11 a.m. Police said", but "at
// 9 a.m. Monday", "at 9 a.m. ET").
func (a *analysis) sentenceAfterClockTime(i int) bool {
	if w := a.toks[i-1].lower; w != "a.m" && w != "p.m" || i+1 >= len(a.toks) {
		return false
	}
	n := a.toks[i+1]
	return n.word && n.isCap() && !n.isAcronym() && !timeNouns[n.lower] && !timeZoneWords[n.lower]
}

// attributionAt reports whether the tokens from i are a short
// attribution that closes a quotation: a name of up to four words and a
// reporting verb, then the end of the sentence or a comma ("Rauf Sadiqli
// said.", "Sadiqli asked, pointing at the bus").
func (a *analysis) attributionAt(i int) bool {
	k := i
	for k < len(a.toks) && k < i+4 && a.toks[k].word && a.toks[k].isCap() {
		if _, cue := cueVerbs[a.toks[k].lower]; cue {
			break
		}
		k++
	}
	if k == i || k+1 >= len(a.toks) {
		return false
	}
	_, cue := cueVerbs[a.toks[k].lower]
	e := k + 1
	if p, ok := a.addresseePhrase(k+1, len(a.toks)); ok && p < len(a.toks) && isTellOrAsk(a.toks[k].lower) {
		e = p // "“Who pays?” Ann Roe asked reporters."
	}
	return cue && (a.toks[e].text == "." || a.toks[e].text == ",")
}

// isTellOrAsk reports whether w is a form of "tell" or "ask", which take
// whom they address before the end of a short attribution.
func isTellOrAsk(w string) bool {
	return isTell(w) || strings.HasPrefix(w, "ask")
}

// startsSentence reports whether t can open a sentence.
func startsSentence(t token) bool {
	if t.word {
		r, _ := utf8.DecodeRuneInString(t.text)
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return isOpeningMark(t.text) || t.text == "(" || t.text == "["
}

// isAbbreviation reports whether a word followed by a dot is an abbreviation
// rather than a sentence end: initials, "U.S", titles, month abbreviations.
func isAbbreviation(t token) bool {
	if utf8.RuneCountInString(t.text) == 1 && t.isCap() {
		return true
	}
	if i := strings.LastIndexByte(t.text, '.'); i >= 0 {
		// "U.S", but not an outlet named by its web address
		// ("Kovan.info") nor a number with decimals ("at 3.40.",
		// "at 3.40pm.")
		return !(i >= 2 && domainAt(t.text, i+1)) && !isDigitByte(t.text[0])
	}
	return abbreviations[t.lower]
}

// tokenizeCheckBytes is how much text tokenize reads between looks at
// its context.
const tokenizeCheckBytes = 1 << 16
