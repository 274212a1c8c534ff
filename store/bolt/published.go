package bolt

import (
	"bytes"
	"slices"

	"github.com/quotedb/quotedb/store"
)

// Statements in order of date published (store.OrderPublished). No index
// is kept in that order: a statement's key in it would depend on its
// source's date, and changing a source would rewrite the keys of all its
// statements. The order is walked instead as sources in order of date
// published (ixSourceAll), each followed by its statements in order of
// date said (ixStmtSource), so a sort key is the source's sort key and
// then the statement's.

// noSource is the source part of the sort key of a statement without a
// source: before every source, as a date unknown.
var noSource = make([]byte, datedLen)

// maxPublishedSort bounds the statements a filter may match for them to be
// gathered and sorted in memory, which is how a selective filter (a
// speaker, a topic) is listed by date published; a filter matching more is
// listed by walking every source and checking each statement.
const maxPublishedSort = 4096

// grouped is a run over keys made of a group's key (gLen bytes, from
// groups) followed by a key of that group's own run (from inner).
type grouped struct {
	groups run
	inner  func(g []byte) run
	gLen   int

	back bool
	g    []byte
	in   run
}

func (r *grouped) start(k []byte, back bool) {
	r.back = back
	var gk []byte
	if k != nil {
		gk = k[:r.gLen]
	}
	r.groups.start(gk, back)
	if r.g = r.groups.next(); r.g == nil {
		return
	}
	var ik []byte
	if k != nil && bytes.Equal(r.g, gk) {
		ik = k[r.gLen:]
	}
	r.in = r.inner(r.g)
	r.in.start(ik, back)
}

func (r *grouped) next() []byte {
	for r.g != nil {
		if k := r.in.next(); k != nil {
			return cat(r.g, k)
		}
		if r.g = r.groups.next(); r.g == nil {
			return nil
		}
		r.in = r.inner(r.g)
		r.in.start(nil, r.back)
	}
	return nil
}

// listByPublished lists the statements of q in order of date published.
// keyOK checks a statement's sort key in order of date said; driver is
// the index statementDriver chose for that order.
func (t *tx) listByPublished(q *stmtQuery, driver candidate, keyOK func([]byte) bool, w window) (*store.Conn[*store.Statement], error) {
	idOf := func(sk []byte) []byte { return sk[datedLen+dateLen:] }
	// walkSources is the plan that walks sources, checking every field
	// of the filter but exactField's on each statement.
	walkSources := func(exactField string) (*store.Conn[*store.Statement], error) {
		r, err := t.bySource(q)
		if err != nil {
			return nil, err
		}
		pl := &plan[*store.Statement]{run: r, skLen: store.PublishedLen}
		if keyOK != nil {
			pl.keyOK = func(sk []byte) bool { return keyOK(sk[datedLen:]) }
		}
		match := q.matcher(t, exactField)
		pl.exact = match == nil
		pl.load = loadMatch(t, store.StatementType, idOf, match)
		return page(t.ctx, pl, w)
	}
	switch {
	case driver.field == "" || driver.field == "sources":
		return walkSources(driver.field)
	case len(driver.runs) == 0:
		return page(t.ctx, &plan[*store.Statement]{run: emptyRun{}, skLen: store.PublishedLen, exact: true}, w)
	}
	r := merge(driver.runs)
	if probe(r, maxPublishedSort+1) > maxPublishedSort {
		return walkSources("")
	}
	keys, err := t.publishedKeys(r, keyOK, q.matcher(t, driver.exactField()))
	if err != nil {
		return nil, err
	}
	return page(t.ctx, &plan[*store.Statement]{
		run:   &memRun{keys: keys},
		skLen: store.PublishedLen,
		exact: true,
		load:  loadMatch[store.Statement](t, store.StatementType, idOf, nil),
	}, w)
}

// bySource is the run of every statement in order of date published, or
// of the statements of q's sources when it names some; the date said is
// bounded as q's filter asks.
func (t *tx) bySource(q *stmtQuery) (run, error) {
	said := q.f.Said
	inner := func(g []byte) run {
		if bytes.Equal(g, noSource) {
			return dateRuns(t.ix(ixStmtNoSource), nil, said)
		}
		return dateRuns(t.ix(ixStmtSource), g[dateLen:], said)
	}
	if len(q.sources) == 0 {
		all := merge([]run{&memRun{keys: [][]byte{noSource}}, newScan(t.ix(ixSourceAll), nil, datedLen, nil, nil)})
		return &grouped{groups: all, inner: inner, gLen: datedLen}, nil
	}
	var keys [][]byte
	for _, id := range q.sources {
		src, err := load[store.Source](t, store.SourceType, id)
		if err != nil {
			return nil, err
		}
		if src != nil { // no such source, none of its statements either
			keys = append(keys, dated(src.Published, id))
		}
	}
	slices.SortFunc(keys, bytes.Compare)
	return &grouped{groups: &memRun{keys: keys}, inner: inner, gLen: datedLen}, nil
}

// publishedKeys gathers the statements of run r (in order of date said)
// that keyOK and match accept (either may be nil), and returns their sort
// keys in order of date published, sorted. It walks r as a list's plan
// does: repeated keys dropped, the context checked as it goes.
func (t *tx) publishedKeys(r run, keyOK func([]byte) bool, match func(*store.Statement) bool) ([][]byte, error) {
	pl := &plan[*store.Statement]{run: r, keyOK: keyOK, load: loadMatch(t, store.StatementType, datedID, match)}
	groups := map[string][]byte{"": noSource}
	var keys [][]byte
	for w := pl.walk(t.ctx, nil, false); ; {
		sk, s, err := w.next(true)
		if err != nil {
			return nil, err
		}
		if sk == nil {
			break
		}
		g, ok := groups[s.SourceID]
		if !ok {
			src, err := t.Source(s.SourceID)
			if err != nil {
				return nil, err
			}
			g = dated(src.Published, mustID(src.ID))
			groups[s.SourceID] = g
		}
		keys = append(keys, cat(g, sk))
	}
	slices.SortFunc(keys, bytes.Compare)
	return keys, nil
}
