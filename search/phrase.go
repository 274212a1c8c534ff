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
		for _, f := range forms {
			if !slices.Contains(wordsOf[f], i) {
				wordsOf[f] = append(wordsOf[f], i)
			}
		}
		s, err := anyTermSearcher(ctx, r, q.field, forms, options)
		if err != nil {
			closeAll()
			return nil, err
		}
		parts = append(parts, s)
	}
	unscored := options
	unscored.Score, unscored.IncludeTermVectors = "none", false
	for _, terms := range q.pairs {
		s, err := anyTermSearcher(ctx, r, fPairs, terms, unscored)
		if err != nil {
			closeAll()
			return nil, err
		}
		parts = append(parts, unweighted{s})
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, parts, options)
	if err != nil {
		closeAll()
		return nil, err
	}
	return &phraseSearcher{Searcher: conj, field: q.field, n: len(q.words), wordsOf: wordsOf, at: make([][]uint64, len(q.words))}, nil
}

// anyTermSearcher returns the searcher of the documents whose field has
// any of terms: a term searcher for one term, or their disjunction.
func anyTermSearcher(ctx context.Context, r index.IndexReader, field string, terms []string, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	var ss []bsearch.Searcher
	for _, t := range terms {
		s, err := searcher.NewTermSearcher(ctx, r, t, field, 1.0, options)
		if err != nil {
			for _, s := range ss {
				s.Close()
			}
			return nil, err
		}
		ss = append(ss, s)
	}
	if len(ss) == 1 {
		return ss[0], nil
	}
	d, err := searcher.NewDisjunctionSearcher(ctx, r, ss, 1, options)
	if err != nil {
		for _, s := range ss {
			s.Close()
		}
		return nil, err
	}
	return d, nil
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
