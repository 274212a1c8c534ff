package dataio

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/bzip2"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"
	"github.com/google/uuid"
	"github.com/quotedb/quotedb/dedup"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// Quote is one line of Quotebank's quote-centric JSON Lines.
type Quote struct {
	QuoteID        string   `json:"quoteID"`
	Quotation      string   `json:"quotation"`
	Speaker        string   `json:"speaker"` // the most probable speaker, or "None"
	QIDs           []string `json:"qids"`    // Wikidata ids of the speaker's homonyms
	Date           string   `json:"date"`    // "2020-01-31 12:00:00"
	NumOccurrences int      `json:"numOccurrences"`
	Probas         []Proba  `json:"probas"`
	URLs           []string `json:"urls"`
	Phase          string   `json:"phase,omitempty"`
}

// Proba is one [name, probability] pair of a quote's probas. Quotebank
// writes the probability as a string ("0.7598"); a number is read too.
type Proba struct {
	Name string
	P    float64
}

// NoSpeaker is Quotebank's speaker of a quote it could not attribute.
const NoSpeaker = "None"

// MaxQuoteLineBytes bounds one line of a Quotebank file.
const MaxQuoteLineBytes = 16 << 20

// MaxQuoteURLs bounds the urls of one quote that become appearances.
const MaxQuoteURLs = 1000

// quotebankOrigin begins the store.Statement.Origin of a quote's
// statements, its phase following: the statements, not their sources,
// carry it, since the phase is the run of Quotebank's pipeline that
// attributed the quote (see Origin).
const quotebankOrigin = "quotebank:"

func (p Proba) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{p.Name, strconv.FormatFloat(p.P, 'f', -1, 64)})
}

func (p *Proba) UnmarshalJSON(b []byte) error {
	if name, f, ok := plainProba(b); ok {
		p.Name, p.P = name, f
		return nil
	}
	return p.unmarshalAny(b)
}

// plainProba reads a proba of the form Quotebank writes, ["name","0.5"]
// without spaces or escapes, as unmarshalAny would, which is several times
// slower; ok is false for any other form and for any error.
func plainProba(b []byte) (name string, f float64, ok bool) {
	rest, ok := bytes.CutPrefix(b, []byte(`["`))
	if !ok {
		return "", 0, false
	}
	n, rest, ok := bytes.Cut(rest, []byte(`",`))
	if !ok || bytes.ContainsAny(n, "\"\\") || !utf8.Valid(n) {
		return "", 0, false
	}
	v, ok := bytes.CutSuffix(rest, []byte("]"))
	if !ok {
		return "", 0, false
	}
	if q, ok := bytes.CutPrefix(v, []byte(`"`)); ok {
		if v, ok = bytes.CutSuffix(q, []byte(`"`)); !ok {
			return "", 0, false
		}
	}
	if bytes.ContainsAny(v, "\"\\") {
		return "", 0, false
	}
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil || !(f >= 0 && f <= 1) { // (NaN compares false both ways)
		return "", 0, false
	}
	return string(n), f, true
}

// unmarshalAny reads a proba of any form.
func (p *Proba) unmarshalAny(b []byte) error {
	var pair []json.RawMessage
	if err := json.Unmarshal(b, &pair); err != nil || len(pair) != 2 {
		return errors.New("a proba is a [name, probability] pair")
	}
	if err := json.Unmarshal(pair[0], &p.Name); err != nil {
		return errors.New("a proba's name is a string")
	}
	var s string
	if json.Unmarshal(pair[1], &s) != nil {
		s = string(pair[1])
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f >= 0 && f <= 1) { // (NaN compares false both ways)
		return fmt.Errorf("probability %s is not a number from 0 to 1", pair[1])
	}
	p.P = f
	return nil
}

// Decompress returns r decompressed by its name's extension: .bz2 and .gz
// are read as such, anything else as it is.
func Decompress(r io.Reader, name string) (io.Reader, error) {
	switch {
	case strings.HasSuffix(name, ".bz2"):
		return bzip2.NewReader(r), nil
	case strings.HasSuffix(name, ".gz"):
		z, err := gzip.NewReader(r)
		if err != nil {
			return nil, errs.Wrap(errs.Invalid, err, name+" is not gzip")
		}
		return z, nil
	}
	return r, nil
}

// ImportQuotebank reads Quotebank's quote-centric JSON Lines from r into s
// in one transaction (a bulk load, see load), a line at a time: besides
// the transaction's pending writes, memory grows with the speakers named
// and the sources created (about 50 bytes a url), not with the quotes. Each url of a quote becomes a statement of
// its words in a source with that url, the first of them the first
// appearance; the speaker is found by Wikidata id, else by name, else
// created; several qids stay candidates on the speaker. Statement ids
// derive from quoteID and url, so that importing a file again changes
// nothing. A bad line fails the file with its number. progress, when not
// nil, is called per quote.
func ImportQuotebank(ctx context.Context, s store.Store, r io.Reader, progress func()) (Counts, error) {
	return importQuotebank(ctx, func(fn func(store.Tx) error) error { return load(ctx, s, fn) }, false, r, progress)
}

// LoadQuotebank is ImportQuotebank into a store.Loader whose Load passes
// fn a store.Tx, such as a bolt.NewFile: a new database file written in
// one go, which is several times faster.
func LoadQuotebank(ctx context.Context, l store.Loader, r io.Reader, progress func()) (Counts, error) {
	return importQuotebank(ctx, func(fn func(store.Tx) error) error { return loadTx(ctx, l, fn, nil) }, true, r, progress)
}

// importQuotebank imports r in the transaction run passes; bulk says it is
// a bulk load, whose lists do not show what it writes.
func importQuotebank(ctx context.Context, run func(func(store.Tx) error) error, bulk bool, r io.Reader, progress func()) (Counts, error) {
	var counts Counts
	err := run(func(tx store.Tx) error {
		res := newResolver(tx)
		if err := res.indexQIDs(ctx); err != nil {
			return err
		}
		if bulk {
			c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 1})
			if err != nil {
				return err
			}
			res.listsEmpty = len(c.Items) == 0
		}
		n := 0
		var prepText func(string) any
		if p, ok := tx.(textPreparer); ok {
			prepText = p.PrepareText
		}
		err := eachQuote(r, prepText, func(line int, q *quoteWork) error {
			if n++; n%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if err := res.quote(q); err != nil {
				return lineError(line, err)
			}
			if progress != nil {
				progress()
			}
			return nil
		})
		counts = res.counts
		return err
	})
	if err != nil {
		return Counts{}, err
	}
	return counts, nil
}

// textPreparer is a store.Tx that can prepare a statement's text on any
// goroutine, before the statement is created in order (bolt's).
type textPreparer interface {
	PrepareText(text string) any
	CreatePrepared(st *store.Statement, text any) error
}

func decodeQuote(b []byte) (*Quote, error) {
	if !utf8.Valid(b) {
		return nil, errs.E(errs.Invalid, "not valid UTF-8")
	}
	var q Quote
	// As encoding/json decodes, in one pass rather than two (see
	// dump's decode).
	if err := jsonv2.Unmarshal(b, &q, jsonv1.DefaultOptionsV1()); err != nil {
		return nil, errs.E(errs.Invalid, "not a Quotebank quote: %v", err)
	}
	switch {
	case strings.TrimSpace(q.Quotation) == "":
		return nil, errs.E(errs.Invalid, "quote %q has no quotation", q.QuoteID)
	case q.QuoteID == "":
		return nil, errs.E(errs.Invalid, "quote has no quoteID")
	case len(q.URLs) > MaxQuoteURLs:
		return nil, errs.E(errs.TooLarge, "quote %q has %d urls, more than %d", q.QuoteID, len(q.URLs), MaxQuoteURLs)
	}
	return &q, nil
}

// quoteDate parses Quotebank's "2020-01-31 12:00:00", or a date alone.
func quoteDate(s string) (partialdate.Date, error) {
	if s == "" {
		return partialdate.Date{}, nil
	}
	day, _, _ := strings.Cut(s, " ")
	d, err := partialdate.Parse(day)
	if err != nil {
		return d, errs.Wrap(errs.Invalid, err, "date "+strconv.Quote(s))
	}
	return d, nil
}

// indexQIDs maps the Wikidata ids of the stored speakers to them: speakers
// are few next to quotes, and the store has no index of them.
func (r *resolver) indexQIDs(ctx context.Context) error {
	return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Speaker], error) {
		return r.tx.ListSpeakers(store.SpeakerFilter{}, p)
	}, func(s *store.Speaker) error {
		if s.QID != "" {
			r.byQID[s.QID] = s.ID
		}
		return nil
	})
}

// quoteWork is a quote with what storing it takes from the quote alone,
// made by the decoding workers (see eachQuote) so that the one goroutine
// that stores quotes in order has less to do.
type quoteWork struct {
	q          *Quote
	said       partialdate.Date
	saidErr    error
	speaker    string // trimmed; "" for none
	speakerKey string // the speaker folded
	confidence float64
	urls       []quoteURL // one with url "" when the quote has none
	text       any        // the text as the store prepared it, or nil
}

// quoteURL is an appearance of a quote: its url, the id of its statement,
// and the key of the url in resolver.urls.
type quoteURL struct {
	url string
	id  string
	key [16]byte
	err error // of checking the url
}

// prepareQuote makes the quoteWork of q; prepText, when not nil, is the
// store's preparation of a statement's text.
func prepareQuote(q *Quote, prepText func(string) any) *quoteWork {
	w := &quoteWork{q: q}
	if w.said, w.saidErr = quoteDate(q.Date); w.saidErr != nil {
		return w
	}
	if name := strings.TrimSpace(q.Speaker); name != "" && name != NoSpeaker {
		w.speaker, w.speakerKey = name, textfold.Fold(name)
	}
	name := cmp.Or(q.Speaker, NoSpeaker)
	if i := slices.IndexFunc(q.Probas, func(p Proba) bool { return p.Name == name }); i >= 0 {
		w.confidence = q.Probas[i].P
	}
	urls := q.URLs
	if len(urls) == 0 {
		urls = []string{""}
	}
	w.urls = make([]quoteURL, len(urls))
	for i, url := range urls {
		u := &w.urls[i]
		u.url, u.id = url, quoteStatementID(q.QuoteID, i, w.said)
		if url != "" {
			u.key = urlKey(url)
			u.err = store.CheckURL("url", url)
		}
	}
	if prepText != nil {
		w.text = prepText(q.Quotation)
	}
	return w
}

// quote stores one quote: a statement per url, or one without a source
// when it has none.
func (r *resolver) quote(w *quoteWork) error {
	q, said := w.q, w.said
	if w.saidErr != nil {
		return w.saidErr
	}
	speakerID, err := r.quoteSpeaker(w)
	if err != nil {
		return err
	}
	for _, u := range w.urls {
		st := &store.Statement{ID: u.id, Text: q.Quotation, Kind: store.Direct,
			SpeakerID: speakerID, Said: said, Language: "en", Status: store.Unverified, Confidence: w.confidence}
		if q.Phase != "" {
			st.Origin = quotebankOrigin + q.Phase
		}
		old, err := r.stored(st, u)
		if err != nil {
			return err
		}
		if err := r.putStatement(st, old, w.text); err != nil {
			return err
		}
	}
	return nil
}

// stored gives st the source of u's url (found or created) and returns
// the stored statement st is to update, nil for none.
func (r *resolver) stored(st *store.Statement, u quoteURL) (*store.Statement, error) {
	fresh := false
	if u.url != "" {
		if u.err != nil {
			return nil, u.err
		}
		var err error
		if st.SourceID, fresh, err = r.sourceByKey(u.url, u.key, "", st.Said); err != nil {
			return nil, err
		}
	}
	old, err := r.statement(st.ID)
	if err == nil && old == nil && u.url != "" && !fresh {
		old, err = r.sameInSource(st)
	}
	return old, err
}

// statement returns the statement of id, nil when there is none.
func (r *resolver) statement(id string) (*store.Statement, error) {
	st, err := r.tx.Statement(id)
	if errs.Is(err, errs.NotFound) {
		return nil, nil
	}
	return st, err
}

// sameInSource returns a statement of the same words, speaker and date
// as st in st's source, if any, giving st its id: a quote exported and
// imported again finds its statements, whatever ids they got when first
// imported. It is asked when no statement has st's id.
func (r *resolver) sameInSource(st *store.Statement) (*store.Statement, error) {
	if r.listsEmpty {
		return nil, nil
	}
	f := store.StatementFilter{SourceIDs: []string{st.SourceID}}
	if st.SpeakerID != "" {
		f.SpeakerIDs = []string{st.SpeakerID}
	}
	var found string
	err := store.Each(context.Background(), func(p store.Page) (*store.Conn[*store.Statement], error) {
		return r.tx.ListStatements(f, p)
	}, func(o *store.Statement) error {
		if found == "" && o.Text == st.Text && o.SpeakerID == st.SpeakerID && o.Said == st.Said {
			found = o.ID
		}
		return nil
	})
	if err != nil || found == "" {
		return nil, err
	}
	// As stored now: this import may have changed it already.
	st.ID = found
	return r.statement(found)
}

// putStatement creates st, or updates old, the stored statement of its
// id, to it, keeping what the quote does not say (topics, status). text,
// when not nil, is st's text as the store's PrepareText made it.
func (r *resolver) putStatement(st, old *store.Statement, text any) error {
	if old == nil {
		r.counts.Created[store.StatementType]++
		if p, ok := r.tx.(textPreparer); ok && text != nil {
			return p.CreatePrepared(st, text)
		}
		return r.tx.CreateStatement(st)
	}
	next := *old
	next.Text, next.Kind, next.SpeakerID, next.Said = st.Text, st.Kind, st.SpeakerID, st.Said
	next.SourceID, next.Confidence, next.Origin = st.SourceID, st.Confidence, st.Origin
	if next.Language == "" {
		next.Language = st.Language
	}
	return r.save(store.StatementType, false, equalStatement(old, &next),
		nil, func() error { return r.tx.UpdateStatement(&next) })
}

func equalStatement(a, b *store.Statement) bool {
	return a.Text == b.Text && a.Kind == b.Kind && a.SpeakerID == b.SpeakerID && a.Said == b.Said &&
		a.SourceID == b.SourceID && a.Confidence == b.Confidence && a.Language == b.Language && a.Origin == b.Origin
}

// quoteStatementID is the id of the statement of a quote's i-th url: a
// UUIDv7 whose time is the quote's date, then i, so that the appearances
// of a quote created together sort in the order of its urls, and whose
// other bits hash the quote id and i, so that the same quote gets the same
// ids again. The first statement of a quote whose id is a UUID (as
// ExportQuotebank writes) gets that id back.
func quoteStatementID(quoteID string, i int, said partialdate.Date) string {
	if u, err := uuid.Parse(quoteID); err == nil && i == 0 && u.Version() == 7 {
		return u.String()
	}
	b := make([]byte, 0, 32+len(quoteID))
	b = append(append(append(b, "quotebank\x00"...), quoteID...), 0)
	h := sha256.Sum256(strconv.AppendInt(b, int64(i), 10))
	var u uuid.UUID
	copy(u[:], h[:16])
	ms := uint64(0)
	if f := said.First(); !said.IsZero() {
		ms = uint64(time.Date(f.Year, time.Month(max(f.Month, 1)), max(f.Day, 1), 0, 0, 0, 0, time.UTC).UnixMilli())
	}
	var ts [8]byte
	binary.BigEndian.PutUint64(ts[:], ms)
	copy(u[:6], ts[2:])
	u[6], u[7] = 0x70|byte(i>>8)&0x0f, byte(i) // version 7, then i (< 4096)
	u[8] = u[8]&0x3f | 0x80                    // RFC 4122 variant
	return u.String()
}

// quoteSpeaker finds or creates the speaker of a quote: by its one QID,
// else by name; a QID links a speaker found by name that has none, and
// several stay candidates. "None" is no speaker.
func (r *resolver) quoteSpeaker(w *quoteWork) (string, error) {
	q := w.q
	if w.speaker == "" {
		return "", nil
	}
	if len(q.QIDs) == 1 {
		if id, ok := r.byQID[q.QIDs[0]]; ok {
			return id, nil
		}
	}
	id, err := r.speakerKeyed(w.speaker, w.speakerKey)
	if err != nil {
		return "", err
	}
	if len(q.QIDs) == 0 {
		return id, nil
	}
	sp, err := r.tx.Speaker(id)
	if err != nil {
		return "", err
	}
	next := *sp
	next.QIDCandidates = slices.Clone(sp.QIDCandidates)
	switch {
	case len(q.QIDs) == 1 && sp.QID == "":
		next.QID = q.QIDs[0]
	case slices.Contains(q.QIDs, sp.QID):
		return id, nil // the homonym it is was chosen already
	default:
		next.QIDCandidates = append(next.QIDCandidates, q.QIDs...)
		if len(next.QIDCandidates) > store.MaxQIDCandidates {
			next.QIDCandidates = next.QIDCandidates[:store.MaxQIDCandidates]
		}
	}
	if err := store.NormalizeSpeaker(&next); err != nil {
		return "", err
	}
	if next.QID == sp.QID && slices.Equal(next.QIDCandidates, sp.QIDCandidates) {
		return id, nil
	}
	if err := r.tx.UpdateSpeaker(&next); err != nil {
		return "", err
	}
	if next.QID != "" {
		r.byQID[next.QID] = id
	}
	if !r.created[id] {
		r.counts.Updated[store.SpeakerType]++
	}
	return id, nil
}

// ExportQuotebank writes the statements of s to w as Quotebank quotes, a
// line per quote: statements of the same words by the same speaker that
// appear in several sources are written once, as their first appearance,
// with the urls of all their appearances and their number as
// numOccurrences. The appearances are those the store finds (near
// duplicates of the same words and speaker); statements too short for it to
// compare are grouped with those of the same words, speaker and date. The
// quoteID is the first appearance's id. It returns the number of quotes
// written; progress, when not nil, is called per statement read.
func ExportQuotebank(ctx context.Context, s store.Store, w io.Writer, progress func()) (int, error) {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	emit := func(q *Quote) error { n++; return enc.Encode(q) }
	err := s.View(ctx, func(tx store.Tx) error {
		names := newNamer(tx)
		short := &shortQuotes{}
		err := store.Each(ctx, func(p store.Page) (*store.Conn[*store.Statement], error) {
			return tx.ListStatements(store.StatementFilter{}, p)
		}, func(st *store.Statement) error {
			if progress != nil {
				progress()
			}
			if st.Said != short.day {
				if err := short.flush(names, emit); err != nil {
					return err
				}
				short.day = st.Said
			}
			if dedup.Shingles(st.Text) == nil {
				short.add(st)
				return nil
			}
			apps, err := names.appearances(st)
			if err != nil || len(apps) == 0 || apps[0].Statement.ID != st.ID {
				return err // not the first appearance: written with it
			}
			q, err := names.quote(apps)
			if err != nil {
				return err
			}
			return emit(q)
		})
		if err != nil {
			return err
		}
		return short.flush(names, emit)
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// shortQuotes groups the statements of one date said that are too short to
// have near duplicates, by speaker and words.
type shortQuotes struct {
	day    partialdate.Date
	groups map[[2]string][]store.Appearance
}

func (g *shortQuotes) add(st *store.Statement) {
	if g.groups == nil {
		g.groups = map[[2]string][]store.Appearance{}
	}
	k := [2]string{st.SpeakerID, st.Text}
	g.groups[k] = append(g.groups[k], store.Appearance{Statement: st})
}

// flush writes the groups as quotes, each in the order of appearance, the
// quotes in the order of their first statement's id, and empties g.
func (g *shortQuotes) flush(n *namer, emit func(*Quote) error) error {
	var quotes [][]store.Appearance
	for _, apps := range g.groups {
		for i := range apps {
			if err := n.withSource(&apps[i]); err != nil {
				return err
			}
		}
		slices.SortFunc(apps, appearanceOrder)
		quotes = append(quotes, apps)
	}
	slices.SortFunc(quotes, func(a, b []store.Appearance) int { return strings.Compare(a[0].Statement.ID, b[0].Statement.ID) })
	for _, apps := range quotes {
		q, err := n.quote(apps)
		if err != nil {
			return err
		}
		if err := emit(q); err != nil {
			return err
		}
	}
	g.groups = nil
	return nil
}

// withSource fills in a's source and date as Appearances does.
func (n *namer) withSource(a *store.Appearance) error {
	a.Date = a.Statement.Said
	if a.Statement.SourceID == "" {
		return nil
	}
	src, err := n.tx.Source(a.Statement.SourceID)
	if err != nil {
		return err
	}
	a.Source = src
	if !src.Published.IsZero() {
		a.Date = src.Published
	}
	return nil
}

// appearanceOrder orders appearances as Tx.Appearances does: by date,
// unknown last, then by creation.
func appearanceOrder(a, b store.Appearance) int {
	if az, bz := a.Date.IsZero(), b.Date.IsZero(); az != bz {
		if az {
			return 1
		}
		return -1
	}
	return cmp.Or(a.Date.Compare(b.Date), a.Statement.CreatedAt.Compare(b.Statement.CreatedAt),
		strings.Compare(a.Statement.ID, b.Statement.ID))
}

// appearances returns the appearances of st that are the same quote: near
// duplicates by another speaker or in other words are quotes of their own.
func (n *namer) appearances(st *store.Statement) ([]store.Appearance, error) {
	all, err := n.tx.Appearances(st.ID)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(a store.Appearance) bool {
		return a.Statement.Text != st.Text || a.Statement.SpeakerID != st.SpeakerID
	}), nil
}

// quote returns the quote whose appearances are apps, first appearance
// first.
func (n *namer) quote(apps []store.Appearance) (*Quote, error) {
	st := apps[0].Statement
	q := &Quote{QuoteID: st.ID, Quotation: st.Text, Speaker: NoSpeaker, QIDs: []string{},
		NumOccurrences: len(apps), Probas: []Proba{}, URLs: []string{}}
	if !st.Said.IsZero() {
		q.Date = st.Said.String()
		if st.Said.Precision() == partialdate.Day {
			q.Date += " 00:00:00"
		}
	}
	if st.SpeakerID != "" {
		sp, err := n.tx.Speaker(st.SpeakerID)
		if err != nil {
			return nil, err
		}
		q.Speaker = sp.Name
		if sp.QID != "" {
			q.QIDs = []string{sp.QID}
		} else if len(sp.QIDCandidates) > 0 {
			q.QIDs = sp.QIDCandidates
		}
	}
	if st.Confidence > 0 {
		q.Probas = []Proba{{Name: q.Speaker, P: st.Confidence}}
	}
	if phase, ok := strings.CutPrefix(st.Origin, quotebankOrigin); ok {
		q.Phase = phase
	}
	for _, a := range apps {
		if a.Source != nil && a.Source.URL != "" && !slices.Contains(q.URLs, a.Source.URL) {
			q.URLs = append(q.URLs, a.Source.URL)
		}
	}
	return q, nil
}
