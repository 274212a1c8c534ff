package extract

import (
	"iter"
	"slices"
	"sort"
	"strings"
)

// Lookups over the quotations and name mentions, built once after they are
// found, so that asking about one position costs a search rather than a
// pass over the whole document: without them extraction time grew with
// the square of the text.

// quoteIndex answers questions about a.quotes, which are in order of start.
type quoteIndex struct {
	// outer are the indexes in a.quotes of the outermost quotations with
	// both marks; outerEnd[k] is the furthest end of outer[:k+1].
	outer    []int
	outerEnd []int
	// endingAt and startingAt give, by byte offset, the first outermost
	// quotation with both marks (and, for endingAt, closed) ending or
	// starting there.
	endingAt, startingAt map[int]int
	// missingOpenEnd holds the ends of quotations whose opening mark is
	// missing.
	missingOpenEnd map[int]bool
}

func (a *analysis) indexQuotes() {
	ix := quoteIndex{endingAt: map[int]int{}, startingAt: map[int]int{}, missingOpenEnd: map[int]bool{}}
	for i, q := range a.quotes {
		if q.missingOpen {
			ix.missingOpenEnd[q.end] = true
		}
		if q.depth != 0 || q.missingOpen {
			continue
		}
		furthest := q.end
		if n := len(ix.outerEnd); n > 0 {
			furthest = max(furthest, ix.outerEnd[n-1])
		}
		ix.outer = append(ix.outer, i)
		ix.outerEnd = append(ix.outerEnd, furthest)
		if _, ok := ix.startingAt[q.start]; !ok {
			ix.startingAt[q.start] = i
		}
		if _, ok := ix.endingAt[q.end]; !ok && !q.unclosed {
			ix.endingAt[q.end] = i
		}
	}
	a.qix = ix
}

// quotesStarting yields the quotations (with their index in a.quotes) that
// start at or after byte from and before byte to, in order.
func (a *analysis) quotesStarting(from, to int) iter.Seq2[int, qspan] {
	return func(yield func(int, qspan) bool) {
		i := sort.Search(len(a.quotes), func(i int) bool { return a.quotes[i].start >= from })
		for ; i < len(a.quotes) && a.quotes[i].start < to; i++ {
			if !yield(i, a.quotes[i]) {
				return
			}
		}
	}
}

// quoteDepths sets the depth of each of quotes, in order of start (and of
// end, descending, on equal starts): how many earlier quotations with an
// opening mark contain it. As the earlier ones start no later, that is
// how many of them end no sooner, which a Fenwick tree over the ends
// counts in logarithmic time.
func quoteDepths(quotes []qspan) {
	ends := make([]int, 0, len(quotes))
	for _, q := range quotes {
		ends = append(ends, q.end)
	}
	slices.Sort(ends)
	ends = slices.Compact(ends)
	tree := make([]int, len(ends)+1) // counts by rank of end, from the largest
	rank := func(end int) int {
		r, _ := slices.BinarySearch(ends, end)
		return len(ends) - r // 1 for the largest end
	}
	for i := range quotes {
		r := rank(quotes[i].end)
		n := 0
		for k := r; k > 0; k -= k & -k {
			n += tree[k]
		}
		quotes[i].depth = n
		if !quotes[i].missingOpen {
			for k := r; k < len(tree); k += k & -k {
				tree[k]++
			}
		}
	}
}

// mentionIndex answers questions about a.mentions, which are in order of
// position.
type mentionIndex struct {
	// byWord lists, for each lower-case word, the mentions of names of
	// two or more words that have it.
	byWord map[string][]int
	// bySuffix lists, for the last words of a person's name (lower case,
	// joined by spaces), the mentions of longer names ending in them.
	bySuffix map[string][]int
}

func (a *analysis) indexMentions() {
	ix := mentionIndex{byWord: map[string][]int{}, bySuffix: map[string][]int{}}
	for i, m := range a.mentions {
		if !strings.Contains(m.name, " ") {
			continue
		}
		words := strings.Fields(strings.ToLower(m.name))
		for _, w := range words {
			if l := ix.byWord[w]; len(l) == 0 || l[len(l)-1] != i {
				ix.byWord[w] = append(l, i)
			}
		}
		if !m.person {
			continue
		}
		last := len(words)
		if generationSuffixes[strings.TrimSuffix(words[last-1], ".")] && last > 2 {
			last-- // "Martin Luther King Jr.": "King" and "Luther King" name him too
		}
		for _, end := range []int{len(words), last} {
			for k := 1; k < end; k++ {
				key := strings.Join(words[k:end], " ")
				if l := ix.bySuffix[key]; len(l) == 0 || l[len(l)-1] != i {
					ix.bySuffix[key] = append(l, i)
				}
			}
		}
	}
	a.mix = ix
}

// mentionsBefore returns how many mentions are before byte pos.
func (a *analysis) mentionsBefore(pos int) int {
	return sort.Search(len(a.mentions), func(k int) bool { return a.mentions[k].pos >= pos })
}

// mentionsUpTo returns how many of the mentions listed (by index, in order
// of position) are at or before byte pos (or, when strictly, before it).
func (a *analysis) mentionsUpTo(list []int, pos int, strictly bool) int {
	return sort.Search(len(list), func(k int) bool {
		p := a.mentions[list[k]].pos
		return p > pos || strictly && p == pos
	})
}
