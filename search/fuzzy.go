package search

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

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

var _ query.Query = fuzzyQuery{}
