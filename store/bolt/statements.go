package bolt

import (
	"bytes"
	"slices"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// probeCap bounds how many keys the planner reads from each candidate
// driver to compare their sizes: enough to tell a small set from a large
// one, cheap next to loading a page.
const probeCap = 128

// ListStatements answers a filter by driving the scan with the index of
// one filter field (the union of its per-id streams, each bounded by the
// Said range) and checking the other fields on each record. The driver is
// the candidate with the fewest keys within probeCap, ties going to the
// earlier, typically more selective, field.
func (t *tx) ListStatements(f store.StatementFilter, p store.Page) (*store.Conn[*store.Statement], error) {
	w, err := parseOrderedPage(p, stmtOrderPages)
	if err != nil {
		return nil, err
	}
	q, err := t.statementQuery(f)
	if err != nil {
		return nil, err
	}
	driver, err := t.statementDriver(q)
	if err != nil {
		return nil, err
	}
	_, _, keyOK := dateBounds(f.Said)
	if q.idSet != nil && driver.field != "ids" {
		dateOK := keyOK
		keyOK = func(sk []byte) bool { return q.idSet[string(datedID(sk))] && (dateOK == nil || dateOK(sk)) }
	}
	if p.Order == store.OrderPublished {
		return t.listByPublished(q, driver, keyOK, w)
	}
	var r run = emptyRun{}
	if len(driver.runs) > 0 {
		r = merge(driver.runs)
	}
	match := q.matcher(t, driver.exactField())
	return page(t.ctx, &plan[*store.Statement]{
		run:   r,
		skLen: datedLen,
		keyOK: keyOK,
		exact: match == nil,
		load:  loadMatch(t, store.StatementType, datedID, match),
	}, w)
}

// stmtOrderPages are the orders of statements.
var stmtOrderPages = map[store.Order]int{store.OrderDefault: datedLen, store.OrderPublished: store.PublishedLen}

// candidate is an index that can drive a list of statements: the runs of
// its keys (in order of date said) and whether the index alone decides its
// field of the filter.
type candidate struct {
	field string
	runs  []run
	exact bool
}

// exactField is the filter field the candidate decides exactly, or "".
func (c candidate) exactField() string {
	if c.exact {
		return c.field
	}
	return ""
}

// statementDriver picks the index that drives a list of statements.
func (t *tx) statementDriver(q *stmtQuery) (candidate, error) {
	f := q.f
	lo, hi, _ := dateBounds(f.Said)
	scan := func(i ix, prefix []byte) run { return dateRuns(t.ix(i), prefix, f.Said) }
	var cands []candidate
	idRuns := func(i ix, ids [][]byte) []run {
		runs := make([]run, 0, len(ids))
		for _, id := range ids {
			runs = append(runs, scan(i, id))
		}
		return runs
	}
	if len(q.sources) > 0 {
		cands = append(cands, candidate{"sources", idRuns(ixStmtSource, q.sources), true})
	}
	if len(q.speakers) > 0 {
		cands = append(cands, candidate{"speakers", idRuns(ixStmtSpeaker, q.speakers), true})
	}
	if len(q.topics) > 0 {
		cands = append(cands, candidate{"topics", idRuns(ixStmtTopic, q.topics), true})
	}
	if len(q.orgs) > 0 {
		runs := idRuns(ixStmtOrg, q.orgs)
		for _, a := range q.members {
			if alo, ahi, ok := narrow(lo, hi, a); ok {
				runs = append(runs, newScan(t.ix(ixStmtSpeaker), mustID(a.SpeakerID), datedLen, alo, ahi))
			}
		}
		cands = append(cands, candidate{"organisations", runs, false})
	}
	if cells := coverQueryCells(f.Covers); cells != nil {
		cands = append(cands, candidate{"covers", idRuns(ixStmtCovers, cells), false})
	}
	if len(f.Kinds) > 0 {
		var runs []run
		for _, k := range f.Kinds {
			runs = append(runs, scan(ixStmtKind, enumByte(statementKinds, k)))
		}
		cands = append(cands, candidate{"kinds", runs, true})
	}
	if len(f.Statuses) > 0 {
		var runs []run
		for _, s := range f.Statuses {
			runs = append(runs, scan(ixStmtStatus, enumByte(store.Statuses, s)))
		}
		cands = append(cands, candidate{"statuses", runs, true})
	}
	if q.idSet != nil && len(q.ids) <= maxIDsRun {
		r, err := t.idsRun(q.ids, f.Said)
		if err != nil {
			return candidate{}, err
		}
		cands = append(cands, candidate{"ids", []run{r}, true})
	}
	if len(cands) == 0 {
		cands = append(cands, candidate{"", []run{scan(ixStmtAll, nil)}, true})
	}
	best, bestN := 0, -1
	for i, c := range cands {
		if len(c.runs) == 0 {
			best = i
			break
		}
		if len(cands) == 1 {
			break
		}
		n := probe(merge(c.runs), probeCap)
		if bestN < 0 || n < bestN {
			best, bestN = i, n
		}
	}
	return cands[best], nil
}

// maxIDsRun bounds the ids of StatementFilter.IDs that drive a list by
// themselves, each read for its date; more are checked on the keys of
// another driver instead.
const maxIDsRun = 4096

// idsRun returns the run of the sort keys of the statements with the
// given ids said in the range r, in order; ids of no statement are left out.
func (t *tx) idsRun(ids [][]byte, r partialdate.Range) (run, error) {
	keys := make([][]byte, 0, len(ids))
	for _, id := range ids {
		s, err := load[store.Statement](t, store.StatementType, id)
		if err != nil {
			return nil, err
		}
		if s != nil && (r.IsZero() || !s.Said.IsZero() && r.Overlaps(partialdate.Of(s.Said))) {
			keys = append(keys, dated(s.Said, id))
		}
	}
	slices.SortFunc(keys, bytes.Compare)
	return &memRun{keys: keys}, nil
}

// probe counts the keys of r up to limit.
func probe(r run, limit int) int {
	r.start(nil, false)
	n := 0
	for n < limit && r.next() != nil {
		n++
	}
	return n
}

// narrow intersects said-date bounds with the period of an affiliation,
// so a member's statements are scanned only where membership can hold.
// Statements of unknown date never match it.
func narrow(lo, hi []byte, a *store.Affiliation) (alo, ahi []byte, ok bool) {
	alo, ahi, _ = dateBounds(a.Period())
	if alo == nil { // an affiliation of unknown period: any known date
		alo, _, _ = dateBounds(partialdate.Range{From: partialdate.Date{Year: 1}})
	}
	if lo != nil && bytes.Compare(lo, alo) > 0 {
		alo = lo
	}
	if hi != nil && (ahi == nil || bytes.Compare(hi, ahi) < 0) {
		ahi = hi
	}
	return alo, ahi, ahi == nil || bytes.Compare(alo, ahi) <= 0
}

// stmtQuery is a StatementFilter parsed: binary ids, topics expanded to
// their subtopics, and the affiliations of the organisations.
type stmtQuery struct {
	f                       store.StatementFilter
	speakers, sources, orgs [][]byte
	topics                  [][]byte
	speakerSet, sourceSet   map[string]bool
	topicSet, orgSet        map[string]bool
	members                 []*store.Affiliation
	memberOf                map[string][]*store.Affiliation // by speaker id
	text                    string                          // folded TextContains
	ids                     [][]byte                        // f.IDs, when not nil
	idSet                   map[string]bool                 // f.IDs, binary
	excludeIDs              map[string]bool
	excludeSpeakers         map[string]bool
}

func idSet(what string, ids []string) ([][]byte, map[string]bool, error) {
	var keys [][]byte
	set := map[string]bool{}
	for _, id := range ids {
		k, err := parseID(what, id)
		if err != nil {
			return nil, nil, err
		}
		if s := idString(k); !set[s] {
			set[s] = true
			keys = append(keys, k)
		}
	}
	return keys, set, nil
}

func (t *tx) statementQuery(f store.StatementFilter) (*stmtQuery, error) {
	q := &stmtQuery{f: f, text: textfold.Fold(f.TextContains)}
	var err error
	if q.speakers, q.speakerSet, err = idSet("speaker", f.SpeakerIDs); err != nil {
		return nil, err
	}
	if q.sources, q.sourceSet, err = idSet("source", f.SourceIDs); err != nil {
		return nil, err
	}
	if q.orgs, q.orgSet, err = idSet("organisation", f.OrganisationIDs); err != nil {
		return nil, err
	}
	if q.topics, q.topicSet, err = idSet("topic", f.TopicIDs); err != nil {
		return nil, err
	}
	if f.IDs != nil {
		if q.ids, _, err = idSet("statement", f.IDs); err != nil {
			return nil, err
		}
		q.idSet = map[string]bool{}
		for _, k := range q.ids {
			q.idSet[string(k)] = true
		}
	}
	if _, q.excludeIDs, err = idSet("statement", f.ExcludeIDs); err != nil {
		return nil, err
	}
	if _, q.excludeSpeakers, err = idSet("speaker", f.ExcludeSpeakerIDs); err != nil {
		return nil, err
	}
	// Expand topics to all their subtopics, breadth first.
	for i := 0; i < len(q.topics); i++ {
		_ = scanPrefix(t.ix(ixTopicParent), q.topics[i], func(k []byte) error {
			child := k[idLen:]
			if s := idString(child); !q.topicSet[s] {
				q.topicSet[s] = true
				q.topics = append(q.topics, child)
			}
			return nil
		})
	}
	q.memberOf = map[string][]*store.Affiliation{}
	for _, org := range q.orgs {
		affs, err := t.affiliationsBy(ixAffOrg, org)
		if err != nil {
			return nil, err
		}
		for _, a := range affs {
			q.members = append(q.members, a)
			q.memberOf[a.SpeakerID] = append(q.memberOf[a.SpeakerID], a)
		}
	}
	for _, k := range f.Kinds {
		if !slices.Contains(statementKinds, k) {
			return nil, errs.E(errs.Invalid, "statement kind %q is not DIRECT or INDIRECT", k)
		}
	}
	for _, s := range f.Statuses {
		if !slices.Contains(store.Statuses, s) {
			return nil, errs.E(errs.Invalid, "statement status %q is not one of %v", s, store.Statuses)
		}
	}
	if err := f.Said.Validate(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "said range is not valid")
	}
	if err := f.Covers.Validate(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "covers range is not valid")
	}
	return q, nil
}

// matcher returns the check of the filter's fields on a record, leaving out
// the date said (checked on the key) and the field the driver index
// decides exactly; nil when nothing is left to check.
func (q *stmtQuery) matcher(t *tx, exactField string) func(*store.Statement) bool {
	var checks []func(*store.Statement) bool
	if len(q.sources) > 0 && exactField != "sources" {
		checks = append(checks, func(s *store.Statement) bool { return q.sourceSet[s.SourceID] })
	}
	if len(q.speakers) > 0 && exactField != "speakers" {
		checks = append(checks, func(s *store.Statement) bool { return q.speakerSet[s.SpeakerID] })
	}
	if len(q.topics) > 0 && exactField != "topics" {
		checks = append(checks, func(s *store.Statement) bool {
			return slices.ContainsFunc(s.TopicIDs, func(id string) bool { return q.topicSet[id] })
		})
	}
	if len(q.orgs) > 0 {
		checks = append(checks, func(s *store.Statement) bool {
			return q.orgSet[s.OrganisationID] ||
				slices.ContainsFunc(q.memberOf[s.SpeakerID], func(a *store.Affiliation) bool { return a.ValidOn(s.Said) })
		})
	}
	if !q.f.Covers.IsZero() {
		checks = append(checks, func(s *store.Statement) bool { return s.CoversOverlapping(q.f.Covers) })
	}
	if len(q.f.Kinds) > 0 && exactField != "kinds" {
		checks = append(checks, func(s *store.Statement) bool { return slices.Contains(q.f.Kinds, s.Kind) })
	}
	if len(q.f.Statuses) > 0 && exactField != "statuses" {
		checks = append(checks, func(s *store.Statement) bool { return slices.Contains(q.f.Statuses, s.Status) })
	}
	if q.text != "" {
		checks = append(checks, func(s *store.Statement) bool { return s.TextContainsFolded(q.text) })
	}
	if len(q.excludeIDs) > 0 {
		checks = append(checks, func(s *store.Statement) bool { return !q.excludeIDs[s.ID] })
	}
	if len(q.excludeSpeakers) > 0 {
		checks = append(checks, func(s *store.Statement) bool { return !q.excludeSpeakers[s.SpeakerID] })
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

// checkStatementRefs checks that a normalized statement's references exist
// and that its span holds its text.
func (t *tx) checkStatementRefs(s *store.Statement) error {
	return store.CheckStatementRefs(s, t.maxStatement, t.mustExist, t.spanSource)
}

// cachedSource is a source as read in a transaction, and the seq of its
// latest change written in that transaction then (0 for none).
type cachedSource struct {
	id  string
	seq uint64
	src *store.Source
}

// spanSource returns the source to check a statement's span against. The
// statements of an ingested document all share its source, so it is
// decoded once per transaction, and again only after it is written:
// decoding a text of megabytes for each of thousands of statements took a
// minute.
func (t *tx) spanSource(id string) (*store.Source, error) {
	seq := t.written[idKey(mustID(id))]
	if c := t.srcCache; c != nil && c.id == id && c.seq == seq {
		return c.src, nil
	}
	src, err := t.Source(id)
	if err != nil {
		return nil, err
	}
	t.srcCache = &cachedSource{id: id, seq: seq, src: src}
	return src, nil
}

func (t *tx) CreateStatement(s *store.Statement) error {
	return create(t, store.StatementType, s, store.NormalizeStatement, t.checkStatementRefs)
}

func (t *tx) UpdateStatement(s *store.Statement) error {
	return update(t, store.StatementType, s, store.NormalizeStatement, t.checkStatementRefs)
}

func (t *tx) DeleteStatement(id string) error {
	return remove(t, store.StatementType, id, func(s *store.Statement) error {
		return t.dropReviewsOf(mustID(s.ID))
	})
}

// dropStatement deletes the stored statement with binary id and its claim
// reviews, for cascades.
func (t *tx) dropStatement(id []byte) error {
	if err := t.dropReviewsOf(id); err != nil {
		return err
	}
	return drop[store.Statement](t, store.StatementType, id)
}
