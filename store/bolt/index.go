package bolt

import (
	"crypto/sha256"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
	bbolt "go.etcd.io/bbolt"
)

// ix names a secondary index; each is a bucket of its own. Plain indexes map
// a key ending in the owner's 16-byte id to nothing; unique indexes map a
// key to the owner's id.
type ix uint8

const (
	ixSpeakerName     ix = iota // name key, 0, speaker id
	ixSpeakerUnique             // Fold(name) → speaker id
	ixOrgName                   // name key, 0, org id (name, short name, aliases)
	ixOrgUnique                 // Fold(name) → org id
	ixOrgShort                  // Fold(short name) → org id
	ixOrgKind                   // kind byte, org id
	ixAffSpeaker                // speaker id, affiliation id
	ixAffOrg                    // org id, affiliation id
	ixAffOrgSpeaker             // org id, speaker id, affiliation id
	ixAffSource                 // source id, affiliation id
	ixTopicName                 // name key, 0, topic id (name, slug, aliases)
	ixTopicSlug                 // slug → topic id
	ixTopicParent               // parent id (zeros for roots), topic id
	ixSourceAll                 // published date, source id
	ixSourcePublisher           // publisher id, published date, source id
	ixSourceHash                // 32-byte content hash → source id
	ixSourceURL                 // urlKey(url), published date, source id
	ixStmtAll                   // said date, statement id
	ixStmtSpeaker               // speaker id, said, id
	ixStmtOrg                   // explicit org id, said, id
	ixStmtTopic                 // topic id, said, id (one per topic)
	ixStmtSource                // source id, said, id
	ixStmtKind                  // kind byte, said, id
	ixStmtStatus                // status byte, said, id
	ixStmtCovers                // coverage cell, said, id (see coverCells)
	ixStmtNearDup               // dedup band key, statement id (see dedup.BandKeys)
	ixStmtShingles              // statement id → its dedup shingles, 4 bytes each
	ixReviewStatement           // statement id, claim review id
	ixReviewReviewer            // reviewer organisation id, claim review id
	ixSpeakerOrder              // name order key, speaker id (see nameOrderKey)
	ixOrgOrder                  // name order key, org id
	ixSpeakerQID                // QID, 0, speaker id
	ixOrgQID                    // QID, 0, org id
	ixStmtNoSource              // said, id of statements without a source
	numIx
)

// ixInfo describes an index: its bucket name, the type of its owners and
// whether it is unique.
var ixInfo = [numIx]struct {
	name   string
	owner  store.RecordType
	unique bool
}{
	ixSpeakerName:     {"ix_speaker_name", store.SpeakerType, false},
	ixSpeakerUnique:   {"ix_speaker_unique", store.SpeakerType, true},
	ixOrgName:         {"ix_org_name", store.OrganisationType, false},
	ixOrgUnique:       {"ix_org_unique", store.OrganisationType, true},
	ixOrgShort:        {"ix_org_short", store.OrganisationType, true},
	ixOrgKind:         {"ix_org_kind", store.OrganisationType, false},
	ixAffSpeaker:      {"ix_aff_speaker", store.AffiliationType, false},
	ixAffOrg:          {"ix_aff_org", store.AffiliationType, false},
	ixAffOrgSpeaker:   {"ix_aff_org_speaker", store.AffiliationType, false},
	ixAffSource:       {"ix_aff_source", store.AffiliationType, false},
	ixTopicName:       {"ix_topic_name", store.TopicType, false},
	ixTopicSlug:       {"ix_topic_slug", store.TopicType, true},
	ixTopicParent:     {"ix_topic_parent", store.TopicType, false},
	ixSourceAll:       {"ix_source_all", store.SourceType, false},
	ixSourcePublisher: {"ix_source_publisher", store.SourceType, false},
	ixSourceHash:      {"ix_source_hash", store.SourceType, true},
	ixSourceURL:       {"ix_source_url", store.SourceType, false},
	ixStmtAll:         {"ix_stmt_all", store.StatementType, false},
	ixStmtSpeaker:     {"ix_stmt_speaker", store.StatementType, false},
	ixStmtOrg:         {"ix_stmt_org", store.StatementType, false},
	ixStmtTopic:       {"ix_stmt_topic", store.StatementType, false},
	ixStmtSource:      {"ix_stmt_source", store.StatementType, false},
	ixStmtKind:        {"ix_stmt_kind", store.StatementType, false},
	ixStmtStatus:      {"ix_stmt_status", store.StatementType, false},
	ixStmtCovers:      {"ix_stmt_covers", store.StatementType, false},
	ixStmtNearDup:     {"ix_stmt_neardup_v2", store.StatementType, false},
	ixStmtShingles:    {"ix_stmt_shingles_v2", store.StatementType, false},
	ixReviewStatement: {"ix_review_statement", store.ClaimReviewType, false},
	ixReviewReviewer:  {"ix_review_reviewer", store.ClaimReviewType, false},
	ixSpeakerOrder:    {"ix_speaker_order", store.SpeakerType, false},
	ixOrgOrder:        {"ix_org_order", store.OrganisationType, false},
	ixSpeakerQID:      {"ix_speaker_qid", store.SpeakerType, false},
	ixOrgQID:          {"ix_org_qid", store.OrganisationType, false},
	ixStmtNoSource:    {"ix_stmt_no_source", store.StatementType, false},
}

// retiredBuckets are the buckets of index layouts no longer used, which
// Open deletes. An index whose layout changes gets a new bucket name (a
// version suffix) and its old name is listed here, so that Open drops the
// old entries and, finding the new bucket missing, builds it from the
// records.
var retiredBuckets = []string{
	// Near-duplicate index of 16 bands of 4 rows, 8-byte band keys and
	// 8-byte shingles.
	"ix_stmt_neardup",
	"ix_stmt_shingles",
}

// rootParent is the parent prefix under which root topics are indexed.
var rootParent = make([]byte, idLen)

// entry is one index entry a record needs. conflict, for unique indexes,
// describes the value that must be unique, for the Conflict error. val is
// the value of an entry of a plain index that carries data (nil for most).
type entry struct {
	ix       ix
	key      string
	val      string
	conflict string
}

type entries []entry

func (es *entries) add(i ix, parts ...[]byte) {
	*es = append(*es, entry{ix: i, key: catString(parts...)})
}

// withValue adds an entry of a plain index that carries a value.
func (es *entries) withValue(i ix, key, val []byte) {
	*es = append(*es, entry{ix: i, key: string(key), val: string(val)})
}

func (es *entries) unique(i ix, key []byte, conflict string) {
	*es = append(*es, entry{ix: i, key: string(key), conflict: conflict})
}

// names adds the name-search keys of names: for every folded form
// (textfold.Keys) every suffix of its words ("ali karimli", "karimli"), so
// that a prefix scan with a folded query finds a name by any word on.
func (es *entries) names(i ix, id []byte, names ...string) {
	seen := map[string]bool{}
	for _, n := range names {
		for _, k := range textfold.Keys(n) {
			words := strings.Fields(k)
			for j := range words {
				s := strings.Join(words[j:], " ")
				if !seen[s] {
					seen[s] = true
					es.add(i, []byte(s), []byte{0}, id)
				}
			}
		}
	}
}

func speakerEntries(s *store.Speaker) entries {
	id := mustID(s.ID)
	var es entries
	es.unique(ixSpeakerUnique, []byte(textfold.Fold(s.Name)), "a speaker named "+quote(s.Name))
	es.names(ixSpeakerName, id, append([]string{s.Name}, s.Aliases...)...)
	es.add(ixSpeakerOrder, nameOrderKey(s.Name), id)
	if s.QID != "" {
		es.add(ixSpeakerQID, []byte(s.QID), []byte{0}, id)
	}
	return es
}

// nameOrderKey is the part of a name's sort key (store.OrderName) before
// the id: the first store.NameOrderBytes bytes of its folded form, padded
// with zeros, so that sort keys have one length and a shorter name sorts
// before the longer ones it begins.
func nameOrderKey(name string) []byte {
	k := make([]byte, store.NameOrderBytes)
	copy(k, textfold.Fold(name))
	return k
}

func organisationEntries(o *store.Organisation) entries {
	id := mustID(o.ID)
	var es entries
	es.unique(ixOrgUnique, []byte(textfold.Fold(o.Name)), "an organisation named "+quote(o.Name))
	if o.ShortName != "" {
		es.unique(ixOrgShort, []byte(textfold.Fold(o.ShortName)), "an organisation with short name "+quote(o.ShortName))
	}
	es.names(ixOrgName, id, append([]string{o.Name, o.ShortName}, o.Aliases...)...)
	es.add(ixOrgKind, enumByte(store.OrgKinds, o.Kind), id)
	es.add(ixOrgOrder, nameOrderKey(o.Name), id)
	if o.QID != "" {
		es.add(ixOrgQID, []byte(o.QID), []byte{0}, id)
	}
	return es
}

func affiliationEntries(a *store.Affiliation) entries {
	id, spk, org := mustID(a.ID), mustID(a.SpeakerID), mustID(a.OrganisationID)
	var es entries
	es.add(ixAffSpeaker, spk, id)
	es.add(ixAffOrg, org, id)
	es.add(ixAffOrgSpeaker, org, spk, id)
	if a.SourceID != "" {
		es.add(ixAffSource, mustID(a.SourceID), id)
	}
	return es
}

func topicEntries(t *store.Topic) entries {
	id := mustID(t.ID)
	var es entries
	es.unique(ixTopicSlug, []byte(t.Slug), "a topic with slug "+quote(t.Slug))
	es.names(ixTopicName, id, append([]string{t.Name, t.Slug}, t.Aliases...)...)
	parent := rootParent
	if t.ParentID != "" {
		parent = mustID(t.ParentID)
	}
	es.add(ixTopicParent, parent, id)
	return es
}

func sourceEntries(s *store.Source) entries {
	sk := dated(s.Published, mustID(s.ID))
	var es entries
	es.add(ixSourceAll, sk)
	if s.PublisherID != "" {
		es.add(ixSourcePublisher, mustID(s.PublisherID), sk)
	}
	if h := hashKey(s.ContentHash); h != nil {
		es.unique(ixSourceHash, h, "a source with the same text")
	}
	if s.URL != "" {
		es.add(ixSourceURL, urlKey(s.URL), sk)
	}
	return es
}

// urlKey is the prefix of a URL's entries in ixSourceURL: the first 16
// bytes of its SHA-256, so that long URLs make short keys. Lists compare
// the URL itself, so a collision costs a record read, not a wrong answer.
func urlKey(u string) []byte {
	h := sha256.Sum256([]byte(u))
	return h[:16]
}

func statementEntries(s *store.Statement) entries {
	return statementEntriesOf(s, nil)
}

// statementEntriesOf is statementEntries with the entries text decides
// taken from tf when it was made from s's text (see PrepareText).
func statementEntriesOf(s *store.Statement, tf *textForm) entries {
	if tf == nil || tf.text != s.Text {
		tf = newTextForm(s.Text)
	}
	sk := dated(s.Said, mustID(s.ID))
	es := make(entries, 0, 8+len(s.TopicIDs)+len(tf.bands))
	es.add(ixStmtAll, sk)
	if s.SpeakerID != "" {
		es.add(ixStmtSpeaker, mustID(s.SpeakerID), sk)
	}
	if s.OrganisationID != "" {
		es.add(ixStmtOrg, mustID(s.OrganisationID), sk)
	}
	for _, t := range s.TopicIDs {
		es.add(ixStmtTopic, mustID(t), sk)
	}
	if s.SourceID != "" {
		es.add(ixStmtSource, mustID(s.SourceID), sk)
	} else {
		// Lists in order of date published (store.OrderPublished) find
		// the statements of no source here.
		es.add(ixStmtNoSource, sk)
	}
	es.add(ixStmtKind, enumByte(statementKinds, s.Kind), sk)
	es.add(ixStmtStatus, enumByte(store.Statuses, s.Status), sk)
	seen := map[string]bool{}
	for _, c := range s.Covers {
		for _, cell := range coverCells(c.Range) {
			if !seen[string(cell)] {
				seen[string(cell)] = true
				es.add(ixStmtCovers, cell, sk)
			}
		}
	}
	// The shingles are kept beside the band keys so that Appearances can
	// check a candidate's similarity without loading and folding its text.
	if tf.shingled {
		id := sk[dateLen:]
		for _, k := range tf.bands {
			es.add(ixStmtNearDup, k, id)
		}
		es = append(es, entry{ix: ixStmtShingles, key: string(id), val: tf.shingles})
	}
	return es
}

func reviewEntries(r *store.ClaimReview) entries {
	id := mustID(r.ID)
	var es entries
	es.add(ixReviewStatement, mustID(r.StatementID), id)
	es.add(ixReviewReviewer, mustID(r.ReviewerID), id)
	return es
}

// Coverage cells. A statement's coverage ranges are indexed under coarse
// cells so that a Covers query scans a bounded number of prefixes:
//
//   - a range within at most coverMonths calendar months: one "M" cell per
//     month (M, year uint16, month byte);
//   - otherwise a range within at most coverYears calendar years: one "Y"
//     cell per year (Y, year uint16);
//   - otherwise, or when an end is open: the single "A" (all time) cell.
//
// A query for a bounded range scans the A cell, the Y cells of its years and
// the M cells of its months, merges them (dropping repeats) and checks the
// exact overlap on the record, cells being coarser than the ranges.
const (
	coverMonths = 3
	coverYears  = 3
	// coverQueryMonths bounds the months a Covers query may span to drive
	// the scan; wider queries are checked on records found another way.
	coverQueryMonths = 36
)

var allCell = []byte("A")

func monthCell(y, m int) []byte { return []byte{'M', byte(y >> 8), byte(y), byte(m)} }
func yearCell(y int) []byte     { return []byte{'Y', byte(y >> 8), byte(y)} }

func monthIndex(d partialdate.Date) int { return d.Year*12 + d.Month - 1 }

func coverCells(r partialdate.Range) [][]byte {
	if r.From.IsZero() || r.To.IsZero() {
		return [][]byte{allCell}
	}
	f, t := r.From.First(), r.To.Last()
	var cells [][]byte
	switch {
	case monthIndex(t)-monthIndex(f) < coverMonths:
		for m := monthIndex(f); m <= monthIndex(t); m++ {
			cells = append(cells, monthCell(m/12, m%12+1))
		}
	case t.Year-f.Year < coverYears:
		for y := f.Year; y <= t.Year; y++ {
			cells = append(cells, yearCell(y))
		}
	default:
		cells = append(cells, allCell)
	}
	return cells
}

// coverQueryCells returns the cells to scan for statements covering some
// day of r, or nil when r is too wide (or open) for the index to help.
func coverQueryCells(r partialdate.Range) [][]byte {
	if r.From.IsZero() || r.To.IsZero() {
		return nil
	}
	f, t := r.From.First(), r.To.Last()
	if monthIndex(t)-monthIndex(f) >= coverQueryMonths {
		return nil
	}
	cells := [][]byte{allCell}
	for y := f.Year; y <= t.Year; y++ {
		cells = append(cells, yearCell(y))
	}
	for m := monthIndex(f); m <= monthIndex(t); m++ {
		cells = append(cells, monthCell(m/12, m%12+1))
	}
	return cells
}

func quote(s string) string { return `"` + s + `"` }

// writeEntries brings a record's index entries from old to new: it checks
// new unique entries against other owners (errs.Conflict), deletes the old
// entries that are gone and puts the new ones.
func (t *tx) writeEntries(id []byte, old, new entries) error {
	if len(old) == 0 {
		return t.addEntries(id, new)
	}
	had := make(map[entry]bool, len(old))
	for _, e := range old {
		had[entry{ix: e.ix, key: e.key, val: e.val}] = true
	}
	keep := make(map[entry]bool, len(new))
	for _, e := range new {
		k := entry{ix: e.ix, key: e.key, val: e.val}
		keep[k] = true
		if had[k] || !ixInfo[e.ix].unique {
			continue
		}
		if owner := t.get(t.ix(e.ix), []byte(e.key)); owner != nil && string(owner) != string(id) {
			return errs.E(errs.Conflict, "%s already exists (%s)", e.conflict, idString(owner))
		}
	}
	for k := range had {
		if !keep[k] {
			if err := t.delete(t.ix(k.ix), []byte(k.key)); err != nil {
				return errs.Wrap(errs.Internal, err, "deleting index entry")
			}
		}
	}
	for k := range keep {
		if had[k] {
			continue
		}
		val := []byte(k.val)
		if ixInfo[k.ix].unique {
			val = id
		}
		if err := t.put(t.ix(k.ix), []byte(k.key), val); err != nil {
			return errs.Wrap(errs.Internal, err, "writing index entry")
		}
	}
	return nil
}

// addEntries is writeEntries for a new record: it checks the unique
// entries first, so that a conflict writes nothing, and puts them all.
func (t *tx) addEntries(id []byte, new entries) error {
	for _, e := range new {
		if !ixInfo[e.ix].unique {
			continue
		}
		if owner := t.get(t.ix(e.ix), []byte(e.key)); owner != nil && string(owner) != string(id) {
			return errs.E(errs.Conflict, "%s already exists (%s)", e.conflict, idString(owner))
		}
	}
	for _, e := range new {
		var val []byte
		switch {
		case ixInfo[e.ix].unique:
			val = id
		case e.val != "":
			val = bytesOf(e.val)
		}
		if err := t.put(t.ix(e.ix), bytesOf(e.key), val); err != nil {
			return errs.Wrap(errs.Internal, err, "writing index entry")
		}
	}
	return nil
}

// ix returns the bucket of an index, looked up on first use.
func (t *tx) ix(i ix) *bbolt.Bucket {
	if t.ixb[i] == nil {
		t.ixb[i] = t.btx.Bucket([]byte(ixInfo[i].name))
	}
	return t.ixb[i]
}
