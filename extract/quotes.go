package extract

import (
	"cmp"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

// qspan is a quotation found by its marks.
type qspan struct {
	start, end  int  // byte span including the marks
	depth       int  // 0 for an outermost quotation
	unclosed    bool // the paragraph ended before the closing mark
	missingOpen bool // only the closing mark is there
}

// innerWords counts the words inside the quotation.
func (a *analysis) innerWords(q qspan) int {
	n := 0
	for _, t := range a.tokensIn(q.start, q.end) {
		if t.word {
			n++
		}
	}
	return n
}

type markClass int

const (
	doubleMark markClass = iota
	singleMark
)

type openMark struct {
	pos   int
	r     rune
	class markClass
}

// isOpeningMark reports whether s is a mark that can open a quotation.
func isOpeningMark(s string) bool {
	switch s {
	case "“", "\"", "«", "„", "‘", "‚", "‹", "'":
		return true
	}
	return false
}

// isQuoteMark reports whether s is any quotation mark.
func isQuoteMark(s string) bool {
	switch s {
	case "“", "”", "\"", "«", "»", "„", "‘", "’", "‚", "‹", "›", "'":
		return true
	}
	return false
}

// boundaryBefore and boundaryAfter tell whether the rune next to a mark
// separates it from a word: a space, the text edge, punctuation or another
// mark.
func boundaryRune(r rune, edge bool) bool {
	return edge || unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '\'' && r != '’') || unicode.IsSymbol(r)
}

// findQuotes scans every paragraph for quotation marks and returns the
// quotations in order of their opening mark, plus the positions of closing
// double marks that have no opening mark. Quotations nest; straight marks
// are told apart by the letters around them; apostrophes inside words are
// not marks. An opening mark still open at the end of a paragraph continues
// when the next paragraph opens with the same mark (the convention for
// quotations over several paragraphs); otherwise the quotation ends with
// its paragraph and is marked unclosed.
func (a *analysis) findQuotes() {
	q := quoteScan{text: a.text, skipOpen: -1}
	for pi, p := range a.paras {
		q.paragraph(p)
		q.endParagraph(a.paras, pi)
	}
	// Order by start; compute depth from containment.
	sortQuotes(q.out)
	quoteDepths(q.out)
	a.quotes = q.out
	a.indexQuotes()
}

// quoteScan is the state of findQuotes as it walks the paragraphs: the
// marks still open, innermost last, and the quotations found so far.
type quoteScan struct {
	text     string
	stack    []openMark
	out      []qspan
	skipOpen int // position of a continuation opener to ignore
}

// markAt is one quotation mark in its paragraph, with the runes either
// side of it that tell an opening mark from a closing one.
type markAt struct {
	pos, end   int  // byte span of the mark
	r          rune // the mark
	prev, next rune // the runes either side, zero at a paragraph edge
	nextEdge   bool // the mark ends its paragraph
	lb, rb     bool // a word boundary on the left, on the right
}

// topIs reports whether the innermost open mark is of class c.
func (q *quoteScan) topIs(c markClass) bool {
	return len(q.stack) > 0 && q.stack[len(q.stack)-1].class == c
}

// has returns the stack index of the innermost open mark of class c, or -1.
func (q *quoteScan) has(c markClass) int {
	for k := len(q.stack) - 1; k >= 0; k-- {
		if q.stack[k].class == c {
			return k
		}
	}
	return -1
}

// closeAt ends the quotation opened by stack entry k at mark m; the marks
// opened inside it and left open are dropped with it.
func (q *quoteScan) closeAt(k int, m markAt) {
	q.out = append(q.out, qspan{start: q.stack[k].pos, end: m.end, depth: k})
	q.stack = q.stack[:k]
}

// push opens a quotation of class c at mark m.
func (q *quoteScan) push(m markAt, c markClass) {
	q.stack = append(q.stack, openMark{m.pos, m.r, c})
}

// paragraph walks the runes of paragraph p and hands each quotation mark,
// with its surroundings, to the rule for its kind of mark.
func (q *quoteScan) paragraph(p span) {
	for i := p.start; i < p.end; {
		r, n := utf8.DecodeRuneInString(q.text[i:])
		pos := i
		i += n
		if pos == q.skipOpen {
			continue
		}
		if !isQuoteMark(string(r)) {
			continue
		}
		m := markAt{pos: pos, end: i, r: r}
		prevEdge, nextEdge := pos == p.start, i >= p.end
		if !prevEdge {
			m.prev, _ = utf8.DecodeLastRuneInString(q.text[:pos])
		}
		if !nextEdge {
			m.next, _ = utf8.DecodeRuneInString(q.text[i:])
		}
		m.nextEdge = nextEdge
		m.lb = boundaryRune(m.prev, prevEdge)
		m.rb = boundaryRune(m.next, nextEdge)
		switch r {
		case '"':
			q.straightDouble(m)
		case '\'':
			q.straightSingle(m)
		case '‘', '‚', '‹', '’', '›':
			q.curlySingle(m)
		default:
			q.curlyDouble(m)
		}
	}
}

// curlyDouble handles the double marks that have a direction: “ opens,
// except that it closes a German „, or an open quotation when it ends a
// word; ” and » close the innermost double quotation, and with none open
// ” (or » after a word) is kept as a closing mark without its opener;
// « and „ open.
func (q *quoteScan) curlyDouble(m markAt) {
	switch m.r {
	case '“':
		if k := q.has(doubleMark); k >= 0 && (q.stack[k].r == '„' || (!m.lb && m.rb)) {
			q.closeAt(k, m)
		} else {
			q.push(m, doubleMark)
		}
	case '”', '»':
		if k := q.has(doubleMark); k >= 0 {
			q.closeAt(k, m)
		} else if m.r == '”' || !m.lb {
			q.out = append(q.out, qspan{start: m.pos, end: m.end, missingOpen: true})
		}
	case '«', '„':
		q.push(m, doubleMark)
	}
}

// straightDouble handles ", which has no direction and is told by the
// letters around it: before a word it opens, unless it follows
// punctuation (not a bracket or dash) inside a straight quotation, where
// it is a closing mark run into the next word; after a word it closes;
// elsewhere it closes an open quotation or opens one.
func (q *quoteScan) straightDouble(m markAt) {
	k := q.has(doubleMark)
	switch {
	case m.lb && !m.rb:
		if k >= 0 && q.topIs(doubleMark) && q.stack[k].r == '"' && unicode.IsPunct(m.prev) && m.prev != '(' && m.prev != '—' && m.prev != '-' {
			q.closeAt(k, m)
		} else {
			q.push(m, doubleMark)
		}
	case m.rb && !m.lb:
		if k >= 0 {
			q.closeAt(k, m)
		}
	default:
		if k >= 0 {
			q.closeAt(k, m)
		} else {
			q.push(m, doubleMark)
		}
	}
}

// curlySingle handles the single marks that have a direction: ‘ closes a
// German ‚, and ‘ ‚ ‹ open before a word; ’ and › close a single
// quotation when no space comes before them and no letter after (so the
// apostrophe in "don’t" is not a mark), and only when no double quotation
// opened inside it is still open.
func (q *quoteScan) curlySingle(m markAt) {
	switch m.r {
	case '‘', '‚', '‹':
		if k := q.has(singleMark); k >= 0 && q.stack[k].r == '‚' && m.r == '‘' {
			q.closeAt(k, m)
		} else if m.lb && !unicode.IsSpace(m.next) && !m.nextEdge {
			q.push(m, singleMark)
		}
	case '’', '›':
		if k := q.has(singleMark); k >= 0 && (m.rb || !unicode.IsLetter(m.next)) && !unicode.IsSpace(m.prev) {
			if q.has(doubleMark) < k {
				q.closeAt(k, m)
			}
		}
	}
}

// straightSingle handles ', which is also the apostrophe: it closes an
// open single quotation after a word or the quotation's own punctuation
// ("'It is over,' she said"), and opens one before a word.
func (q *quoteScan) straightSingle(m markAt) {
	if k := q.has(singleMark); k >= 0 && m.rb && (!m.lb || m.prev == ',' || m.prev == '.' || m.prev == '!' || m.prev == '?') {
		if q.has(doubleMark) < k {
			q.closeAt(k, m)
		}
	} else if m.lb && unicode.IsLetter(m.next) {
		q.push(m, singleMark)
	}
}

// endParagraph runs at the end of paragraph pi of paras: unclosed single
// marks are dropped (a single mark left open is more likely an apostrophe
// than a quotation); the outermost open double mark
// continues into the next paragraph when that paragraph opens with the
// same mark, and otherwise its quotation ends here, marked unclosed.
func (q *quoteScan) endParagraph(paras []span, pi int) {
	var keep []openMark
	for _, o := range q.stack {
		if o.class == doubleMark {
			keep = append(keep, o)
		}
	}
	q.stack = keep
	if len(q.stack) == 0 {
		return
	}
	if pi+1 < len(paras) {
		nr, _ := utf8.DecodeRuneInString(q.text[paras[pi+1].start:])
		if nr == q.stack[0].r || (q.stack[0].r == '"' && nr == '"') || (q.stack[0].r == '“' && nr == '“') {
			q.skipOpen = paras[pi+1].start
			q.stack = q.stack[:1]
			return
		}
	}
	q.out = append(q.out, qspan{start: q.stack[0].pos, end: paras[pi].end, unclosed: true})
	q.stack = nil
}

// sortQuotes orders quotations by start, the longer first on equal starts.
func sortQuotes(qs []qspan) {
	slices.SortStableFunc(qs, func(x, y qspan) int {
		return cmp.Or(cmp.Compare(x.start, y.start), cmp.Compare(y.end, x.end))
	})
}

// insideQuote reports whether byte pos lies strictly inside an outermost
// quotation (after its opening mark, before its closing mark).
func (a *analysis) insideQuote(pos int) bool {
	// Of the outermost quotations starting before pos, does the furthest
	// reaching end after it?
	ix := a.qix
	k := sort.Search(len(ix.outer), func(k int) bool { return a.quotes[ix.outer[k]].start >= pos })
	return k > 0 && pos < ix.outerEnd[k-1]-1
}

// quoteEndingAt returns the index of the outermost quotation whose closing
// mark ends at byte end, or -1.
func (a *analysis) quoteEndingAt(end int) int {
	if i, ok := a.qix.endingAt[end]; ok {
		return i
	}
	return -1
}

// quoteStartingAt returns the index of the outermost quotation opening at
// byte start, or -1.
func (a *analysis) quoteStartingAt(start int) int {
	if i, ok := a.qix.startingAt[start]; ok {
		return i
	}
	return -1
}
