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
	var stack []openMark
	var out []qspan
	skipOpen := -1 // position of a continuation opener to ignore
	for pi, p := range a.paras {
		for i := p.start; i < p.end; {
			r, n := utf8.DecodeRuneInString(a.text[i:])
			pos := i
			i += n
			if pos == skipOpen {
				continue
			}
			if !isQuoteMark(string(r)) {
				continue
			}
			var prev, next rune
			prevEdge, nextEdge := pos == p.start, i >= p.end
			if !prevEdge {
				prev, _ = utf8.DecodeLastRuneInString(a.text[:pos])
			}
			if !nextEdge {
				next, _ = utf8.DecodeRuneInString(a.text[i:])
			}
			lb := boundaryRune(prev, prevEdge)
			rb := boundaryRune(next, nextEdge)
			topIs := func(c markClass) bool { return len(stack) > 0 && stack[len(stack)-1].class == c }
			has := func(c markClass) int {
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].class == c {
						return k
					}
				}
				return -1
			}
			closeAt := func(k int) {
				out = append(out, qspan{start: stack[k].pos, end: i, depth: k})
				stack = stack[:k]
			}
			push := func(c markClass) { stack = append(stack, openMark{pos, r, c}) }
			switch r {
			case '“':
				if k := has(doubleMark); k >= 0 && (stack[k].r == '„' || (!lb && rb)) {
					closeAt(k)
				} else {
					push(doubleMark)
				}
			case '”', '»':
				if k := has(doubleMark); k >= 0 {
					closeAt(k)
				} else if r == '”' || !lb {
					out = append(out, qspan{start: pos, end: i, missingOpen: true})
				}
			case '«', '„':
				push(doubleMark)
			case '"':
				k := has(doubleMark)
				switch {
				case lb && !rb:
					if k >= 0 && topIs(doubleMark) && stack[k].r == '"' && unicode.IsPunct(prev) && prev != '(' && prev != '—' && prev != '-' {
						closeAt(k)
					} else {
						push(doubleMark)
					}
				case rb && !lb:
					if k >= 0 {
						closeAt(k)
					}
				default:
					if k >= 0 {
						closeAt(k)
					} else {
						push(doubleMark)
					}
				}
			case '‘', '‚', '‹':
				if k := has(singleMark); k >= 0 && stack[k].r == '‚' && r == '‘' {
					closeAt(k)
				} else if lb && !unicode.IsSpace(next) && !nextEdge {
					push(singleMark)
				}
			case '’', '›':
				if k := has(singleMark); k >= 0 && (rb || !unicode.IsLetter(next)) && !unicode.IsSpace(prev) {
					if has(doubleMark) < k {
						closeAt(k)
					}
				}
			case '\'':
				// (a closing mark may follow the quotation's own punctuation:
				// "'It is over,' she said")
				if k := has(singleMark); k >= 0 && rb && (!lb || prev == ',' || prev == '.' || prev == '!' || prev == '?') {
					if has(doubleMark) < k {
						closeAt(k)
					}
				} else if lb && unicode.IsLetter(next) {
					push(singleMark)
				}
			}
		}
		// End of paragraph: drop unclosed single marks, continue or close
		// double ones.
		var keep []openMark
		for _, o := range stack {
			if o.class == doubleMark {
				keep = append(keep, o)
			}
		}
		stack = keep
		if len(stack) == 0 {
			continue
		}
		if pi+1 < len(a.paras) {
			nr, _ := utf8.DecodeRuneInString(a.text[a.paras[pi+1].start:])
			if nr == stack[0].r || (stack[0].r == '"' && nr == '"') || (stack[0].r == '“' && nr == '“') {
				skipOpen = a.paras[pi+1].start
				stack = stack[:1]
				continue
			}
		}
		out = append(out, qspan{start: stack[0].pos, end: p.end, unclosed: true})
		stack = nil
	}
	// Order by start; compute depth from containment.
	sortQuotes(out)
	quoteDepths(out)
	a.quotes = out
	a.indexQuotes()
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
