// Package dump exports a whole database as JSON Lines and imports such a
// file back, for backups, moving data between installations and seeding
// test databases.
//
// A dump has one store.Record per line, as encoding/json writes it, in the
// dependency order of store.RecordTypes (and, among topics, parents before
// their subtopics), so that every record refers only to records on earlier
// lines. Records keep their ids and timestamps: importing a dump reproduces
// the database it was taken from, and importing it again changes nothing.
package dump

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/lines"
	"github.com/quotedb/quotedb/store"
)

// MaxLineBytes bounds the length of one line of a dump, newline excluded.
// It is generous because a source's whole text is on its line. Export
// refuses to write a longer line, so that everything it writes can be
// imported.
const MaxLineBytes = 64 << 20

// Actor is the actor the change log records for Import's writes when the
// context names none.
const Actor = "import"

// Export writes every record of s to w, one JSON store.Record per line, and
// returns the number of records written. It reads inside one View
// transaction, so the dump is a consistent snapshot even while others write.
// A record whose line would exceed MaxLineBytes fails the export with
// errs.TooLarge; what was written to w before an error is incomplete.
func Export(ctx context.Context, s store.Store, w io.Writer) (n int, err error) {
	bw := bufio.NewWriter(w)
	e := &encoder{w: bw}
	e.enc = json.NewEncoder(&e.buf)
	// Texts quote people; keep <, > and & readable rather than \u003c.
	e.enc.SetEscapeHTML(false)
	err = s.View(ctx, func(tx store.Tx) error {
		for _, t := range store.RecordTypes {
			if err := exportType(ctx, tx, t, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = bw.Flush()
	}
	return e.n, err
}

// Count returns the number of records of each type in tx: what Export
// writes, type by type. Reports of a database's records (check, restore)
// count with it, so that they agree with an export.
func Count(tx store.Tx) (map[store.RecordType]int, error) {
	p := store.Page{First: 1, Count: true}
	counts := make(map[store.RecordType]int, len(store.RecordTypes))
	for _, t := range store.RecordTypes {
		var n int
		var err error
		switch t {
		case store.OrganisationType:
			n, err = total(tx.ListOrganisations(store.OrganisationFilter{}, p))
		case store.SpeakerType:
			n, err = total(tx.ListSpeakers(store.SpeakerFilter{}, p))
		case store.TopicType:
			n, err = total(tx.ListTopics(store.TopicFilter{}, p))
		case store.SourceType:
			n, err = total(tx.ListSources(store.SourceFilter{}, p))
		case store.AffiliationType:
			n, err = total(tx.ListAffiliations(store.AffiliationFilter{}, p))
		case store.StatementType:
			n, err = total(tx.ListStatements(store.StatementFilter{}, p))
		case store.ClaimReviewType:
			n, err = total(tx.ListClaimReviews(store.ClaimReviewFilter{}, p))
		default:
			err = errs.E(errs.Internal, "dump: no count for record type %q", t)
		}
		if err != nil {
			return nil, err
		}
		counts[t] = n
	}
	return counts, nil
}

func total[T any](c *store.Conn[T], err error) (int, error) {
	if err != nil {
		return 0, err
	}
	return c.Total, nil
}

// encoder writes records as lines, counting them.
type encoder struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
	n   int
}

func (e *encoder) write(rec store.Record) error {
	e.buf.Reset()
	if err := e.enc.Encode(rec); err != nil {
		return errs.Wrap(errs.Internal, err, "encoding "+string(rec.Type))
	}
	if e.buf.Len()-1 > MaxLineBytes { // -1: Encode's newline
		_, id := payload(rec)
		return errs.E(errs.TooLarge, "%s %s is %d bytes as JSON, more than a dump line may hold (%d)",
			rec.Type, id, e.buf.Len()-1, MaxLineBytes)
	}
	if _, err := e.w.Write(e.buf.Bytes()); err != nil {
		return errs.Wrap(errs.Internal, err, "writing dump")
	}
	e.n++
	return nil
}

func exportType(ctx context.Context, tx store.Tx, t store.RecordType, e *encoder) error {
	switch t {
	case store.OrganisationType:
		return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Organisation], error) {
			return tx.ListOrganisations(store.OrganisationFilter{}, p)
		}, func(o *store.Organisation) error { return e.write(store.Record{Type: t, Organisation: o}) })
	case store.SpeakerType:
		return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Speaker], error) {
			return tx.ListSpeakers(store.SpeakerFilter{}, p)
		}, func(s *store.Speaker) error { return e.write(store.Record{Type: t, Speaker: s}) })
	case store.TopicType:
		// Topics list in id order, but a topic may have been moved under
		// one created after it; collect them to put parents first.
		var all []*store.Topic
		err := store.Each(ctx, func(p store.Page) (*store.Conn[*store.Topic], error) {
			return tx.ListTopics(store.TopicFilter{}, p)
		}, func(tp *store.Topic) error { all = append(all, tp); return nil })
		if err != nil {
			return err
		}
		for _, tp := range parentsFirst(all) {
			if err := e.write(store.Record{Type: t, Topic: tp}); err != nil {
				return err
			}
		}
		return nil
	case store.SourceType:
		return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Source], error) {
			return tx.ListSources(store.SourceFilter{}, p)
		}, func(s *store.Source) error { return e.write(store.Record{Type: t, Source: s}) })
	case store.AffiliationType:
		return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Affiliation], error) {
			return tx.ListAffiliations(store.AffiliationFilter{}, p)
		}, func(a *store.Affiliation) error { return e.write(store.Record{Type: t, Affiliation: a}) })
	case store.StatementType:
		return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Statement], error) {
			return tx.ListStatements(store.StatementFilter{}, p)
		}, func(s *store.Statement) error { return e.write(store.Record{Type: t, Statement: s}) })
	case store.ClaimReviewType:
		return store.Each(ctx, func(p store.Page) (*store.Conn[*store.ClaimReview], error) {
			return tx.ListClaimReviews(store.ClaimReviewFilter{}, p)
		}, func(r *store.ClaimReview) error { return e.write(store.Record{Type: t, ClaimReview: r}) })
	}
	return errs.E(errs.Internal, "dump: no export for record type %q", t)
}

// parentsFirst orders topics so that each comes after its parent, keeping
// the given order otherwise. A parent missing from topics (which a
// consistent snapshot does not have) does not hold its subtopics back.
func parentsFirst(topics []*store.Topic) []*store.Topic {
	byID := make(map[string]*store.Topic, len(topics))
	for _, t := range topics {
		byID[t.ID] = t
	}
	out := make([]*store.Topic, 0, len(topics))
	done := make(map[string]bool, len(topics))
	var visit func(t *store.Topic)
	visit = func(t *store.Topic) {
		if done[t.ID] {
			return
		}
		// Mark before visiting the parent, so a cycle (which the store
		// forbids) cannot recurse forever.
		done[t.ID] = true
		if p := byID[t.ParentID]; p != nil {
			visit(p)
		}
		out = append(out, t)
	}
	for _, t := range topics {
		visit(t)
	}
	return out
}

// Counts counts the records of an import by what happened to them.
type Counts struct {
	Created   int // not in the database before
	Updated   int // in the database, and changed
	Unchanged int // in the database already, exactly as in the dump
}

// Read returns the number of records counted.
func (c Counts) Read() int { return c.Created + c.Updated + c.Unchanged }

// Changed returns the number of records created or updated.
func (c Counts) Changed() int { return c.Created + c.Updated }

func (c *Counts) add(created, changed bool) {
	switch {
	case created:
		c.Created++
	case changed:
		c.Updated++
	default:
		c.Unchanged++
	}
}

// Stats reports what an import did: totals, and counts per record type.
type Stats struct {
	Counts
	ByType map[store.RecordType]Counts
}

// Import reads a dump from r and puts every record into s with Tx.Put,
// keeping ids and timestamps, in one transaction (through Load when s is a
// store.Loader): a dump with any bad line writes nothing. Records must come after the records they refer
// to, as Export writes them. Blank lines are skipped; a line may hold up to
// MaxLineBytes bytes.
//
// Errors name the line. A line that is not valid UTF-8, not one JSON
// record, has fields a record does not have, an unknown type, or a payload
// other than the one its type names gives errs.Invalid; a longer line
// gives errs.TooLarge; a record the store refuses keeps the store's kind
// (errs.NotFound for a reference to a missing record, errs.Conflict for a
// duplicate). On error the Stats are zero, since nothing was written.
//
// Import holds the write transaction while it reads r, so other writers
// wait for the whole of r: give it a file, not a slow stream.
func Import(ctx context.Context, s store.Store, r io.Reader) (Stats, error) {
	return ImportProgress(ctx, s, r, nil)
}

// ImportProgress is Import calling done, when not nil, after each record
// is put: progress counts records stored, not lines read, which run ahead
// of them.
func ImportProgress(ctx context.Context, s store.Store, r io.Reader, done func()) (Stats, error) {
	if l, ok := s.(store.Loader); ok {
		return putAll(ctx, l.Load, readAll(r, done))
	}
	return putAll(ctx, update(s), readAll(r, done))
}

// LoadProgress is ImportProgress into a store.Loader, such as a
// bolt.NewFile: a new database file written in one go, which is several
// times faster than putting the records into an open database.
func LoadProgress(ctx context.Context, l store.Loader, r io.Reader, done func()) (Stats, error) {
	return putAll(ctx, l.Load, readAll(r, done))
}

// source passes records to emit in order, with what prep, when not nil,
// returned for each (prep may run on other goroutines, ahead of emit).
type source func(prep func(store.Record) any, emit func(store.Record, any) error) error

// readAll is the source that reads a dump from r, calling done, when not
// nil, after each record is put.
func readAll(r io.Reader, done func()) source {
	return func(prep func(store.Record) any, emit func(store.Record, any) error) error {
		if done == nil {
			return readRecords(r, prep, emit)
		}
		return readRecords(r, prep, func(rec store.Record, p any) error {
			if err := emit(rec, p); err != nil {
				return err
			}
			done()
			return nil
		})
	}
}

// decodeBatch is how many lines a decoding worker takes at a time.
const decodeBatch = 256

// batch is a run of consecutive lines, decoded by a worker.
type batch struct {
	first int // line number of lines[0]
	lines [][]byte
	recs  []store.Record
	preps []any // what prep returned for each record
	at    []int // line number of each record
	err   error // the first line that failed, or the read error after the lines
	done  chan struct{}
}

// readRecords reads a dump from r and calls emit with each record in
// order, and what prep (when not nil) returned for it, stopping at the
// first bad line or emit's first error. Lines are decoded, and prepared,
// in batches on all cores while the caller puts the records before them:
// decoding JSON is as costly as storing.
func readRecords(r io.Reader, prep func(store.Record) any, emit func(store.Record, any) error) error {
	stop := make(chan struct{})
	defer close(stop)
	work := make(chan *batch, 16)
	order := make(chan *batch, 16)
	for range max(1, runtime.GOMAXPROCS(0)) {
		go func() {
			for b := range work {
				b.decode(prep)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(work)
		line := 0
		b := &batch{first: 1, done: make(chan struct{})}
		var send func() bool
		// A stream that paused (a short read) may pause again: the lines
		// read so far are sent before the next read waits, so that they
		// are stored, and counted, as they come rather than a batch later.
		stopped := false
		sc := bufio.NewScanner(&pauseReader{r: r, pause: func() bool {
			stopped = len(b.lines) > 0 && !send()
			return !stopped
		}})
		sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
		send = func() bool {
			select {
			case work <- b:
			case <-stop:
				return false
			}
			select {
			case order <- b:
			case <-stop:
				return false
			}
			b = &batch{first: line + 1, done: make(chan struct{})}
			return true
		}
		var blocks lines.Blocks
		for sc.Scan() && !stopped {
			line++
			b.lines = append(b.lines, blocks.Copy(sc.Bytes()))
			if len(b.lines) == decodeBatch && !send() {
				return
			}
		}
		if stopped {
			return // the batch may be a worker's now; nobody reads on
		}
		switch err := sc.Err(); {
		case errors.Is(err, bufio.ErrTooLong):
			b.err = errs.E(errs.TooLarge, "line %d: longer than %d bytes", line+1, MaxLineBytes)
		case err != nil:
			b.err = errs.Wrap(errs.Internal, err, fmt.Sprintf("reading line %d", line+1))
		}
		send()
	}()
	for b := range order {
		<-b.done
		for i, rec := range b.recs {
			var p any
			if prep != nil {
				p = b.preps[i]
			}
			if err := emit(rec, p); err != nil {
				return lineError(err, "line %d", b.at[i])
			}
		}
		if b.err != nil {
			return b.err
		}
	}
	return nil
}

// pauseReader reads r, calling pause before a read that follows a short
// one: r had no more bytes ready, and the next read may wait. When pause
// returns false, reading stops.
type pauseReader struct {
	r     io.Reader
	pause func() bool
	short bool
}

var errStopped = errors.New("import stopped")

func (p *pauseReader) Read(b []byte) (int, error) {
	if p.short && !p.pause() {
		return 0, errStopped
	}
	n, err := p.r.Read(b)
	p.short = n < len(b)
	return n, err
}

// decode decodes the lines of b up to the first bad one, and prepares
// the records with prep when not nil; blank lines are skipped.
func (b *batch) decode(prep func(store.Record) any) {
	defer close(b.done)
	readErr := b.err
	for i, l := range b.lines {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		rec, err := decode(l)
		if err != nil {
			// Records before the bad line are still emitted, so that a
			// store error on one of them is the one reported, as when
			// reading line by line.
			b.err = lineError(err, "line %d", b.first+i)
			b.lines = nil
			return
		}
		b.recs = append(b.recs, rec)
		if prep != nil {
			b.preps = append(b.preps, prep(rec))
		}
		b.at = append(b.at, b.first+i)
	}
	b.lines = nil
	b.err = readErr
}

// PutAll puts every record that records passes to its emit function into
// s with Tx.Put, as Import does: in one transaction, which commits when
// records returns nil and writes nothing when it or a Put fails. Errors of
// Put name the record's type and id. A store that is a store.Loader loads
// through Load.
func PutAll(ctx context.Context, s store.Store, records func(emit func(store.Record) error) error) (Stats, error) {
	if l, ok := s.(store.Loader); ok {
		return LoadAll(ctx, l, records)
	}
	return putAll(ctx, update(s), plain(records))
}

// LoadAll is PutAll through l.Load.
func LoadAll(ctx context.Context, l store.Loader, records func(emit func(store.Record) error) error) (Stats, error) {
	return putAll(ctx, l.Load, plain(records))
}

// update is s.Update as the load function of putAll.
func update(s store.Store) func(context.Context, func(store.Putter) error) error {
	return func(ctx context.Context, load func(store.Putter) error) error {
		return s.Update(ctx, func(tx store.Tx) error { return load(tx) })
	}
}

// plain is records as a source that prepares nothing.
func plain(records func(emit func(store.Record) error) error) source {
	return func(_ func(store.Record) any, emit func(store.Record, any) error) error {
		return records(func(rec store.Record) error { return emit(rec, nil) })
	}
}

// preparer is implemented by transactions that can do part of a put
// ahead of it, on any goroutine (bolt's bulk loads).
type preparer interface {
	PrepareRecord(rec store.Record) any
	PutPrepared(rec store.Record, prepared any) (created, changed bool, err error)
}

func putAll(ctx context.Context, update func(context.Context, func(store.Putter) error) error, records source) (Stats, error) {
	if store.ActorFrom(ctx) == "" {
		ctx = store.WithActor(ctx, Actor)
	}
	var st Stats
	load := func(tx store.Putter) error {
		st = Stats{ByType: map[store.RecordType]Counts{}}
		n := 0
		var prep func(store.Record) any
		pp, ok := tx.(preparer)
		if ok {
			prep = pp.PrepareRecord
		}
		return records(prep, func(rec store.Record, p any) error {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			var created, changed bool
			var err error
			if prep != nil {
				created, changed, err = pp.PutPrepared(rec, p)
			} else {
				created, changed, err = put(tx, rec)
			}
			if err != nil {
				_, id := payload(rec)
				return lineError(err, "%s %s", rec.Type, id)
			}
			st.add(created, changed)
			c := st.ByType[rec.Type]
			c.add(created, changed)
			st.ByType[rec.Type] = c
			return nil
		})
	}
	if err := update(ctx, load); err != nil {
		return Stats{}, err
	}
	return st, nil
}

// lineError prefixes err with where it happened, keeping its kind.
func lineError(err error, format string, args ...any) error {
	return errs.Wrap(errs.KindOf(err), err, fmt.Sprintf(format, args...))
}

// decodeOptions decode a line as encoding/json does (the v1 options:
// names matched without regard to case, duplicate names allowed, the last
// winning), except that a field a record does not have is refused: this
// version would drop it without a word, so the dump is refused instead of
// losing data. The v2 implementation decodes in one pass where
// encoding/json's Decoder scans a line twice; decoding is the largest
// part of a bulk import after storing (1M statements: 9.9 CPU-s with
// encoding/json, about half with this).
var decodeOptions = jsonv2.JoinOptions(jsonv1.DefaultOptionsV1(), jsonv2.RejectUnknownMembers(true))

// fastDecodeOptions are decodeOptions without v1's way of reporting
// errors, which checks a line's whole syntax before decoding it: a second
// pass over every line, a fifth of decoding. They decode the lines
// decodeOptions decode, to the same records, and refuse the others
// (FuzzDecodeOptions); a line they refuse is decoded again with
// decodeOptions, whose error is the one reported.
var fastDecodeOptions = jsonv2.JoinOptions(decodeOptions, jsonv1.ReportErrorsWithLegacySemantics(false))

// decode parses one line into a record with exactly the payload its type
// names.
func decode(b []byte) (store.Record, error) {
	var rec store.Record
	// encoding/json would turn invalid UTF-8 into U+FFFD silently, and the
	// store keeps statement text byte for byte.
	if !utf8.Valid(b) {
		return rec, errs.E(errs.Invalid, "not valid UTF-8")
	}
	if err := jsonv2.Unmarshal(b, &rec, fastDecodeOptions); err != nil {
		rec = store.Record{}
		if err := jsonv2.Unmarshal(b, &rec, decodeOptions); err != nil {
			return rec, errs.E(errs.Invalid, "not a JSON record: %v", err)
		}
	}
	n := 0
	for _, set := range []bool{rec.Speaker != nil, rec.Organisation != nil, rec.Affiliation != nil,
		rec.Topic != nil, rec.Source != nil, rec.Statement != nil, rec.ClaimReview != nil} {
		if set {
			n++
		}
	}
	switch t, _ := payload(rec); {
	case rec.Type == "":
		return rec, errs.E(errs.Invalid, "record has no type")
	case !slices.Contains(store.RecordTypes, rec.Type):
		return rec, errs.E(errs.Invalid, "unknown record type %q", rec.Type)
	case n != 1 || t != rec.Type:
		return rec, errs.E(errs.Invalid, "record of type %q must hold exactly one record, in its %q field", rec.Type, rec.Type)
	}
	return rec, nil
}

// recordPutter is implemented by transactions whose Put can tell that the
// record is new.
type recordPutter interface {
	PutRecord(rec store.Record) (created, changed bool, err error)
}

// put puts rec and reports whether it created a record and whether it
// changed anything; Put says only the latter.
func put(tx store.Putter, rec store.Record) (created, changed bool, err error) {
	if rp, ok := tx.(recordPutter); ok {
		return rp.PutRecord(rec)
	}
	if _, id := payload(rec); id != "" {
		_, err := tx.TypeOf(id)
		switch {
		case errs.Is(err, errs.NotFound):
			created = true
		case err != nil:
			return false, false, err
		}
	}
	changed, err = tx.Put(rec)
	return created && changed, changed, err
}

// payload returns the type and id of rec's first non-nil payload.
func payload(rec store.Record) (store.RecordType, string) {
	switch {
	case rec.Speaker != nil:
		return store.SpeakerType, rec.Speaker.ID
	case rec.Organisation != nil:
		return store.OrganisationType, rec.Organisation.ID
	case rec.Affiliation != nil:
		return store.AffiliationType, rec.Affiliation.ID
	case rec.Topic != nil:
		return store.TopicType, rec.Topic.ID
	case rec.Source != nil:
		return store.SourceType, rec.Source.ID
	case rec.Statement != nil:
		return store.StatementType, rec.Statement.ID
	case rec.ClaimReview != nil:
		return store.ClaimReviewType, rec.ClaimReview.ID
	}
	return "", ""
}
