package bolt

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// encode and decode are the one place that fixes how records are stored.
//
// Records are stored in a compact binary form: a format byte (recordV1),
// then the fields of the type in a fixed order. Ids are their 16 bytes,
// strings and lists a uvarint length and their contents, dates their
// partialdate key as a uvarint, times seconds (zigzag varint) and
// nanoseconds (uvarint), enums a byte. It takes about a third of the space
// of JSON and decodes an order of magnitude faster, which is what reads
// spend most of their time on. Records written as JSON by earlier versions
// (they start with '{') are still read; they are rewritten in binary when
// next written.
//
// The change log keeps records in the same form and turns them into JSON
// when read (see changelog.go), so store.Change is unchanged; exports are
// JSON too.
//
// The hand-rolled form was chosen over a serialization library because
// the records are few, flat and fixed: the code is short, has no schema
// compiler, and decodes all the strings of a record with one allocation.
// A record type without a layout here is stored as JSON.

// recordV2 is the layout of statements since they record whether an
// organisation made them and the heading they stood under: recordV1's
// fields, then those two; and of speakers with QID candidates: recordV1's
// fields, then the candidates (a speaker without any keeps recordV1).
// recordV3 is the layout of statements imported from a dataset that names
// its part (Statement.Origin): recordV2's fields, then the origin (a
// statement without one keeps recordV2).
const (
	recordV1 = 1
	recordV2 = 2
	recordV3 = 3
)

// Enum values are stored as their position in these lists plus one; zero
// is the empty value and 0xff an unknown value written out as a string.
var (
	codecOrgKinds  = store.OrgKinds
	codecStmtKinds = statementKinds
	codecStatuses  = store.Statuses
)

// encode returns the stored form of a record (a pointer to one of the
// record types).
func encode(v any) ([]byte, error) {
	e := encoder{b: make([]byte, 0, 256)}
	e.b = append(e.b, recordV1)
	switch r := v.(type) {
	case *store.Speaker:
		e.id(r.ID)
		e.str(r.Name)
		e.strs(r.Aliases)
		e.str(r.Description)
		e.str(r.QID)
		e.times(r.CreatedAt, r.UpdatedAt)
		if len(r.QIDCandidates) > 0 {
			e.b[0] = recordV2
			e.strs(r.QIDCandidates)
		}
	case *store.Organisation:
		e.id(r.ID)
		e.str(r.Name)
		e.str(r.ShortName)
		e.strs(r.Aliases)
		enumOut(&e, codecOrgKinds, r.Kind)
		e.str(r.QID)
		e.times(r.CreatedAt, r.UpdatedAt)
	case *store.Affiliation:
		e.id(r.ID)
		e.id(r.SpeakerID)
		e.id(r.OrganisationID)
		e.str(r.Role)
		e.date(r.Start)
		e.date(r.End)
		e.id(r.SourceID)
		e.times(r.CreatedAt, r.UpdatedAt)
	case *store.Topic:
		e.id(r.ID)
		e.str(r.Name)
		e.str(r.Slug)
		e.strs(r.Aliases)
		e.id(r.ParentID)
		e.times(r.CreatedAt, r.UpdatedAt)
	case *store.Source:
		e.id(r.ID)
		e.str(r.Title)
		e.id(r.PublisherID)
		e.str(r.URL)
		e.str(r.ArchivedURL)
		e.date(r.Published)
		e.str(r.Language)
		e.hash(r.ContentHash)
		e.str(r.Text)
		e.times(r.CreatedAt, r.UpdatedAt)
	case *store.Statement:
		e.id(r.ID)
		e.str(r.Text)
		enumOut(&e, codecStmtKinds, r.Kind)
		e.id(r.SpeakerID)
		e.id(r.OrganisationID)
		e.str(r.Role)
		e.str(r.Cue)
		e.date(r.Said)
		e.uint(uint64(len(r.Covers)))
		for _, c := range r.Covers {
			e.date(c.Range.From)
			e.date(c.Range.To)
			e.str(c.Label)
		}
		e.uint(uint64(len(r.TopicIDs)))
		for _, id := range r.TopicIDs {
			e.id(id)
		}
		e.id(r.SourceID)
		if r.Span == nil {
			e.b = append(e.b, 0)
		} else {
			e.b = append(e.b, 1)
			e.uint(uint64(r.Span.Start))
			e.uint(uint64(r.Span.End))
		}
		e.str(r.Language)
		enumOut(&e, codecStatuses, r.Status)
		if r.Confidence == 0 {
			e.b = append(e.b, 0)
		} else {
			e.b = append(e.b, 1)
			e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(r.Confidence))
		}
		e.times(r.CreatedAt, r.UpdatedAt)
		// Statements are written in the second layout: the first one's
		// fields, then those added since. Records in the first layout
		// still decode, with the added fields empty.
		e.b[0] = recordV2
		e.b = append(e.b, boolByte(r.ByOrganisation))
		e.str(r.Heading)
		if r.Origin != "" {
			e.b[0] = recordV3
			e.str(r.Origin)
		}
	default:
		// Types without a binary layout (yet) are stored as JSON, which
		// decode reads as well.
		b, err := json.Marshal(v)
		if err != nil {
			return nil, errs.Wrap(errs.Internal, err, "encoding record")
		}
		return b, nil
	}
	if e.err != nil {
		return nil, errs.Wrap(errs.Internal, e.err, "encoding record")
	}
	return e.b, nil
}

// decode fills the record v points to from its stored form.
func decode(b []byte, v any) error {
	if len(b) > 0 && b[0] == '{' {
		if err := json.Unmarshal(b, v); err != nil {
			return errs.Wrap(errs.Internal, err, "decoding record")
		}
		return nil
	}
	if len(b) == 0 || b[0] < recordV1 || b[0] > recordV3 {
		return errs.E(errs.Internal, "decoding record: unknown format")
	}
	format := b[0]
	_, stmt := v.(*store.Statement)
	_, speaker := v.(*store.Speaker)
	if !stmt && !speaker && format != recordV1 || speaker && format > recordV2 {
		return errs.E(errs.Internal, "decoding record: unknown format")
	}
	d := newDecoder(b[1:])
	switch r := v.(type) {
	case *store.Speaker:
		r.ID = d.id()
		r.Name = d.str()
		r.Aliases = d.strs()
		r.Description = d.str()
		r.QID = d.str()
		r.CreatedAt, r.UpdatedAt = d.time(), d.time()
		if format >= recordV2 {
			r.QIDCandidates = d.strs()
		}
	case *store.Organisation:
		r.ID = d.id()
		r.Name = d.str()
		r.ShortName = d.str()
		r.Aliases = d.strs()
		r.Kind = enumIn(d, codecOrgKinds)
		r.QID = d.str()
		r.CreatedAt, r.UpdatedAt = d.time(), d.time()
	case *store.Affiliation:
		r.ID = d.id()
		r.SpeakerID = d.id()
		r.OrganisationID = d.id()
		r.Role = d.str()
		r.Start = d.date()
		r.End = d.date()
		r.SourceID = d.id()
		r.CreatedAt, r.UpdatedAt = d.time(), d.time()
	case *store.Topic:
		r.ID = d.id()
		r.Name = d.str()
		r.Slug = d.str()
		r.Aliases = d.strs()
		r.ParentID = d.id()
		r.CreatedAt, r.UpdatedAt = d.time(), d.time()
	case *store.Source:
		r.ID = d.id()
		r.Title = d.str()
		r.PublisherID = d.id()
		r.URL = d.str()
		r.ArchivedURL = d.str()
		r.Published = d.date()
		r.Language = d.str()
		r.ContentHash = d.hash()
		r.Text = d.str()
		r.CreatedAt, r.UpdatedAt = d.time(), d.time()
	case *store.Statement:
		r.ID = d.id()
		r.Text = d.str()
		r.Kind = enumIn(d, codecStmtKinds)
		r.SpeakerID = d.id()
		r.OrganisationID = d.id()
		r.Role = d.str()
		r.Cue = d.str()
		r.Said = d.date()
		if n := d.count(); n > 0 {
			r.Covers = make([]store.Coverage, n)
			for i := range r.Covers {
				r.Covers[i].Range.From = d.date()
				r.Covers[i].Range.To = d.date()
				r.Covers[i].Label = d.str()
			}
		}
		if n := d.count(); n > 0 {
			r.TopicIDs = make([]string, n)
			for i := range r.TopicIDs {
				r.TopicIDs[i] = d.id()
			}
		}
		r.SourceID = d.id()
		if d.byte() == 1 {
			r.Span = &store.Span{Start: int(d.uint()), End: int(d.uint())}
		}
		r.Language = d.str()
		r.Status = enumIn(d, codecStatuses)
		if d.byte() == 1 {
			r.Confidence = math.Float64frombits(d.fixed64())
		}
		r.CreatedAt, r.UpdatedAt = d.time(), d.time()
		if format >= recordV2 {
			r.ByOrganisation = d.byte() == 1
			r.Heading = d.str()
		}
		if format == recordV3 {
			r.Origin = d.str()
		}
	default:
		return errs.E(errs.Internal, "decoding record: %T is not a record", v)
	}
	if d.err != nil || len(d.b) != 0 {
		return errs.E(errs.Internal, "decoding record: corrupt or truncated")
	}
	return nil
}

type encoder struct {
	b   []byte
	err error
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func (e *encoder) uint(n uint64) { e.b = binary.AppendUvarint(e.b, n) }

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// id writes an optional id: a zero byte when empty, else 1 and its 16
// bytes. Ids are canonical after normalization, so their text comes back
// the same.
func (e *encoder) id(id string) {
	if id == "" {
		e.b = append(e.b, 0)
		return
	}
	u, err := uuid.Parse(id)
	if err != nil && e.err == nil {
		e.err = err
	}
	e.b = append(e.b, 1)
	e.b = append(e.b, u[:]...)
}

// hash writes an optional hex SHA-256: its 32 bytes, or a zero length.
func (e *encoder) hash(h string) {
	b, err := hex.DecodeString(h)
	if err != nil || len(b) != 0 && len(b) != 32 || hex.EncodeToString(b) != h {
		// Not in canonical form: keep the text as it is.
		e.b = append(e.b, 0xff)
		e.str(h)
		return
	}
	e.b = append(e.b, byte(len(b)))
	e.b = append(e.b, b...)
}

func (e *encoder) date(d partialdate.Date) { e.uint(uint64(d.Key())) }

func (e *encoder) times(ts ...time.Time) {
	for _, t := range ts {
		e.b = binary.AppendVarint(e.b, t.Unix())
		e.uint(uint64(t.Nanosecond()))
	}
}

func enumOut[T ~string](e *encoder, all []T, v T) {
	if v == "" {
		e.b = append(e.b, 0)
		return
	}
	for i, x := range all {
		if x == v {
			e.b = append(e.b, byte(i+1))
			return
		}
	}
	e.b = append(e.b, 0xff)
	e.str(string(v))
}

// decoder reads a stored record. The strings of one record are written
// into one buffer sized for them all, so that decoding a record allocates
// its strings once; strings.Builder hands out its contents without
// copying.
type decoder struct {
	b   []byte
	sb  strings.Builder
	err error
}

func newDecoder(b []byte) *decoder {
	d := &decoder{b: b}
	// Every byte becomes at most one byte of string, except ids and
	// hashes, whose 17 and 33 stored bytes become 36 and 64 characters.
	d.sb.Grow(len(b)*36/17 + 1)
	return d
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errs.E(errs.Internal, "corrupt record")
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uint() uint64 {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[k:]
	return n
}

// count reads a list length, bounded by what is left to read.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) take(n int) []byte {
	if n > len(d.b) || n < 0 {
		d.fail()
		return nil
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p
}

// keep returns the text appended to the builder since start.
func (d *decoder) keep(start int) string {
	if start == d.sb.Len() {
		return ""
	}
	return d.sb.String()[start:]
}

func (d *decoder) str() string {
	p := d.take(d.count())
	start := d.sb.Len()
	d.sb.Write(p)
	return d.keep(start)
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *decoder) id() string {
	if d.byte() == 0 {
		return ""
	}
	p := d.take(16)
	if p == nil {
		return ""
	}
	var buf [36]byte
	encodeUUID(buf[:], p)
	start := d.sb.Len()
	d.sb.Write(buf[:])
	return d.keep(start)
}

// encodeUUID writes the canonical text of the 16-byte UUID u into dst.
func encodeUUID(dst []byte, u []byte) {
	hex.Encode(dst, u[:4])
	dst[8] = '-'
	hex.Encode(dst[9:13], u[4:6])
	dst[13] = '-'
	hex.Encode(dst[14:18], u[6:8])
	dst[18] = '-'
	hex.Encode(dst[19:23], u[8:10])
	dst[23] = '-'
	hex.Encode(dst[24:], u[10:])
}

func (d *decoder) hash() string {
	n := d.byte()
	if n == 0xff {
		return d.str()
	}
	p := d.take(int(n))
	start := d.sb.Len()
	var buf [64]byte
	hex.Encode(buf[:], p)
	d.sb.Write(buf[:2*len(p)])
	return d.keep(start)
}

func (d *decoder) date() partialdate.Date { return partialdate.FromKey(uint32(d.uint())) }

func (d *decoder) time() time.Time {
	sec, k := binary.Varint(d.b)
	if k <= 0 {
		d.fail()
		return time.Time{}
	}
	d.b = d.b[k:]
	return time.Unix(sec, int64(d.uint())).UTC()
}

func (d *decoder) fixed64() uint64 {
	p := d.take(8)
	if p == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(p)
}

func enumIn[T ~string](d *decoder, all []T) T {
	switch c := d.byte(); {
	case c == 0:
		return ""
	case c == 0xff:
		return T(d.str())
	case int(c) <= len(all):
		return all[c-1]
	}
	d.fail()
	return ""
}
