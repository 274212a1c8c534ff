package search

import (
	"context"
	"errors"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// MaxTextCandidates bounds the statements TextCandidates returns: a text
// found in more is looked for by the store's scan, which then costs no
// more than reading the candidates would.
const MaxTextCandidates = 250_000

// TextCandidates returns the ids of the statements that may match f's
// TextContains and its indexed fields: every statement that does, and
// others (a word of the text that is a word's prefix or suffix where the
// text needs it whole), so the caller still checks TextContains on each,
// as store.StatementFilter.IDs does. ok is false when the index cannot
// say: when it is unavailable or behind the store, when the text has no
// word of three letters or more to look for, or when more than
// MaxTextCandidates statements may match.
func (ix *Index) TextCandidates(ctx context.Context, f store.StatementFilter) (ids []string, ok bool, err error) {
	q := containsQuery(f.TextContains)
	if q == nil {
		return nil, false, nil
	}
	idx, lag, err := ix.fresh(ctx)
	if err != nil || idx == nil || lag > 0 {
		return nil, false, err
	}
	must := []query.Query{q}
	for _, fq := range statementFilterQuery(f) {
		must = append(must, fq)
	}
	ids, err = idx.matchingIDs(ctx, query.NewConjunctionQuery(must), MaxTextCandidates)
	if errors.Is(err, errTooMany) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, errs.Wrap(errs.Internal, err, "reading the search index")
	}
	return ids, true, nil
}

// containsQuery returns the query of the statements whose words can hold
// text (as StatementFilter.TextContains matches it, folded): its inner
// words as words, its first word as a word's end and its last as a word's
// start, which they may be in the statement; a text of one word is looked
// for inside words. Nil when the text has no word to look for that would
// narrow the statements (a word of fewer than three letters alone).
func containsQuery(text string) query.Query {
	words := Words(text)
	if len(words) == 0 || len(words) == 1 && utf8.RuneCountInString(words[0].Forms[0]) < 3 {
		return nil
	}
	var must []query.Query
	for i, w := range words {
		var qs []query.Query
		for _, form := range w.Forms {
			var q query.FieldableQuery
			switch {
			case len(words) == 1:
				q = query.NewWildcardQuery("*" + form + "*")
			case i == 0:
				q = query.NewWildcardQuery("*" + form)
			case i == len(words)-1:
				q = query.NewPrefixQuery(form)
			default:
				q = query.NewTermQuery(form)
			}
			q.SetField(fText)
			qs = append(qs, q)
		}
		must = append(must, query.NewDisjunctionQuery(qs))
	}
	return query.NewConjunctionQuery(must)
}

var errTooMany = errors.New("too many matches")

// matchingIDs returns the ids of the documents q matches, reading every
// shard on a goroutine of its own; errTooMany past max of them.
func (idx *shards) matchingIDs(ctx context.Context, q query.Query, max int) ([]string, error) {
	parts := make([][]string, len(idx.parts))
	errs := make([]error, len(idx.parts))
	var wg sync.WaitGroup
	for i, p := range idx.parts {
		wg.Go(func() { parts[i], errs[i] = idsOf(ctx, p, q, max) })
	}
	wg.Wait()
	var out []string
	for i := range parts {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, parts[i]...)
		if len(out) > max {
			return nil, errTooMany
		}
	}
	return out, nil
}

func idsOf(ctx context.Context, p bleve.Index, q query.Query, max int) (ids []string, err error) {
	adv, err := p.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, r.Close()) }()
	s, err := q.Searcher(ctx, r, p.Mapping(), bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, s.Close()) }()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for {
		if len(ids)%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil || dm == nil {
			return ids, err
		}
		id, err := r.ExternalID(dm.IndexInternalID)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
		if len(ids) > max {
			return nil, errTooMany
		}
		sctx.DocumentMatchPool.Put(dm)
	}
}
