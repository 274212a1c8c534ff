package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// phraseQuery matches the documents whose field has words at consecutive
// positions, each in one of its forms, scored as bleve's phrase query
// scores: by the conjunction of its words.
//
// It is bleve's phrase search made cheaper for phrases of common words,
// where most of the time went into checking candidates: bleve's phrase
// searcher builds a map of every candidate's word locations before
// checking them; this one checks the candidate's locations as the
// conjunction of words returns them, in buffers kept from one candidate to
// the next, and lets a candidate that is not a match go without
// allocating.
type phraseQuery struct {
	field string
	words [][]string // the forms of each word, in order
	// pairs are, for a phrase of statements' text, the fPairs terms of
	// each two adjacent words that have them: required, not scored.
	pairs [][]string
}

// newPhraseQuery returns the phrase query of words, given by their forms,
// over field: with their pairs when field is statements' text.
func newPhraseQuery(field string, words [][]string) phraseQuery {
	q := phraseQuery{field: field, words: words}
	if field == fText {
		for i := 1; i < len(words); i++ {
			if p := pairTerms(words[i-1], words[i]); p != nil {
				q.pairs = append(q.pairs, p)
			}
		}
	}
	return q
}

func (q phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	options.IncludeTermVectors = true
	var parts []bsearch.Searcher
	closeAll := func() {
		for _, p := range parts {
			p.Close()
		}
	}
	wordsOf := map[string][]int{}
	for i, forms := range q.words {
		var ss []bsearch.Searcher
		for _, f := range forms {
			if !slices.Contains(wordsOf[f], i) {
				wordsOf[f] = append(wordsOf[f], i)
			}
			s, err := searcher.NewTermSearcher(ctx, r, f, q.field, 1.0, options)
			if err != nil {
				closeAll()
				return nil, err
			}
			ss = append(ss, s)
		}
		if len(ss) == 1 {
			parts = append(parts, ss[0])
			continue
		}
		d, err := searcher.NewDisjunctionSearcher(ctx, r, ss, 1, options)
		if err != nil {
			for _, s := range ss {
				s.Close()
			}
			closeAll()
			return nil, err
		}
		parts = append(parts, d)
	}
	unscored := options
	unscored.Score, unscored.IncludeTermVectors = "none", false
	for _, terms := range q.pairs {
		var ss []bsearch.Searcher
		for _, t := range terms {
			s, err := searcher.NewTermSearcher(ctx, r, t, fPairs, 1.0, unscored)
			if err != nil {
				closeAll()
				return nil, err
			}
			ss = append(ss, s)
		}
		if len(ss) == 1 {
			parts = append(parts, unweighted{ss[0]})
			continue
		}
		d, err := searcher.NewDisjunctionSearcher(ctx, r, ss, 1, unscored)
		if err != nil {
			for _, s := range ss {
				s.Close()
			}
			closeAll()
			return nil, err
		}
		parts = append(parts, unweighted{d})
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, parts, options)
	if err != nil {
		closeAll()
		return nil, err
	}
	return &phraseSearcher{Searcher: conj, field: q.field, n: len(q.words), wordsOf: wordsOf, at: make([][]uint64, len(q.words))}, nil
}

// unweighted is a searcher that selects without weighing in the query
// normalisation of the conjunction it is part of, so that scores are those
// of the conjunction without it. It passes on bleve's optimisations, so
// that a conjunction of terms still intersects their posting bitmaps.
type unweighted struct{ bsearch.Searcher }

func (unweighted) Weight() float64      { return 0 }
func (unweighted) SetQueryNorm(float64) {}

func (u unweighted) Optimize(kind string, octx index.OptimizableContext) (index.OptimizableContext, error) {
	if o, ok := u.Searcher.(index.Optimizable); ok {
		return o.Optimize(kind, octx)
	}
	return nil, nil
}

// phraseSearcher filters the matches of the conjunction of a phrase's
// words to those where the words stand in order.
type phraseSearcher struct {
	bsearch.Searcher // the conjunction of the words
	field            string
	n                int
	wordsOf          map[string][]int // term → the words it is a form of
	at               [][]uint64       // positions of each word in the candidate
}

func (s *phraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	for {
		dm, err := s.Searcher.Next(ctx)
		if dm == nil || err != nil {
			return dm, err
		}
		if s.matches(dm) {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
}

func (s *phraseSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm == nil || err != nil || s.matches(dm) {
		return dm, err
	}
	ctx.DocumentMatchPool.Put(dm)
	return s.Next(ctx)
}

// matches reports whether the words stand in order somewhere in the
// candidate's field.
func (s *phraseSearcher) matches(dm *bsearch.DocumentMatch) bool {
	for i := range s.at {
		s.at[i] = s.at[i][:0]
	}
	for _, ftl := range dm.FieldTermLocations {
		if ftl.Field != s.field {
			continue
		}
		for _, w := range s.wordsOf[ftl.Term] {
			s.at[w] = append(s.at[w], ftl.Location.Pos)
		}
	}
	for i := range s.at {
		slices.Sort(s.at[i])
	}
next:
	for _, p := range s.at[0] {
		for w := 1; w < s.n; w++ {
			if _, ok := slices.BinarySearch(s.at[w], p+uint64(w)); !ok {
				continue next
			}
		}
		return true
	}
	return false
}

var _ query.Query = phraseQuery{}

// fuzzyQuery matches the documents whose field has a word within fuzziness
// edits of term, as bleve's fuzzy query does. When a single word of the
// index is that close, which is how most misspellings end, it searches
// for that word alone: bleve's fuzzy query would search a disjunction of
// one, whose bookkeeping costs a quarter of the time of a search of a
// common word. Scores are then the word's own: bleve's fuzzy query
// weighs the words it finds by their distance, which for one word changes
// every score alike.
type fuzzyQuery struct {
	field     string
	term      string
	fuzziness int
}

func (q fuzzyQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if fr, ok := r.(index.IndexReaderFuzzy); ok {
		dict, err := fr.FieldDictFuzzy(q.field, q.term, q.fuzziness, "")
		if err != nil {
			return nil, err
		}
		var words []string
		for len(words) < 2 {
			e, err := dict.Next()
			if err != nil {
				dict.Close()
				return nil, err
			}
			if e == nil {
				break
			}
			words = append(words, e.Term)
		}
		if err := dict.Close(); err != nil {
			return nil, err
		}
		if len(words) == 1 {
			return searcher.NewTermSearcher(ctx, r, words[0], q.field, 1.0, options)
		}
	}
	return searcher.NewFuzzySearcher(ctx, r, q.term, 0, q.fuzziness, q.field, 1.0, options)
}
