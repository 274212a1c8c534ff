package bolt

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
	bbolt "go.etcd.io/bbolt"
)

// Lists of records without a date, ordered by id, and of sources, ordered
// by date published. Statements are in statements.go.

// idPlan is the plan of an id-ordered list over run r; match, when set,
// checks the loaded record.
func idPlan[T any](t *tx, typ store.RecordType, r run, match func(*T) bool) *plan[*T] {
	return &plan[*T]{
		run:   r,
		skLen: idLen,
		exact: match == nil,
		load:  loadMatch(t, typ, func(sk []byte) []byte { return sk }, match),
	}
}

// loadMatch returns a plan's load: the record named by the id part of a
// sort key, and whether match (nil: anything) accepts it.
func loadMatch[T any](t *tx, typ store.RecordType, idOf func(sk []byte) []byte, match func(*T) bool) func([]byte) (*T, bool, error) {
	return func(sk []byte) (*T, bool, error) {
		id := idOf(sk)
		v, err := load[T](t, typ, id)
		if err == nil && v == nil {
			err = errs.E(errs.Internal, "index names missing %s %s", typ, idString(id))
		}
		if err != nil {
			return nil, false, err
		}
		return v, match == nil || match(v), nil
	}
}

// nameRun finds the ids whose name keys in index i start with a folded form
// of query, as a run in id order. ok is false when the query folds to
// nothing, which does not filter.
func (t *tx) nameRun(i ix, query string) (r run, ok bool) {
	ids, ok := t.nameIDs(i, query)
	if !ok {
		return nil, false
	}
	return setRun(ids), true
}

// nameIDs is the set of ids nameRun yields.
func (t *tx) nameIDs(i ix, query string) (ids map[string]bool, ok bool) {
	if textfold.Fold(query) == "" {
		return nil, false
	}
	ids = map[string]bool{}
	for _, k := range textfold.Keys(query) {
		_ = scanPrefix(t.ix(i), []byte(k), func(key []byte) error {
			ids[string(key[len(key)-idLen:])] = true
			return nil
		})
	}
	return ids, true
}

// qidIDs is the set of ids with any of qids in index i; ok is false when
// qids is empty, which does not filter.
func (t *tx) qidIDs(i ix, qids []string) (ids map[string]bool, ok bool, err error) {
	if len(qids) == 0 {
		return nil, false, nil
	}
	if qids, err = store.NormQIDs(qids); err != nil {
		return nil, false, err
	}
	ids = map[string]bool{}
	for _, q := range qids {
		_ = scanPrefix(t.ix(i), cat([]byte(q), []byte{0}), func(key []byte) error {
			ids[string(key[len(key)-idLen:])] = true
			return nil
		})
	}
	return ids, true, nil
}

// setRun is the run over a set of ids, in id order.
func setRun(ids map[string]bool) run {
	keys := make([][]byte, 0, len(ids))
	for id := range ids {
		keys = append(keys, []byte(id))
	}
	slices.SortFunc(keys, bytes.Compare)
	return &memRun{keys: keys}
}

// nameOrderLen is the length of a sort key in name order.
const nameOrderLen = store.NameOrderBytes + idLen

// nameOrderPages are the orders of speakers and organisations.
var nameOrderPages = map[store.Order]int{store.OrderDefault: idLen, store.OrderName: nameOrderLen}

// byName is the plan of speakers or organisations in name order: a scan of
// the name-order index i, the filter checked on each key by keyOK (nil:
// everything matches). Every filter of these lists is decided by indexes,
// so no record is loaded to be checked.
func byName[T any](t *tx, typ store.RecordType, i ix, keyOK func(id []byte) bool) *plan[*T] {
	pl := &plan[*T]{
		run:   newScan(t.ix(i), nil, nameOrderLen, nil, nil),
		skLen: nameOrderLen,
		exact: true,
		load:  loadMatch[T](t, typ, nameOrderID, nil),
	}
	if keyOK != nil {
		pl.keyOK = func(sk []byte) bool { return keyOK(nameOrderID(sk)) }
	}
	return pl
}

func nameOrderID(sk []byte) []byte { return sk[store.NameOrderBytes:] }

// inSet returns a key check for membership of ids, or nil for ok false (no
// set: anything).
func inSet(ids map[string]bool, ok bool) func([]byte) bool {
	if !ok {
		return nil
	}
	return func(id []byte) bool { return ids[string(id)] }
}

// all is the run over every record of a type, by id.
func (t *tx) all(typ store.RecordType) run {
	return newScan(t.records(typ), nil, idLen, nil, nil)
}

func (t *tx) ListSpeakers(f store.SpeakerFilter, p store.Page) (*store.Conn[*store.Speaker], error) {
	w, err := parseOrderedPage(p, nameOrderPages)
	if err != nil {
		return nil, err
	}
	var org []byte
	if f.OrganisationID != "" {
		if org, err = parseID("organisation", f.OrganisationID); err != nil {
			return nil, err
		}
	}
	qids, byQID, err := t.qidIDs(ixSpeakerQID, f.QIDs)
	if err != nil {
		return nil, err
	}
	var inOrg func([]byte) bool
	if org != nil {
		inOrg = func(id []byte) bool { return anyWithPrefix(t.ix(ixAffOrgSpeaker), cat(org, id)) }
	}
	if p.Order == store.OrderName {
		return page(t.ctx, byName[store.Speaker](t, store.SpeakerType, ixSpeakerOrder, andKey(andKey(inSet(t.nameIDs(ixSpeakerName, f.Name)), inOrg), inSet(qids, byQID))), w)
	}
	// A QID names one speaker or few: its set drives the list when given.
	if byQID {
		pl := idPlan[store.Speaker](t, store.SpeakerType, setRun(qids), nil)
		pl.keyOK = andKey(inSet(t.nameIDs(ixSpeakerName, f.Name)), inOrg)
		return page(t.ctx, pl, w)
	}
	r, byName := t.nameRun(ixSpeakerName, f.Name)
	pl := idPlan[store.Speaker](t, store.SpeakerType, r, nil)
	switch {
	case byName && org != nil:
		pl.keyOK = inOrg
	case org != nil:
		pl.run = newScan(t.ix(ixAffOrgSpeaker), org, idLen, nil, nil)
	case !byName:
		pl.run = t.all(store.SpeakerType)
	}
	return page(t.ctx, pl, w)
}

func (t *tx) ListOrganisations(f store.OrganisationFilter, p store.Page) (*store.Conn[*store.Organisation], error) {
	w, err := parseOrderedPage(p, nameOrderPages)
	if err != nil {
		return nil, err
	}
	for _, k := range f.Kinds {
		if !slices.Contains(store.OrgKinds, k) {
			return nil, errs.E(errs.Invalid, "organisation kind %q is not one of %v", k, store.OrgKinds)
		}
	}
	qids, byQID, err := t.qidIDs(ixOrgQID, f.QIDs)
	if err != nil {
		return nil, err
	}
	var ofKind func([]byte) bool
	if len(f.Kinds) > 0 {
		ofKind = func(id []byte) bool {
			return slices.ContainsFunc(f.Kinds, func(k store.OrgKind) bool {
				return anyWithPrefix(t.ix(ixOrgKind), cat(enumByte(store.OrgKinds, k), id))
			})
		}
	}
	if p.Order == store.OrderName {
		return page(t.ctx, byName[store.Organisation](t, store.OrganisationType, ixOrgOrder, andKey(andKey(inSet(t.nameIDs(ixOrgName, f.Name)), ofKind), inSet(qids, byQID))), w)
	}
	if byQID {
		pl := idPlan[store.Organisation](t, store.OrganisationType, setRun(qids), nil)
		pl.keyOK = andKey(inSet(t.nameIDs(ixOrgName, f.Name)), ofKind)
		return page(t.ctx, pl, w)
	}
	r, byName := t.nameRun(ixOrgName, f.Name)
	var match func(*store.Organisation) bool
	switch {
	case byName && len(f.Kinds) > 0:
		match = func(o *store.Organisation) bool { return slices.Contains(f.Kinds, o.Kind) }
	case len(f.Kinds) > 0:
		var runs []run
		for _, k := range f.Kinds {
			runs = append(runs, newScan(t.ix(ixOrgKind), enumByte(store.OrgKinds, k), idLen, nil, nil))
		}
		r = merge(runs)
	case !byName:
		r = t.all(store.OrganisationType)
	}
	return page(t.ctx, idPlan(t, store.OrganisationType, r, match), w)
}

func (t *tx) ListAffiliations(f store.AffiliationFilter, p store.Page) (*store.Conn[*store.Affiliation], error) {
	w, err := parsePage(p, idLen)
	if err != nil {
		return nil, err
	}
	if err := f.At.Validate(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "affiliation filter date is not valid")
	}
	var spk, org []byte
	if f.SpeakerID != "" {
		if spk, err = parseID("speaker", f.SpeakerID); err != nil {
			return nil, err
		}
	}
	if f.OrganisationID != "" {
		if org, err = parseID("organisation", f.OrganisationID); err != nil {
			return nil, err
		}
	}
	var r run
	switch {
	case spk != nil:
		r = newScan(t.ix(ixAffSpeaker), spk, idLen, nil, nil)
	case org != nil:
		r = newScan(t.ix(ixAffOrg), org, idLen, nil, nil)
	default:
		r = t.all(store.AffiliationType)
	}
	var match func(*store.Affiliation) bool
	if spk != nil && org != nil || f.Role != "" || !f.At.IsZero() {
		orgID, _ := canonical(f.OrganisationID)
		match = func(a *store.Affiliation) bool {
			return (orgID == "" || a.OrganisationID == orgID) &&
				(f.Role == "" || strings.EqualFold(a.Role, strings.TrimSpace(f.Role))) &&
				(f.At.IsZero() || a.ValidOn(f.At))
		}
	}
	return page(t.ctx, idPlan(t, store.AffiliationType, r, match), w)
}

// canonical is the canonical form of an optional id already parsed.
func canonical(id string) (string, error) {
	if id == "" {
		return "", nil
	}
	return store.CanonicalID("record", id)
}

func (t *tx) ListTopics(f store.TopicFilter, p store.Page) (*store.Conn[*store.Topic], error) {
	w, err := parsePage(p, idLen)
	if err != nil {
		return nil, err
	}
	var parent []byte
	if f.ParentID != "" {
		if parent, err = parseID("parent topic", f.ParentID); err != nil {
			return nil, err
		}
	}
	r, byName := t.nameRun(ixTopicName, f.Name)
	var match func(*store.Topic) bool
	switch {
	case parent != nil && f.RootsOnly:
		r = emptyRun{}
	case byName && (parent != nil || f.RootsOnly):
		parentID, _ := canonical(f.ParentID)
		match = func(tp *store.Topic) bool { return tp.ParentID == parentID }
	case parent != nil:
		r = newScan(t.ix(ixTopicParent), parent, idLen, nil, nil)
	case f.RootsOnly:
		r = newScan(t.ix(ixTopicParent), rootParent, idLen, nil, nil)
	case !byName:
		r = t.all(store.TopicType)
	}
	return page(t.ctx, idPlan(t, store.TopicType, r, match), w)
}

// dateBounds turns a date filter into bounds on dated sort keys and an
// exact check on the key. Dates overlapping r have keys from r.From's year
// key (a coarser date such as "2022" overlaps "2022-03-05" and sorts just
// before it) up to r.To's last day; unknown dates (key 0) never match.
func dateBounds(r partialdate.Range) (lo, hi []byte, keyOK func([]byte) bool) {
	if r.IsZero() {
		return nil, nil, nil
	}
	lo = make([]byte, datedLen)
	binary.BigEndian.PutUint32(lo, 1) // past key 0, the unknown date
	if !r.From.IsZero() {
		binary.BigEndian.PutUint32(lo, partialdate.Date{Year: r.From.Year}.Key())
	}
	if !r.To.IsZero() {
		hi = dated(r.To.Last(), bytes.Repeat([]byte{0xff}, idLen))
	}
	keyOK = func(sk []byte) bool {
		d := dateOf(sk)
		return !d.IsZero() && partialdate.Of(d).Overlaps(r)
	}
	return lo, hi, keyOK
}

// dateRuns returns the run over the keys of b under prefix whose dates
// may overlap r (every key when r is zero). Keys are checked exactly by
// dateBounds' keyOK; dateRuns only keeps the scan from reading keys that
// cannot match: the keys overlapping r are the year-only key of From's
// year and the month-only key of From's month, which sort before From's
// first day, and then every key from that day to To's last. Scanning from
// the year key instead would read a year of dates to find a month, more
// the larger the database.
func dateRuns(b *bbolt.Bucket, prefix []byte, r partialdate.Range) run {
	lo, hi, _ := dateBounds(r)
	if r.From.IsZero() {
		return newScan(b, prefix, datedLen, lo, hi)
	}
	f := r.From.First()
	zeros, ones := make([]byte, idLen), bytes.Repeat([]byte{0xff}, idLen)
	only := func(d partialdate.Date) run { return newScan(b, prefix, datedLen, dated(d, zeros), dated(d, ones)) }
	return merge([]run{
		only(partialdate.Date{Year: f.Year}),
		only(partialdate.Date{Year: f.Year, Month: f.Month}),
		newScan(b, prefix, datedLen, dated(f, zeros), hi),
	})
}

// andKey combines key checks, either of which may be nil.
func andKey(a, b func([]byte) bool) func([]byte) bool {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return func(sk []byte) bool { return a(sk) && b(sk) }
}

func datedID(sk []byte) []byte { return sk[dateLen:] }

func (t *tx) ListSources(f store.SourceFilter, p store.Page) (*store.Conn[*store.Source], error) {
	w, err := parsePage(p, datedLen)
	if err != nil {
		return nil, err
	}
	if err := f.Published.Validate(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "published range is not valid")
	}
	_, _, keyOK := dateBounds(f.Published)
	var r run
	var pub []byte
	if f.PublisherID != "" {
		if pub, err = parseID("publisher", f.PublisherID); err != nil {
			return nil, err
		}
	}
	switch {
	case f.URL != "":
		r = dateRuns(t.ix(ixSourceURL), urlKey(f.URL), f.Published)
	case pub != nil:
		r = dateRuns(t.ix(ixSourcePublisher), pub, f.Published)
	default:
		r = dateRuns(t.ix(ixSourceAll), nil, f.Published)
	}
	var match func(*store.Source) bool
	if title := textfold.Fold(f.Title); title != "" || f.URL != "" {
		match = func(s *store.Source) bool {
			return strings.Contains(textfold.Fold(s.Title), title) &&
				(f.URL == "" || s.URL == f.URL) &&
				(pub == nil || s.PublisherID == idString(pub))
		}
	}
	return page(t.ctx, &plan[*store.Source]{
		run:   r,
		skLen: datedLen,
		keyOK: keyOK,
		exact: match == nil,
		load:  loadMatch(t, store.SourceType, datedID, match),
	}, w)
}
