package dataio

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// Records names what a CSV file holds: statements or speakers.
type Records string

const (
	StatementRecords Records = "statements"
	SpeakerRecords   Records = "speakers"
)

// listSep separates the items of a list in one CSV field (topics,
// aliases): "War in Ukraine; Economy".
const listSep = ";"

// StatementColumns are the columns of a statements CSV, in the order
// ExportCSV writes them. Speakers, organisations and topics go by name;
// a statement's coverage and span are not in the CSV.
var StatementColumns = []string{"id", "text", "kind", "speaker", "organisation", "role", "byOrganisation",
	"said", "topics", "status", "confidence", "language", "heading", "cue",
	"sourceId", "sourceTitle", "sourceUrl", "sourcePublished"}

// SpeakerColumns are the columns of a speakers CSV.
var SpeakerColumns = []string{"id", "name", "aliases", "description", "qid", "qidCandidates"}

// columns returns the columns of a kind of records.
func columns(what Records) ([]string, error) {
	switch what {
	case StatementRecords, "":
		return StatementColumns, nil
	case SpeakerRecords:
		return SpeakerColumns, nil
	}
	return nil, errs.E(errs.Invalid, "records %q: want %q or %q", what, StatementRecords, SpeakerRecords)
}

// ExportCSV writes every statement (or speaker) of s to w as CSV with a
// header row, in one read transaction, and returns the number of rows
// written after the header. progress, when not nil, is called per row.
func ExportCSV(ctx context.Context, s store.Store, w io.Writer, what Records, progress func()) (int, error) {
	cols, err := columns(what)
	if err != nil {
		return 0, err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(cols); err != nil {
		return 0, err
	}
	n := 0
	row := func(fields []string) error {
		n++
		if progress != nil {
			progress()
		}
		return cw.Write(fields)
	}
	err = s.View(ctx, func(tx store.Tx) error {
		if what == SpeakerRecords {
			return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Speaker], error) {
				return tx.ListSpeakers(store.SpeakerFilter{}, p)
			}, func(sp *store.Speaker) error { return row(speakerRow(sp)) })
		}
		names := newNamer(tx)
		return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Statement], error) {
			return tx.ListStatements(store.StatementFilter{}, p)
		}, func(st *store.Statement) error {
			fields, err := names.statementRow(st)
			if err != nil {
				return err
			}
			return row(fields)
		})
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

func speakerRow(s *store.Speaker) []string {
	return []string{s.ID, s.Name, strings.Join(s.Aliases, listSep+" "), s.Description, s.QID, strings.Join(s.QIDCandidates, listSep+" ")}
}

// namer turns ids into names for export, caching them.
type namer struct {
	tx      store.Tx
	names   map[string]string
	sources map[string]*store.Source
}

func newNamer(tx store.Tx) *namer {
	return &namer{tx: tx, names: map[string]string{}, sources: map[string]*store.Source{}}
}

func (n *namer) name(id string, get func(string) (string, error)) (string, error) {
	if id == "" {
		return "", nil
	}
	if v, ok := n.names[id]; ok {
		return v, nil
	}
	v, err := get(id)
	if err != nil {
		return "", err
	}
	if strings.Contains(v, listSep) {
		return "", errs.E(errs.Invalid, "the name %q has a %q, which separates names in a CSV field", v, listSep)
	}
	n.names[id] = v
	return v, nil
}

func (n *namer) statementRow(st *store.Statement) ([]string, error) {
	speaker, err := n.name(st.SpeakerID, func(id string) (string, error) {
		s, err := n.tx.Speaker(id)
		if err != nil {
			return "", err
		}
		return s.Name, nil
	})
	if err != nil {
		return nil, err
	}
	org, err := n.name(st.OrganisationID, func(id string) (string, error) {
		o, err := n.tx.Organisation(id)
		if err != nil {
			return "", err
		}
		return o.Name, nil
	})
	if err != nil {
		return nil, err
	}
	topics := make([]string, len(st.TopicIDs))
	for i, id := range st.TopicIDs {
		if topics[i], err = n.name(id, func(id string) (string, error) {
			t, err := n.tx.Topic(id)
			if err != nil {
				return "", err
			}
			return t.Name, nil
		}); err != nil {
			return nil, err
		}
	}
	src := &store.Source{}
	if st.SourceID != "" {
		if src = n.sources[st.SourceID]; src == nil {
			if src, err = n.tx.Source(st.SourceID); err != nil {
				return nil, err
			}
			n.sources[st.SourceID] = &store.Source{ID: src.ID, Title: src.Title, URL: src.URL, Published: src.Published}
		}
	}
	return []string{st.ID, st.Text, string(st.Kind), speaker, org, st.Role, boolField(st.ByOrganisation),
		dateField(st.Said), strings.Join(topics, listSep+" "), string(st.Status), floatField(st.Confidence),
		st.Language, st.Heading, st.Cue, src.ID, src.Title, src.URL, dateField(src.Published)}, nil
}

func boolField(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func dateField(d partialdate.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func floatField(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// splitList splits a list field at listSep, trimming and dropping empty
// items.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, listSep) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// csvRows reads a CSV with a header row naming some of cols (text or name
// at least) in any order, and calls fn with each row as a map by column
// and its line number. progress, when not nil, is called per row.
func csvRows(r io.Reader, cols []string, required string, fn func(row map[string]string, line int) error) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return csvError(err)
	}
	header = slices.Clone(header)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // a byte order mark, as spreadsheets write
	}
	for _, h := range header {
		if !slices.Contains(cols, h) {
			return errs.E(errs.Invalid, "line 1: unknown column %q; the columns are %s", h, strings.Join(cols, ", "))
		}
	}
	if !slices.Contains(header, required) {
		return errs.E(errs.Invalid, "line 1: no %q column", required)
	}
	row := make(map[string]string, len(header))
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return csvError(err)
		}
		line, _ := cr.FieldPos(0)
		for i, h := range header {
			if !utf8.ValidString(rec[i]) {
				return errs.E(errs.Invalid, "line %d: column %q is not valid UTF-8", line, h)
			}
			row[h] = strings.TrimSpace(rec[i])
		}
		if h := "text"; required == h {
			row[h] = rec[slices.Index(header, h)] // the text byte for byte
		}
		if err := fn(row, line); err != nil {
			return lineError(line, err)
		}
	}
}

// csvError turns encoding/csv's errors, which name their line, into
// errs.Invalid ones.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errs.E(errs.Invalid, "line %d: %v", pe.StartLine, pe.Err)
	}
	return errs.Wrap(errs.Internal, err, "reading CSV")
}
