package pg

import (
	"encoding/binary"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/dedup"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

const (
	idLen     = 16
	datedLen  = 4 + idLen
	nameSKLen = store.NameOrderBytes + idLen
)

var (
	idPages    = map[store.Order]int{store.OrderDefault: idLen}
	datedPages = map[store.Order]int{store.OrderDefault: datedLen}
	stmtPages  = map[store.Order]int{store.OrderDefault: datedLen, store.OrderPublished: store.PublishedLen}
	namedPages = map[store.Order]int{store.OrderDefault: idLen, store.OrderName: nameSKLen}
)

// newList starts the query of a list of table in the order p asks for.
func newList[T any](table string, order store.Order) *listQuery[T] {
	q := &listQuery[T]{table: table + " r", sk: "r.id", byID: true, skLen: idLen}
	if order == store.OrderName {
		q.sk, q.byID, q.skLen = "r.name_sk", false, nameSKLen
	}
	return q
}

// nameCond adds the name filter: a name key of the record, in its names
// table, starts with a folded form of query. Nothing is added when the
// query folds to nothing, which does not filter.
func nameCond[T any](q *listQuery[T], namesTable, query string) {
	if textfold.Fold(query) == "" {
		return
	}
	var keys []string
	for _, k := range textfold.Keys(query) {
		keys = append(keys, strings.ReplaceAll(strings.ToValidUTF8(k, "\uFFFD"), "\x00", ""))
	}
	// A key starts with p when it lies in [p, p+U+10FFFF): folded names
	// hold no U+10FFFF, the largest code point.
	q.where("EXISTS (SELECT 1 FROM " + namesTable + " n, unnest(" + q.arg(keys) + "::text[]) AS p(k) " +
		"WHERE n.id = r.id AND n.key >= p.k COLLATE \"C\" AND n.key < (p.k || chr(1114111)) COLLATE \"C\")")
}

// qidCond adds the QID filter.
func qidCond[T any](q *listQuery[T], qids []string) error {
	if len(qids) == 0 {
		return nil
	}
	qids, err := store.NormQIDs(qids)
	if err != nil {
		return err
	}
	q.where("r.qid = ANY(" + q.arg(qids) + "::text[])")
	return nil
}

func (t *tx) ListSpeakers(f store.SpeakerFilter, p store.Page) (*store.Conn[*store.Speaker], error) {
	w, err := parsePage(p, namedPages)
	if err != nil {
		return nil, err
	}
	q := newList[store.Speaker]("speakers", p.Order)
	if f.OrganisationID != "" {
		org, err := parseID("organisation", f.OrganisationID)
		if err != nil {
			return nil, err
		}
		q.where("EXISTS (SELECT 1 FROM affiliations a WHERE a.speaker_id = r.id AND a.organisation_id = " + q.arg(org) + "::uuid)")
	}
	if err := qidCond(q, f.QIDs); err != nil {
		return nil, err
	}
	nameCond(q, "speaker_names", f.Name)
	return page(t, q, w)
}

func (t *tx) ListOrganisations(f store.OrganisationFilter, p store.Page) (*store.Conn[*store.Organisation], error) {
	w, err := parsePage(p, namedPages)
	if err != nil {
		return nil, err
	}
	kinds := make([]string, len(f.Kinds))
	for i, k := range f.Kinds {
		if !slices.Contains(store.OrgKinds, k) {
			return nil, errs.E(errs.Invalid, "organisation kind %q is not one of %v", k, store.OrgKinds)
		}
		kinds[i] = string(k)
	}
	q := newList[store.Organisation]("organisations", p.Order)
	if err := qidCond(q, f.QIDs); err != nil {
		return nil, err
	}
	if len(kinds) > 0 {
		q.where("r.kind = ANY(" + q.arg(kinds) + "::text[])")
	}
	nameCond(q, "organisation_names", f.Name)
	return page(t, q, w)
}

func (t *tx) ListAffiliations(f store.AffiliationFilter, p store.Page) (*store.Conn[*store.Affiliation], error) {
	w, err := parsePage(p, idPages)
	if err != nil {
		return nil, err
	}
	if err := f.At.Validate(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "affiliation filter date is not valid")
	}
	q := newList[store.Affiliation]("affiliations", store.OrderDefault)
	if f.SpeakerID != "" {
		spk, err := parseID("speaker", f.SpeakerID)
		if err != nil {
			return nil, err
		}
		q.where("r.speaker_id = " + q.arg(spk) + "::uuid")
	}
	if f.OrganisationID != "" {
		org, err := parseID("organisation", f.OrganisationID)
		if err != nil {
			return nil, err
		}
		q.where("r.organisation_id = " + q.arg(org) + "::uuid")
	}
	if !f.At.IsZero() {
		q.where("r.period && " + q.arg(dateText(f.At)) + "::daterange")
	}
	// Equal ignoring case as Go's simple folding has it, which SQL's
	// lower() does not quite match.
	if role := strings.TrimSpace(f.Role); f.Role != "" {
		q.match = func(a *store.Affiliation) bool { return strings.EqualFold(a.Role, role) }
	}
	return page(t, q, w)
}

func (t *tx) ListTopics(f store.TopicFilter, p store.Page) (*store.Conn[*store.Topic], error) {
	w, err := parsePage(p, idPages)
	if err != nil {
		return nil, err
	}
	q := newList[store.Topic]("topics", store.OrderDefault)
	if f.ParentID != "" {
		parent, err := parseID("parent topic", f.ParentID)
		if err != nil {
			return nil, err
		}
		q.where("r.parent_id = " + q.arg(parent) + "::uuid")
	}
	if f.RootsOnly {
		q.where("r.parent_id IS NULL")
	}
	nameCond(q, "topic_names", f.Name)
	return page(t, q, w)
}

func (t *tx) ListSources(f store.SourceFilter, p store.Page) (*store.Conn[*store.Source], error) {
	w, err := parsePage(p, datedPages)
	if err != nil {
		return nil, err
	}
	if err := f.Published.Validate(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "published range is not valid")
	}
	q := &listQuery[store.Source]{table: "sources r", sk: "r.sk", skLen: datedLen}
	if f.PublisherID != "" {
		pub, err := parseID("publisher", f.PublisherID)
		if err != nil {
			return nil, err
		}
		q.where("r.publisher_id = " + q.arg(pub) + "::uuid")
	}
	if !f.Published.IsZero() && !skBounds(q, f.Published) {
		q.where("r.published && " + q.arg(rangeText(f.Published)) + "::daterange")
	}
	if title := fold(f.Title); title != "" {
		q.where("strpos(r.title_folded, " + q.arg(title) + "::text) > 0")
	}
	if f.URL != "" {
		q.where("r.doc->>'url' = " + q.arg(f.URL) + "::text")
	}
	return page(t, q, w)
}

func (t *tx) ListClaimReviews(f store.ClaimReviewFilter, p store.Page) (*store.Conn[*store.ClaimReview], error) {
	w, err := parsePage(p, idPages)
	if err != nil {
		return nil, err
	}
	q := newList[store.ClaimReview]("claim_reviews", store.OrderDefault)
	if f.StatementID != "" {
		id, err := parseID("statement", f.StatementID)
		if err != nil {
			return nil, err
		}
		q.where("r.statement_id = " + q.arg(id) + "::uuid")
	}
	if f.ReviewerID != "" {
		id, err := parseID("reviewer organisation", f.ReviewerID)
		if err != nil {
			return nil, err
		}
		q.where("r.reviewer_id = " + q.arg(id) + "::uuid")
	}
	return page(t, q, w)
}

// ListStatements says the whole filter in SQL; PostgreSQL's planner picks
// the index to drive by (speaker, source, topic, said or covers).
func (t *tx) ListStatements(f store.StatementFilter, p store.Page) (*store.Conn[*store.Statement], error) {
	w, err := parsePage(p, stmtPages)
	if err != nil {
		return nil, err
	}
	f = cloneFilter(f)
	if err := f.Validate(); err != nil {
		return nil, err
	}
	q := &listQuery[store.Statement]{table: "statements r", sk: "r.sk", skLen: datedLen, keyed: "statements"}
	if p.Order == store.OrderPublished {
		// The source's sort key, then the statement's, as on bbolt;
		// no source sorts as zeros, before every source.
		q.table, q.keyed = "statements r LEFT JOIN sources s ON s.id = r.source_id", ""
		q.sk = `(COALESCE(s.sk, '\x` + strings.Repeat("00", datedLen) + `'::bytea) || r.sk)`
		q.skLen = store.PublishedLen
	}
	ids := func(col string, ids []string) {
		if len(ids) > 0 {
			q.where(col + " = ANY(" + q.arg(ids) + "::uuid[])")
		}
	}
	ids("r.speaker_id", f.SpeakerIDs)
	ids("r.source_id", f.SourceIDs)
	if len(f.TopicIDs) > 0 {
		topics, err := t.topicsUnder(f.TopicIDs)
		if err != nil {
			return nil, err
		}
		q.where("EXISTS (SELECT 1 FROM statement_topics st WHERE st.statement_id = " + stmtIDOfSK + " AND st.topic_id = ANY(" +
			q.arg(topics) + "::uuid[]))")
	}
	if len(f.OrganisationIDs) > 0 {
		orgs := q.arg(f.OrganisationIDs)
		q.where("(r.organisation_id = ANY(" + orgs + "::uuid[]) OR EXISTS (SELECT 1 FROM affiliations a " +
			"WHERE a.speaker_id = r.speaker_id AND a.organisation_id = ANY(" + orgs + "::uuid[]) AND a.period && r.said))")
	}
	if len(f.Kinds) > 0 {
		q.where("r.kind = ANY(" + q.arg(enumStrings(f.Kinds)) + "::text[])")
	}
	if len(f.Statuses) > 0 {
		q.where("r.status = ANY(" + q.arg(enumStrings(f.Statuses)) + "::text[])")
	}
	if !f.Said.IsZero() && !skBounds(q, f.Said) {
		q.where("r.said && " + q.arg(rangeText(f.Said)) + "::daterange")
	}
	if !f.Covers.IsZero() {
		// The partial index's predicate, said so that the planner can use
		// it: an empty multirange overlaps nothing, so the result is the
		// same.
		q.where("NOT isempty(r.covers) AND r.covers && " + q.arg(rangeText(f.Covers)) + "::daterange")
	}
	if text := fold(f.TextContains); text != "" {
		q.where("strpos(r.text_folded, " + q.arg(text) + "::text) > 0")
	}
	if f.IDs != nil {
		// none, when empty: the caller's candidates are all there are
		q.where("r.id = ANY(" + q.arg(f.IDs) + "::uuid[])")
	}
	if len(f.ExcludeIDs) > 0 {
		q.where("r.id <> ALL(" + q.arg(f.ExcludeIDs) + "::uuid[])")
	}
	if len(f.ExcludeSpeakerIDs) > 0 {
		q.where("(r.speaker_id IS NULL OR r.speaker_id <> ALL(" + q.arg(f.ExcludeSpeakerIDs) + "::uuid[]))")
	}
	return page(t, q, w)
}

// stmtIDOfSK is the id of the statement r, from the last 16 bytes of its
// sort key: a condition on it is checked on the sort-key index's entries,
// without reading the statement's row.
const stmtIDOfSK = "encode(substring(r.sk from 5), 'hex')::uuid"

// cloneFilter copies the id lists Validate puts in canonical form, which
// belong to the caller.
func cloneFilter(f store.StatementFilter) store.StatementFilter {
	f.SpeakerIDs, f.OrganisationIDs = slices.Clone(f.SpeakerIDs), slices.Clone(f.OrganisationIDs)
	f.TopicIDs, f.SourceIDs = slices.Clone(f.TopicIDs), slices.Clone(f.SourceIDs)
	f.ExcludeIDs, f.ExcludeSpeakerIDs = slices.Clone(f.ExcludeIDs), slices.Clone(f.ExcludeSpeakerIDs)
	if f.IDs != nil {
		f.IDs = append([]string{}, f.IDs...) // (nil and empty differ)
	}
	return f
}

func enumStrings[E ~string](es []E) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = string(e)
	}
	return out
}

// Appearances looks the statement's band keys up and keeps the candidates
// whose exact similarity reaches the threshold.
func (t *tx) Appearances(statementID string) ([]store.Appearance, error) {
	st, err := t.Statement(statementID)
	if err != nil {
		return nil, err
	}
	shingles := dedup.Shingles(st.Text)
	found := []store.Appearance{{Statement: st, Similarity: 1}}
	if bands := bandKeys(dedup.BandKeysOf(shingles)); len(bands) > 0 {
		rows, err := t.q.Query(t.ctx, `SELECT s.shingles, s.doc FROM statements s WHERE s.id <> $1 AND s.id IN (
			SELECT statement_id FROM statement_bands WHERE band = ANY($2::int4[])) ORDER BY s.id`, st.ID, bands)
		if err != nil {
			return nil, t.err(err)
		}
		var other []uint32
		for rows.Next() {
			var packed, doc []byte
			if err := rows.Scan(&packed, &doc); err != nil {
				rows.Close()
				return nil, t.err(err)
			}
			other = other[:0]
			for i := 0; i+4 <= len(packed); i += 4 {
				other = append(other, binary.BigEndian.Uint32(packed[i:]))
			}
			sim := dedup.Jaccard(shingles, other)
			if sim < dedup.Threshold {
				continue
			}
			s, err := decode[store.Statement](doc)
			if err != nil {
				rows.Close()
				return nil, err
			}
			found = append(found, store.Appearance{Statement: s, Similarity: sim})
		}
		if err := rows.Err(); err != nil {
			return nil, t.err(err)
		}
	}
	if err := store.DateAppearances(found, t.Source); err != nil {
		return nil, err
	}
	return found, nil
}

// topicsUnder returns the topics ids and their descendants. Read apart
// from the list that filters by them, they are constants to the list's
// query, whose plan then costs less to make than one holding the recursive
// query, and whose row estimates are the topics' own.
func (t *tx) topicsUnder(ids []string) ([]string, error) {
	var out []string
	err := t.q.QueryRow(t.ctx, `WITH RECURSIVE sub(id) AS (SELECT unnest($1::uuid[])
		UNION SELECT tp.id FROM topics tp JOIN sub ON tp.parent_id = sub.id)
		SELECT coalesce(array_agg(id::text), '{}') FROM sub`, ids).Scan(&out)
	return out, t.scanErr(err)
}

// skBounds bounds the dated sort keys of a list filtered on a date range
// r, so that a walk of the sort-key index starts and stops near r's dates
// rather than filtering every row before them, and reports whether the
// bounds say the filter exactly (the date range condition is then not
// needed). The dates overlapping r have:
//   - r.From's year-only key (a coarser date such as "2022" overlaps
//     "2022-03-05" and sorts before it), when r.From is a month or a day;
//   - r.From's month-only key, when r.From is a day;
//   - every key from r.From's on to r.To's last day's: a later year-only
//     or month-only key is of a year or month that starts within r.
//
// Between the first two and the last lie the keys of the year's earlier
// months and days, none of them overlapping r: for a month in the middle
// of a year, thousands of rows at a million statements. A list ordered by
// these keys (q.sk is r.sk) is walked in these segments (see keySeg),
// which skip them and hold exactly the dates overlapping r. A list in
// another order keeps the range condition and is bounded by the keys from
// the first segment's start to the last's end.
func skBounds[T any](q *listQuery[T], r partialdate.Range) bool {
	var segs []keySeg
	one := func(d partialdate.Date) keySeg { return keySeg{datedSK(d, uuid.Nil.String()), datedSK(d, maxID)} }
	switch {
	case r.From.IsZero():
		segs = []keySeg{{lo: datedSK(partialdate.FromKey(1), uuid.Nil.String())}} // past key 0, the unknown date
	case r.From.Precision() == partialdate.Year:
		segs = []keySeg{{lo: datedSK(r.From, uuid.Nil.String())}}
	case r.From.Precision() == partialdate.Month:
		segs = []keySeg{one(partialdate.Date{Year: r.From.Year}), {lo: datedSK(r.From, uuid.Nil.String())}}
	default:
		segs = []keySeg{one(partialdate.Date{Year: r.From.Year}), one(partialdate.Date{Year: r.From.Year, Month: r.From.Month}),
			{lo: datedSK(r.From, uuid.Nil.String())}}
	}
	if !r.To.IsZero() {
		segs[len(segs)-1].hi = datedSK(r.To.Last(), maxID)
	}
	if q.sk == "r.sk" {
		q.segs = segs
		return true
	}
	q.where("r.sk >= " + q.arg(segs[0].lo) + "::bytea")
	if hi := segs[len(segs)-1].hi; hi != nil {
		q.where("r.sk <= " + q.arg(hi) + "::bytea")
	}
	return false
}

const maxID = "ffffffff-ffff-ffff-ffff-ffffffffffff"
