package search

import (
	"cmp"
	"context"
	"encoding/base64"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// freshWait is how long a search waits for the index to take in changes
// committed just before it, so that a client finds what it just wrote.
const freshWait = 250 * time.Millisecond

// StatementQuery is a full-text search over statements.
type StatementQuery struct {
	// Query is in the query language (see the package's query.go): words,
	// "phrases", prefix*, fuzzy~ and -excluded terms.
	Query string
	// Filter narrows the matches as store.StatementFilter does, field for
	// field.
	Filter store.StatementFilter
	// First is the page size (store.DefaultPageSize when 0, at most
	// store.MaxPageSize); After is the cursor of the last hit of the
	// previous page.
	First int
	After string
	// Highlights asks for each hit's highlight (StatementHit.Highlights);
	// without it none is computed, which saves reading every hit's text.
	Highlights bool
}

// StatementHit is one statement found, best first.
type StatementHit struct {
	Statement *store.Statement
	// Score is the relevance (tf-idf over the words found); only the order
	// of scores within one result means anything. It is 0 in a fallback
	// result.
	Score      float64
	Highlights []Highlight
	Cursor     string
}

// Highlight is a fragment of a statement's text with the words the query
// matched.
type Highlight struct {
	// Fragment is a stretch of the statement's text, verbatim; Start is
	// its byte offset in the text.
	Fragment string
	Start    int
	// Matches are the byte ranges of the matched words, in the text
	// (not the fragment).
	Matches []store.Span
	// Prefix and Suffix report whether the fragment starts after the
	// beginning or ends before the end of the text.
	Prefix, Suffix bool
}

// HTML returns the fragment HTML-escaped, with each matched word in
// <mark>, and an ellipsis where text was cut.
func (h Highlight) HTML() string {
	var b strings.Builder
	if h.Prefix {
		b.WriteString("…")
	}
	at := h.Start
	for _, m := range h.Matches {
		b.WriteString(html.EscapeString(h.Fragment[at-h.Start : m.Start-h.Start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(h.Fragment[m.Start-h.Start : m.End-h.Start]))
		b.WriteString("</mark>")
		at = m.End
	}
	b.WriteString(html.EscapeString(h.Fragment[at-h.Start:]))
	if h.Suffix {
		b.WriteString("…")
	}
	return b.String()
}

// StatementResult is one page of a statement search.
type StatementResult struct {
	Hits []StatementHit
	// Total is the number of matches over all pages; -1 when unknown
	// (a fallback, or a filter on Covers or TextContains).
	Total   int
	HasNext bool
	// Lag is the number of committed changes the index had not taken in
	// when it was searched; their statements may be missing or stale.
	Lag uint64
	// Fallback is true when the index was unavailable and the store was
	// scanned instead: the query's words were matched as one piece of
	// text (TextContains), unranked, in the store's order.
	Fallback bool
	// CutShort is true when a fallback stopped scanning the store at its
	// bounds (Options.FallbackScan, FallbackTime) before reaching its
	// end: more statements may match than the result holds.
	CutShort bool
}

// SearchStatements runs a full-text search. It waits briefly for changes
// committed just before it to be indexed. When the index is unavailable it
// falls back to the store (see StatementResult.Fallback), so that a lost
// index never hides statements. Bad queries and filters give errs.Invalid.
func (ix *Index) SearchStatements(ctx context.Context, q StatementQuery) (*StatementResult, error) {
	clauses, err := parseQuery(q.Query)
	if err != nil {
		return nil, err
	}
	size, from, err := window(q.First, q.After)
	if err != nil {
		return nil, err
	}
	if err := validateFilter(q.Filter); err != nil {
		return nil, err
	}
	idx, lag, err := ix.fresh(ctx)
	if err != nil {
		return nil, err
	}
	if idx == nil {
		return ix.fallback(ctx, q, clauses, size, from, lag)
	}
	tq, ms, err := statementQuery(ctx, idx, q, clauses)
	if err != nil {
		return nil, err
	}
	// Covers and TextContains are not in the index: they are checked on
	// the statements, reading further hits until the page is full.
	post := postFilter(q.Filter)
	hits, total, err := ix.pageHits(ctx, idx, tq, post, size, from)
	if err != nil {
		return nil, err
	}
	res := &StatementResult{Lag: lag, Total: total}
	res.HasNext = len(hits) > size
	if res.HasNext {
		hits = hits[:size]
	}
	for i := range hits {
		hits[i].Cursor = cursorAt(from + i + 1)
	}
	res.Hits = hits
	if err := highlightHits(ctx, q, res.Hits, ms); err != nil {
		return nil, err
	}
	return res, nil
}

// statementQuery builds the index query of q: its clauses, scored, and
// the fields of its filter the index holds, unscored, so that only the
// words rank the hits. It returns the clauses' matchers too, for
// highlighting.
func statementQuery(ctx context.Context, idx *shards, q StatementQuery, clauses []clause) (query.Query, []matcher, error) {
	common, err := idx.commonWords(ctx, clauses)
	if err != nil {
		return nil, nil, errs.Wrap(errs.Internal, err, "reading the search index")
	}
	must, mustNot, filter, ms, err := textQuery(fText, clauses, common)
	if err != nil {
		return nil, nil, err
	}
	for _, fq := range statementFilterQuery(q.Filter) {
		must = append(must, unscored{fq})
	}
	if cq := containsQuery(q.Filter.TextContains); cq != nil {
		// Only the statements that may hold the text are read to be checked.
		must = append(must, unscored{cq})
	}
	return boolean(must, mustNot, filter), ms, nil
}

// pageHits returns the hits of tq on the page of size hits after the first
// from, plus the next hit when there is one, so that the caller can tell
// whether a next page exists; their cursors are left to the caller. total
// is the number of hits over all pages.
//
// Without post the index gives the page itself. With post (filter fields
// the index does not hold) the hits are read from the first, in chunks,
// keeping those post accepts and skipping the first from of them, until
// the page is full or the hits run out; total is then -1, as it is unknown
// without reading every hit.
func (ix *Index) pageHits(ctx context.Context, idx *shards, tq query.Query, post func(*store.Statement) bool, size, from int) (hits []StatementHit, total int, err error) {
	skip := 0 // hits before the page, when read from the first
	if post != nil {
		skip = from
	}
	for chunkFrom := 0; ; {
		chunk := size + 1
		if post != nil {
			chunk = max(4*(size+1), 100)
		} else {
			chunkFrom = from
		}
		sr, loaded, err := ix.searchChunk(ctx, idx, tq, chunk, chunkFrom)
		if err != nil {
			return nil, 0, err
		}
		if post == nil {
			total = int(sr.Total)
		}
		for i, s := range loaded {
			// nil: deleted since it was indexed; the follower removes it.
			if s == nil || post != nil && !post(s) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			hits = append(hits, StatementHit{Statement: s, Score: sr.Hits[i].Score})
		}
		if post == nil || len(hits) > size || len(sr.Hits) < chunk {
			break
		}
		chunkFrom += chunk
	}
	if post != nil {
		total = -1 // unknown without reading every hit
	}
	return hits, total, nil
}

// searchChunk runs tq for chunk hits after the first from, best first, and
// reads their statements from the store, in the same order: nil for a
// statement deleted since it was indexed.
func (ix *Index) searchChunk(ctx context.Context, idx *shards, tq query.Query, chunk, from int) (*bleve.SearchResult, []*store.Statement, error) {
	req := bleve.NewSearchRequestOptions(tq, chunk, from, false)
	// Equal scores in an order of their own: pages read by offset
	// neither repeat nor skip a hit.
	req.SortBy([]string{"-_score", "_id"})
	sr, err := idx.all.SearchInContext(ctx, req)
	if err != nil {
		return nil, nil, errs.Wrap(errs.Internal, err, "searching")
	}
	var ids []string
	for _, h := range sr.Hits {
		ids = append(ids, h.ID)
	}
	var loaded []*store.Statement
	if err := ix.st.View(ctx, func(tx store.Tx) error {
		var err error
		loaded, err = tx.StatementsByID(ids)
		return err
	}); err != nil {
		return nil, nil, err
	}
	return sr, loaded, nil
}

// highlightHits sets the highlights of hits when q asks for them.
func highlightHits(ctx context.Context, q StatementQuery, hits []StatementHit, ms []matcher) error {
	if !q.Highlights {
		return nil
	}
	for i := range hits {
		h, err := highlight(ctx, hits[i].Statement.Text, ms)
		if err != nil {
			return err
		}
		hits[i].Highlights = h
	}
	return nil
}

// fresh returns the index to search, after waiting up to freshWait for it
// to take in the changes committed so far, and how many it still lacks; a
// nil index when there is none to search.
func (ix *Index) fresh(ctx context.Context) (*shards, uint64, error) {
	ix.mu.RLock()
	idx, seq := ix.idx, ix.seq
	ix.mu.RUnlock()
	if idx != nil {
		ch, err := ix.st.Changes(ctx, seq, 1)
		if err != nil {
			return nil, 0, err
		}
		if len(ch) == 0 {
			return idx, 0, nil
		}
		wctx, cancel := context.WithTimeout(ctx, freshWait)
		ix.WaitCurrent(wctx)
		cancel()
		if ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
	}
	status, err := ix.Status(ctx)
	if err != nil {
		return nil, 0, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.idx, status.Lag, nil
}

// fallback answers a statement search from the store: the query's words,
// without operators, as one TextContains, in the store's order.
func (ix *Index) fallback(ctx context.Context, q StatementQuery, clauses []clause, size, from int, lag uint64) (*StatementResult, error) {
	var words []string
	var ms []matcher
	for _, c := range clauses {
		if !c.negated {
			words = append(words, c.text)
			for _, w := range Words(c.text) {
				ms = append(ms, matcher{forms: w.Forms, prefix: c.prefix, fuzziness: c.fuzziness})
			}
		}
	}
	f := q.Filter
	f.TextContains = strings.TrimSpace(f.TextContains + " " + strings.Join(words, " "))
	// Offsets are the cursors of search results; the store pages by its
	// own cursors, so read up to the offset and skip.
	items, cutShort, err := ix.scan(ctx, f, from+size+1)
	if err != nil {
		return nil, err
	}
	res := &StatementResult{Lag: lag, Fallback: true, Total: -1, CutShort: cutShort}
	if from < len(items) {
		items = items[from:]
	} else {
		items = nil
	}
	res.HasNext = len(items) > size
	if len(items) > size {
		items = items[:size]
	}
	for i, s := range items {
		res.Hits = append(res.Hits, StatementHit{Statement: s, Cursor: cursorAt(from + i + 1)})
	}
	if err := highlightHits(ctx, q, res.Hits, ms); err != nil {
		return nil, err
	}
	return res, nil
}

// scan returns up to want statements of the store that match f, in the
// store's order, reading them a page at a time and matching their text
// here, so that it can stop at the index's fallback bounds: then cutShort
// is true.
func (ix *Index) scan(ctx context.Context, f store.StatementFilter, want int) (items []*store.Statement, cutShort bool, err error) {
	folded := textfold.Fold(f.TextContains)
	f.TextContains = ""
	deadline := time.Now().Add(ix.fallbackTime)
	first := store.Page{First: min(store.MaxPageSize, ix.fallbackScan)}
	// Each page in its own read transaction, as searches are.
	pages := store.Pages(ctx, first, func(p store.Page) (c *store.Conn[*store.Statement], err error) {
		err = ix.st.View(ctx, func(tx store.Tx) error {
			var err error
			c, err = tx.ListStatements(f, p)
			return err
		})
		return c, err
	})
	scanned := 0
	for c, err := range pages {
		if err != nil {
			return nil, false, err
		}
		for _, s := range c.Items {
			if s.TextContainsFolded(folded) {
				items = append(items, s)
				if len(items) == want {
					return items, false, nil
				}
			}
		}
		scanned += len(c.Items)
		if c.HasNext && (scanned >= ix.fallbackScan || time.Now().After(deadline)) {
			return items, true, nil
		}
	}
	return items, false, nil
}

func validateFilter(f store.StatementFilter) error {
	if err := f.Said.Validate(); err != nil {
		return errs.Wrap(errs.Invalid, err, "said range is not valid")
	}
	if err := f.Covers.Validate(); err != nil {
		return errs.Wrap(errs.Invalid, err, "covers range is not valid")
	}
	for _, k := range f.Kinds {
		if k != store.Direct && k != store.Indirect {
			return errs.E(errs.Invalid, "statement kind %q is not DIRECT or INDIRECT", k)
		}
	}
	for _, s := range f.Statuses {
		if !slices.Contains(store.Statuses, s) {
			return errs.E(errs.Invalid, "statement status %q is not one of %v", s, store.Statuses)
		}
	}
	return nil
}

// statementFilterQuery returns the queries of the filter's indexed fields,
// all of which a statement must match; none when it has none. (Only
// statements have fText, so a query of it needs no filter by type.) They
// are kept apart, each a term when it can be, rather than put under one
// conjunction, so that the search's conjunction has them as direct parts:
// bleve intersects the posting bitmaps of a conjunction of terms before
// reading any, which makes a selective filter cheap.
func statementFilterQuery(f store.StatementFilter) []query.Query {
	var conj []query.Query
	anyOf := func(prefix string, values []string) {
		var qs []query.Query
		for _, v := range values {
			qs = append(qs, factQuery(prefix, v))
		}
		switch len(qs) {
		case 0:
		case 1:
			conj = append(conj, qs[0])
		default:
			conj = append(conj, query.NewDisjunctionQuery(qs))
		}
	}
	anyOf(factSpeaker, f.SpeakerIDs)
	anyOf(factOrg, f.OrganisationIDs)
	anyOf(factTopic, f.TopicIDs)
	anyOf(factSource, f.SourceIDs)
	var kinds, statuses []string
	for _, k := range f.Kinds {
		kinds = append(kinds, string(k))
	}
	for _, s := range f.Statuses {
		statuses = append(statuses, string(s))
	}
	anyOf(factKind, kinds)
	anyOf(factStatus, statuses)
	if !f.Said.IsZero() {
		conj = append(conj, saidQuery(f.Said))
	}
	return conj
}

// unscored is a query that selects without scoring. As a required clause
// of a search it narrows the search as bleve's filters do, but it takes
// part in the conjunction that drives the search, which skips ahead to the
// documents the filter holds, rather than being checked on every document
// the words match: a selective filter makes a search of common words cheap.
// Its score is zero, so the ranking is the words' alone.
type unscored struct{ query.Query }

func (q unscored) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	options.Score = "none"
	options.IncludeTermVectors = false
	options.Explain = false
	return q.Query.Searcher(ctx, i, m, options)
}

func factQuery(prefix, value string) query.Query {
	t := query.NewTermQuery(prefix + value)
	t.SetField(fFacts)
	return t
}

func factRange(prefix, lo, hi string) query.Query {
	yes := true
	q := query.NewTermRangeInclusiveQuery(prefix+lo, prefix+hi, &yes, &yes)
	q.SetField(fFacts)
	return q
}

// saidQuery matches the statements whose date said overlaps r, as
// store.StatementFilter.Said does: a date known to the year or month stands
// for all its days. Dates known only to the year or month are matched
// through their own terms; dates known to the day through the fewest
// ranges of whole years, whole months and days that make up r.
func saidQuery(r partialdate.Range) query.Query {
	a, b := partialdate.Date{Year: 1, Month: 1, Day: 1}, partialdate.Date{Year: 9999, Month: 12, Day: 31}
	if !r.From.IsZero() {
		a = r.From.First()
	}
	if !r.To.IsZero() {
		b = r.To.Last()
	}
	qs := []query.Query{
		factRange(factYearOnly, yyyy(a), yyyy(b)),
		factRange(factMonthOnly, yyyymm(a), yyyymm(b)),
	}
	return query.NewDisjunctionQuery(append(qs, dayCover(a, b)...))
}

// dayCover returns ranges of years, months and days whose union is the
// days from a to b, a not after b, each day known.
func dayCover(a, b partialdate.Date) []query.Query {
	endOfYear := func(y int) partialdate.Date { return partialdate.Date{Year: y, Month: 12, Day: 31} }
	startOfYear := func(y int) partialdate.Date { return partialdate.Date{Year: y, Month: 1, Day: 1} }
	if a.Year != b.Year {
		var qs []query.Query
		ya, yb := a.Year, b.Year
		if a != startOfYear(a.Year) {
			qs = append(qs, dayCover(a, endOfYear(a.Year))...)
			ya++
		}
		if b != endOfYear(b.Year) {
			qs = append(qs, dayCover(startOfYear(b.Year), b)...)
			yb--
		}
		if ya <= yb {
			qs = append(qs, factRange(factYear, yyyy(partialdate.Date{Year: ya}), yyyy(partialdate.Date{Year: yb})))
		}
		return qs
	}
	monthEnd := func(d partialdate.Date) partialdate.Date {
		return partialdate.Date{Year: d.Year, Month: d.Month}.Last()
	}
	if a.Month == b.Month {
		if a.Day == 1 && b == monthEnd(b) {
			return []query.Query{factRange(factMonth, yyyymm(a), yyyymm(b))}
		}
		return []query.Query{factRange(factDay, yyyymmdd(a), yyyymmdd(b))}
	}
	var qs []query.Query
	ma, mb := a.Month, b.Month
	if a.Day != 1 {
		qs = append(qs, factRange(factDay, yyyymmdd(a), yyyymmdd(monthEnd(a))))
		ma++
	}
	if b != monthEnd(b) {
		qs = append(qs, factRange(factDay, yyyymmdd(partialdate.Date{Year: b.Year, Month: b.Month, Day: 1}), yyyymmdd(b)))
		mb--
	}
	if ma <= mb {
		qs = append(qs, factRange(factMonth, yyyymm(partialdate.Date{Year: a.Year, Month: ma}), yyyymm(partialdate.Date{Year: a.Year, Month: mb})))
	}
	return qs
}

// postFilter checks the filter fields the index does not hold, or returns
// nil when there are none.
func postFilter(f store.StatementFilter) func(*store.Statement) bool {
	var checks []func(*store.Statement) bool
	if !f.Covers.IsZero() {
		checks = append(checks, func(s *store.Statement) bool { return s.CoversOverlapping(f.Covers) })
	}
	if f.TextContains != "" {
		want := textfold.Fold(f.TextContains)
		checks = append(checks, func(s *store.Statement) bool { return s.TextContainsFolded(want) })
	}
	if len(checks) == 0 {
		return nil
	}
	return func(s *store.Statement) bool {
		for _, c := range checks {
			if !c(s) {
				return false
			}
		}
		return true
	}
}

// Search results page by offset: a cursor is the number of hits before
// the next page, encoded so that clients treat it as opaque.
func cursorAt(n int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("s" + strconv.Itoa(n)))
}

func window(first int, after string) (size, from int, err error) {
	switch {
	case first < 0:
		return 0, 0, errs.E(errs.Invalid, "first must not be negative")
	case first == 0:
		first = store.DefaultPageSize
	case first > store.MaxPageSize:
		return 0, 0, errs.E(errs.TooLarge, "first may be at most %d", store.MaxPageSize)
	}
	if after == "" {
		return first, 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(after)
	if err == nil && len(b) > 1 && b[0] == 's' {
		if n, err := strconv.Atoi(string(b[1:])); err == nil && n >= 0 && n <= 100_000 {
			return first, n, nil
		}
	}
	return 0, 0, errs.E(errs.Invalid, "after is not a cursor of a search result")
}

// fragmentWords is about how many words a highlight shows around the
// matches it holds.
const fragmentWords = 24

// MaxHighlightBytes is how much of a statement's text a highlight looks
// at: a match further into a longer text is not marked.
const MaxHighlightBytes = 1 << 20

// checkEvery is how many words highlight reads between looks at its
// context, so that a cancelled request stops it soon.
const checkEvery = 4096

// highlight returns the fragment of text with the most matched words (all
// the text when it is short), or none when no word matched. Its time is
// linear in the text, of which it reads at most MaxHighlightBytes; it
// fails with the context's error when ctx ends.
func highlight(ctx context.Context, text string, ms []matcher) ([]Highlight, error) {
	seen := text
	if len(seen) > MaxHighlightBytes {
		cut := MaxHighlightBytes
		for cut > 0 && !utf8.RuneStart(seen[cut]) {
			cut--
		}
		seen = seen[:cut]
	}
	words := Words(seen)
	var hit []int
	for i, w := range words {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if slices.ContainsFunc(ms, func(m matcher) bool { return m.matches(w) }) {
			hit = append(hit, i)
		}
	}
	if len(hit) == 0 {
		return nil, nil
	}
	lo, hi := 0, len(words)
	if len(words) > fragmentWords {
		best := densestWindow(hit, fragmentWords)
		lo = max(0, best-fragmentWords/4)
		hi = min(len(words), lo+fragmentWords)
		lo = max(0, hi-fragmentWords)
	}
	start, end := 0, len(text)
	if lo > 0 {
		start = words[lo].Start
	}
	if hi < len(words) || len(seen) < len(text) {
		end = words[hi-1].End
	}
	h := Highlight{Fragment: text[start:end], Start: start, Prefix: start > 0, Suffix: end < len(text)}
	for _, i := range hit {
		if i >= lo && i < hi {
			h.Matches = append(h.Matches, store.Span{Start: words[i].Start, End: words[i].End})
		}
	}
	return []Highlight{h}, nil
}

// densestWindow returns the first of the ascending positions hit that
// starts the window of width positions holding the most of them: two
// pointers, so linear in len(hit).
func densestWindow(hit []int, width int) int {
	best, bestN := hit[0], 0
	j := 0
	for k, h := range hit {
		for j < len(hit) && hit[j] < h+width {
			j++
		}
		if n := j - k; n > bestN {
			best, bestN = h, n
		}
	}
	return best
}

// NameHit is a speaker, organisation or topic found by name.
type NameHit struct {
	ID    string
	Score float64
}

// SearchNames finds records of one type (speakers, organisations or
// topics) by any of their names. Every word of the query must match a word
// of a name, as written or as the start of one ("Kər" finds Kərimli), or,
// for words of five letters or more, within one edit. Best first, up to
// limit (store.DefaultPageSize when 0). When the index is unavailable it
// falls back to the store's name filters.
func (ix *Index) SearchNames(ctx context.Context, typ store.RecordType, q string, limit int) ([]NameHit, error) {
	switch typ {
	case store.SpeakerType, store.OrganisationType, store.TopicType:
	default:
		return nil, errs.E(errs.Invalid, "names of %s records are not searchable", typ)
	}
	if limit == 0 {
		limit = store.DefaultPageSize
	}
	if limit < 0 || limit > store.MaxPageSize {
		return nil, errs.E(errs.Invalid, "limit must be between 1 and %d", store.MaxPageSize)
	}
	clauses, err := parseQuery(q)
	if err != nil {
		return nil, err
	}
	idx, _, err := ix.fresh(ctx)
	if err != nil {
		return nil, err
	}
	if idx == nil {
		return ix.namesFallback(ctx, typ, q, limit)
	}
	var must, mustNot []query.Query
	for _, c := range clauses {
		var qq query.Query
		if c.phrase || c.prefix || c.fuzziness > 0 {
			qq, _, err = c.build(fName)
			if err != nil {
				return nil, err
			}
		} else {
			qq = nameWordsQuery(c.text)
		}
		if c.negated {
			mustNot = append(mustNot, qq)
		} else {
			must = append(must, qq)
		}
	}
	bq := query.NewBooleanQuery(must, nil, mustNot)
	bq.AddFilter(factQuery(factType, string(typ)))
	sr, err := idx.all.SearchInContext(ctx, bleve.NewSearchRequestOptions(bq, limit, 0, false))
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "searching names")
	}
	out := make([]NameHit, len(sr.Hits))
	for i, h := range sr.Hits {
		out[i] = NameHit{ID: h.ID, Score: h.Score}
	}
	return out, nil
}

// nameWordsQuery matches every word of text as written (scored highest), as
// a prefix, or within one edit.
func nameWordsQuery(text string) query.Query {
	var conj []query.Query
	for _, w := range Words(text) {
		var alts []query.Query
		for _, f := range w.Forms {
			exact := query.NewTermQuery(f)
			exact.SetField(fName)
			exact.SetBoost(3)
			alts = append(alts, exact)
			p := query.NewPrefixQuery(f)
			p.SetField(fName)
			alts = append(alts, p)
			if len([]rune(f)) >= 5 {
				fq := query.NewFuzzyQuery(f)
				fq.SetField(fName)
				fq.SetFuzziness(1)
				fq.SetBoost(0.5)
				alts = append(alts, fq)
			}
		}
		conj = append(conj, query.NewDisjunctionQuery(alts))
	}
	return query.NewConjunctionQuery(conj)
}

func (ix *Index) namesFallback(ctx context.Context, typ store.RecordType, q string, limit int) ([]NameHit, error) {
	var out []NameHit
	p := store.Page{First: limit}
	err := ix.st.View(ctx, func(tx store.Tx) error {
		var ids []string
		switch typ {
		case store.SpeakerType:
			c, err := tx.ListSpeakers(store.SpeakerFilter{Name: q}, p)
			if err != nil {
				return err
			}
			for _, r := range c.Items {
				ids = append(ids, r.ID)
			}
		case store.OrganisationType:
			c, err := tx.ListOrganisations(store.OrganisationFilter{Name: q}, p)
			if err != nil {
				return err
			}
			for _, r := range c.Items {
				ids = append(ids, r.ID)
			}
		case store.TopicType:
			c, err := tx.ListTopics(store.TopicFilter{Name: q}, p)
			if err != nil {
				return err
			}
			for _, r := range c.Items {
				ids = append(ids, r.ID)
			}
		}
		for _, id := range ids {
			out = append(out, NameHit{ID: id})
		}
		return nil
	})
	return out, err
}

// maxCandidateTerms is how many of a quote's words candidate retrieval
// looks up at most: the rarest.
const maxCandidateTerms = 12

// commonShare is the share of statements past which a word of a quote is
// left out of candidate retrieval (when rarer words are left): a statement
// matching it is hardly more likely to be the quote's, and its postings
// are most of a retrieval's cost.
const commonShare = 50

// Candidates returns the ids of up to n statements sharing the most of
// words, best first, as ranked by a disjunction of the words (tf-idf, more
// words matched ranking higher): what quote verification compares a quote
// against. A word matches by any of its forms; forms the index lacks cost
// nothing. Words in more than one statement in commonShare are left out
// unless fewer than two words are rarer, and of the rest only the
// maxCandidateTerms rarest are looked up. It fails with errs.Unavailable
// when there is no index to search.
func (ix *Index) Candidates(ctx context.Context, words []Word, n int) ([]string, error) {
	idx, _, err := ix.fresh(ctx)
	if err != nil {
		return nil, err
	}
	if idx == nil {
		return nil, errs.E(errs.Unavailable, "the search index is unavailable: it is being built, or failed (see the server's log)")
	}
	type term struct {
		forms []string
		df    uint64
	}
	var terms []term
	seen := map[string]bool{}
	cnt, err := idx.counter()
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "reading the search index")
	}
	defer cnt.Close()
	statements, err := cnt.statements(ctx)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "reading the search index")
	}
	for _, w := range words {
		if seen[w.Forms[0]] {
			continue
		}
		seen[w.Forms[0]] = true
		t := term{}
		for _, f := range w.Forms {
			df, err := cnt.docFreq(ctx, fText, f)
			if err != nil {
				return nil, errs.Wrap(errs.Internal, err, "reading the search index")
			}
			if df > 0 {
				t.forms = append(t.forms, f)
				t.df += df
			}
		}
		if t.df > 0 {
			terms = append(terms, t)
		}
	}
	if len(terms) == 0 {
		return nil, nil
	}
	slices.SortStableFunc(terms, func(a, b term) int { return cmp.Compare(a.df, b.df) })
	keep := min(len(terms), maxCandidateTerms)
	for keep > 2 && terms[keep-1].df > statements/commonShare {
		keep--
	}
	var should []query.Query
	for _, t := range terms[:keep] {
		should = append(should, anyTerm(fText, t.forms))
	}
	bq := query.NewBooleanQuery(nil, should, nil)
	sr, err := idx.all.SearchInContext(ctx, bleve.NewSearchRequestOptions(bq, n, 0, false))
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "searching candidates")
	}
	ids := make([]string, len(sr.Hits))
	for i, h := range sr.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}
