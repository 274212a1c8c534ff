package search

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/quotedb/quotedb/errs"
)

// The query language, for statements and names alike:
//
//	inflation prices      both words (in any order and place)
//	"would not improve"   the words as a phrase
//	infla*                a word starting with infla (two letters at least)
//	inflaton~  inflaton~2 a word within 1 (or 2) edits of inflaton
//	inflation~0           exactly this word, without typo tolerance
//	-war                  not containing war (also -"...", -infla*)
//
// A plain word of a statement search tolerates typos (see typos): one edit
// in a word of 5 to 8 letters, two in a longer one, the word as written
// ranking first. Words in quotes, words with ~ and excluded words do not.
//
// Case and diacritics never matter: Kərimli, Kerimli, Karimli and KƏRİMLİ
// all find Kərimli. Words are ANDed; there is no OR.

// clause is one element of a query.
type clause struct {
	text      string // as typed, without operators
	phrase    bool
	prefix    bool
	fuzziness int // 0: exact
	negated   bool
	// exact is true for a word written with ~0: no typo tolerance.
	exact bool
	// typo is true when fuzziness was set by typo tolerance rather than
	// written with ~; the word as written then ranks first.
	typo bool
}

// maxClauses bounds the elements of one query.
const maxClauses = 32

// ErrEmptyQuery is returned (wrapped, kind Invalid) for a query with no
// words to look for.
var ErrEmptyQuery = errs.E(errs.Invalid, "the search query has no words to look for")

func parseQuery(q string) ([]clause, error) {
	var out []clause
	rs := []rune(q)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		var c clause
		if rs[i] == '-' {
			c.negated = true
			i++
		}
		if i < len(rs) && (rs[i] == '"' || rs[i] == '“' || rs[i] == '”' || rs[i] == '«' || rs[i] == '„') {
			j := i + 1
			for j < len(rs) && !closesQuote(rs[i], rs[j]) {
				j++
			}
			c.text, c.phrase = string(rs[i+1:j]), true
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			w := string(rs[i:j])
			i = j
			switch {
			case strings.HasSuffix(w, "*"):
				c.prefix = true
				w = strings.TrimRight(w, "*")
			case strings.Contains(w, "~"):
				k := strings.LastIndex(w, "~")
				c.fuzziness = 1
				if d := w[k+1:]; d != "" {
					n, err := strconv.Atoi(d)
					if err != nil || n < 0 || n > 2 {
						return nil, errs.E(errs.Invalid, "fuzziness in %q must be 0, 1 or 2", w)
					}
					c.fuzziness = n
					c.exact = n == 0
				}
				w = w[:k]
			}
			c.text = w
		}
		if len(Words(c.text)) == 0 {
			continue
		}
		out = append(out, c)
		if len(out) > maxClauses {
			return nil, errs.E(errs.TooLarge, "a search query has at most %d words and phrases", maxClauses)
		}
	}
	positive := 0
	for _, c := range out {
		if !c.negated {
			positive++
		}
	}
	if positive == 0 {
		return nil, ErrEmptyQuery
	}
	return out, nil
}

// closesQuote reports whether r closes a phrase opened by open: its own
// closing mark, or a straight one, so that a quotation mark of another
// kind inside the phrase ("and “it would be") is part of it, not its end.
func closesQuote(open, r rune) bool {
	switch open {
	case '"':
		return r == '"'
	case '«':
		return r == '»' || r == '"'
	case '„':
		return r == '“' || r == '”' || r == '"'
	}
	return r == '”' || r == '"' || r == '“' && open == '”'
}

// build returns the query of one clause over field, and the terms it looks
// for (for highlighting).
func (c clause) build(field string) (query.Query, []matcher, error) {
	words := Words(c.text)
	if c.phrase || len(words) > 1 && !c.prefix && c.fuzziness == 0 {
		terms := make([][]string, len(words))
		var ms []matcher
		for i, w := range words {
			terms[i] = w.Forms
			ms = append(ms, matcher{forms: w.Forms})
		}
		if len(terms) == 1 {
			return anyTerm(field, terms[0]), ms, nil
		}
		return newPhraseQuery(field, terms), ms, nil
	}
	// A prefix or fuzzy word that splits into several ("re-elect*")
	// looks for its last part.
	w := words[len(words)-1]
	m := matcher{forms: w.Forms, prefix: c.prefix, fuzziness: c.fuzziness}
	var qs []query.Query
	for _, f := range w.Forms {
		switch {
		case c.prefix:
			if len([]rune(f)) < 2 {
				return nil, nil, errs.E(errs.Invalid, "a prefix needs two letters at least: %q", c.text+"*")
			}
			p := query.NewPrefixQuery(f)
			p.SetField(field)
			qs = append(qs, p)
		case c.typo:
			exact := query.NewTermQuery(f)
			exact.SetField(field)
			exact.SetBoost(exactBoost)
			qs = append(qs, exact, fuzzyQuery{field: field, term: f, fuzziness: c.fuzziness})
		case c.fuzziness > 0:
			qs = append(qs, fuzzyQuery{field: field, term: f, fuzziness: c.fuzziness})
		default:
			t := query.NewTermQuery(f)
			t.SetField(field)
			qs = append(qs, t)
		}
	}
	if len(qs) == 1 {
		return qs[0], []matcher{m}, nil
	}
	return query.NewDisjunctionQuery(qs), []matcher{m}, nil
}

func anyTerm(field string, forms []string) query.Query {
	var qs []query.Query
	for _, f := range forms {
		t := query.NewTermQuery(f)
		t.SetField(field)
		qs = append(qs, t)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// exactBoost weighs a word as written against the words within its typo
// tolerance, so that statements with the word as written rank first.
const exactBoost = 8

// typos returns the edits a plain word of a search tolerates: none up to 4
// letters, where one edit makes another common word ("war", "was"), one
// from 5 to 8 letters, two above, as Meilisearch and Typesense do.
func typos(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n <= 4:
		return 0
	case n <= 8:
		return 1
	}
	return 2
}

// tolerant returns c with the typo tolerance of a plain word, when it is
// one and common (a word in most statements, spelt right) is false.
func (c clause) tolerant(common bool) clause {
	if !c.isWord() || c.exact || common {
		return c
	}
	if n := typos(Words(c.text)[0].Forms[0]); n > 0 {
		c.fuzziness, c.typo = n, true
	}
	return c
}

// textQuery returns the queries over field for the parsed clauses: those
// that must match and are scored, those that must not match, and those
// that must match but are not scored, the clauses common marks (see
// commonWords); and the matchers of its positive clauses.
func textQuery(field string, clauses []clause, common []bool) (must, mustNot, filter []query.Query, ms []matcher, err error) {
	for i, c := range clauses {
		isCommon := i < len(common) && common[i]
		q, m, err := c.tolerant(isCommon).build(field)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		switch {
		case c.negated:
			mustNot = append(mustNot, q)
			continue
		case isCommon:
			filter = append(filter, q)
		default:
			must = append(must, q)
		}
		ms = append(ms, m...)
	}
	return must, mustNot, filter, ms, nil
}

// boolean returns the query of documents that match every one of must and
// of filter and none of mustNot, scored by must alone: the one query of
// must itself when that is all, since a conjunction of one query costs a
// step for every document it finds.
//
// The queries of filter are checked on each document must finds, rather
// than taking part in must's conjunction as unscored queries do: they are
// words in most statements, which a conjunction would step through
// alongside must's, while a check skips straight to the document.
func boolean(must, mustNot, filter []query.Query) query.Query {
	if len(must) == 1 && len(mustNot) == 0 && len(filter) == 0 {
		return must[0]
	}
	q := query.NewBooleanQuery(must, nil, mustNot)
	switch len(filter) {
	case 0:
	case 1:
		q.AddFilter(filter[0])
	default:
		q.AddFilter(query.NewConjunctionQuery(filter))
	}
	return q
}

// isWord reports whether the clause looks for one word as written.
func (c clause) isWord() bool {
	return !c.negated && !c.phrase && !c.prefix && (c.fuzziness == 0 || c.typo) && len(Words(c.text)) == 1
}

// matcher tells whether a word of a text is one a query looked for.
type matcher struct {
	forms     []string
	prefix    bool
	fuzziness int
}

func (m matcher) matches(w Word) bool {
	for _, f := range m.forms {
		for _, g := range w.Forms {
			switch {
			case m.prefix:
				if strings.HasPrefix(g, f) {
					return true
				}
			case m.fuzziness > 0:
				if editDistanceWithin(f, g, m.fuzziness) {
					return true
				}
			default:
				if f == g {
					return true
				}
			}
		}
	}
	return false
}

// editDistanceWithin reports whether the Levenshtein distance between a
// and b, in runes, is at most k.
func editDistanceWithin(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > k || -d > k {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}
