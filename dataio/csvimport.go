package dataio

import (
	"cmp"
	"context"
	"io"
	"reflect"
	"strconv"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// ImportCSV reads a CSV written by ExportCSV (or by hand: any of its
// columns, in any order, text or name required) into s in one
// transaction. Rows with an id update that record, or create it with that
// id; rows without create one. Speakers, organisations and topics are
// found by name and created when missing; a source by its id, else by its
// url. Importing the same file again changes nothing. A bad row fails the
// whole file with an error naming its line. progress, when not nil, is
// called per row.
func ImportCSV(ctx context.Context, s store.Store, r io.Reader, what Records, progress func()) (Counts, error) {
	cols, err := columns(what)
	if err != nil {
		return Counts{}, err
	}
	var counts Counts
	err = load(ctx, s, func(tx store.Tx) error {
		res := newResolver(tx)
		required, put := "text", res.statementRow
		if what == SpeakerRecords {
			required, put = "name", res.speakerRow
		}
		err := csvRows(r, cols, required, func(row map[string]string, _ int) error {
			if progress != nil {
				progress()
			}
			return put(row)
		})
		counts = res.counts
		return err
	})
	if err != nil {
		return Counts{}, err
	}
	return counts, nil
}

func (r *resolver) statementRow(row map[string]string) error {
	st := &store.Statement{}
	if id := row["id"]; id != "" {
		old, err := r.tx.Statement(id)
		switch {
		case errs.Is(err, errs.NotFound):
			st.ID = id
		case err != nil:
			return err
		default:
			st = old
		}
	}
	old := *st
	if err := r.fillStatement(st, row); err != nil {
		return err
	}
	return r.save(store.StatementType, st.ID == "" || old.CreatedAt.IsZero(), reflect.DeepEqual(&old, st),
		func() error { return r.tx.CreateStatement(st) }, func() error { return r.tx.UpdateStatement(st) })
}

// save creates or updates a record, counting what it did.
func (r *resolver) save(t store.RecordType, isNew, same bool, create, update func() error) error {
	switch {
	case isNew:
		r.counts.Created[t]++
		return create()
	case same:
		r.counts.Unchanged[t]++
		return nil
	}
	r.counts.Updated[t]++
	return update()
}

// fillStatement sets the fields of st that the row has columns for.
func (r *resolver) fillStatement(st *store.Statement, row map[string]string) error {
	var err error
	set := func(col string, f func(v string) error) {
		if v, ok := row[col]; ok && err == nil {
			if e := f(v); e != nil {
				err = errs.Wrap(errs.KindOf(e), e, "column "+col)
			}
		}
	}
	set("text", func(v string) error { st.Text = v; return nil })
	set("kind", func(v string) error { st.Kind = store.StatementKind(v); return nil })
	if st.Kind == "" {
		st.Kind = store.Direct
	}
	set("speaker", func(v string) error { return r.ref(&st.SpeakerID, v, r.speaker) })
	set("organisation", func(v string) error { return r.ref(&st.OrganisationID, v, r.organisation) })
	set("role", func(v string) error { st.Role = v; return nil })
	set("byOrganisation", func(v string) error { return parseBool(&st.ByOrganisation, v) })
	set("said", func(v string) error { return parseDate(&st.Said, v) })
	set("topics", func(v string) error {
		st.TopicIDs = nil
		for _, name := range splitList(v) {
			id, err := r.topic(name)
			if err != nil {
				return err
			}
			st.TopicIDs = append(st.TopicIDs, id)
		}
		return nil
	})
	set("status", func(v string) error { st.Status = store.Status(v); return nil })
	set("confidence", func(v string) error { return parseFloat(&st.Confidence, v) })
	set("language", func(v string) error { st.Language = v; return nil })
	set("heading", func(v string) error { st.Heading = v; return nil })
	set("cue", func(v string) error { st.Cue = v; return nil })
	if err != nil {
		return err
	}
	if st.Status == "" {
		st.Status = store.Unverified
	}
	return r.statementSource(st, row)
}

// ref resolves a name into *id; an empty name clears it.
func (r *resolver) ref(id *string, name string, resolve func(string) (string, error)) error {
	if name == "" {
		*id = ""
		return nil
	}
	v, err := resolve(name)
	*id = v
	return err
}

// statementSource sets st's source from the source columns: by id when
// the row has one (creating it with that id when missing), else by url.
func (r *resolver) statementSource(st *store.Statement, row map[string]string) error {
	id, title, url := row["sourceId"], row["sourceTitle"], row["sourceUrl"]
	var published partialdate.Date
	if err := parseDate(&published, row["sourcePublished"]); err != nil {
		return errs.Wrap(errs.Invalid, err, "column sourcePublished")
	}
	switch {
	case id != "":
		_, err := r.tx.Source(id)
		if errs.Is(err, errs.NotFound) {
			src := &store.Source{ID: id, Title: cmp.Or(title, url, id), URL: url, Published: published}
			if err = r.tx.CreateSource(src); err == nil {
				r.counts.Created[store.SourceType]++
			}
		}
		if err != nil {
			return err
		}
		st.SourceID = id
	case url != "":
		var err error
		st.SourceID, _, err = r.sourceByURL(url, title, published)
		return err
	case title != "":
		src := &store.Source{Title: title, Published: published}
		if err := r.tx.CreateSource(src); err != nil {
			return err
		}
		r.counts.Created[store.SourceType]++
		st.SourceID = src.ID
	default:
		if _, ok := row["sourceId"]; ok {
			st.SourceID = ""
		}
	}
	return nil
}

func (r *resolver) speakerRow(row map[string]string) error {
	sp := &store.Speaker{}
	var err error
	if id := row["id"]; id != "" {
		sp, err = r.tx.Speaker(id)
		if errs.Is(err, errs.NotFound) {
			sp, err = &store.Speaker{ID: id}, nil
		}
	} else if sid, ok := r.speakers[textfold.Fold(row["name"])]; ok {
		sp, err = r.tx.Speaker(sid)
	} else {
		var found []*store.Speaker
		if found, err = store.SpeakersNamed(r.tx, row["name"]); err == nil {
			sp, err = pick("speaker", row["name"], found, func(s *store.Speaker) string { return s.Name })
		}
		if sp == nil {
			sp = &store.Speaker{}
		}
	}
	if err != nil {
		return err
	}
	old := *sp
	sp.Name = row["name"]
	for col, f := range map[string]*[]string{"aliases": &sp.Aliases, "qidCandidates": &sp.QIDCandidates} {
		if v, ok := row[col]; ok {
			*f = splitList(v)
		}
	}
	if v, ok := row["description"]; ok {
		sp.Description = v
	}
	if v, ok := row["qid"]; ok {
		sp.QID = v
	}
	if err := store.NormalizeSpeaker(sp); err != nil {
		return err
	}
	isNew := old.CreatedAt.IsZero()
	err = r.save(store.SpeakerType, isNew, reflect.DeepEqual(&old, sp),
		func() error { return r.tx.CreateSpeaker(sp) }, func() error { return r.tx.UpdateSpeaker(sp) })
	r.speakers[textfold.Fold(sp.Name)] = sp.ID
	return err
}

func parseBool(b *bool, v string) error {
	if v == "" {
		*b = false
		return nil
	}
	x, err := strconv.ParseBool(v)
	if err != nil {
		return errs.E(errs.Invalid, "%q is not true or false", v)
	}
	*b = x
	return nil
}

func parseFloat(f *float64, v string) error {
	if v == "" {
		*f = 0
		return nil
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return errs.E(errs.Invalid, "%q is not a number", v)
	}
	*f = x
	return nil
}

func parseDate(d *partialdate.Date, v string) error {
	if v == "" {
		*d = partialdate.Date{}
		return nil
	}
	x, err := partialdate.Parse(v)
	if err != nil {
		return errs.Wrap(errs.Invalid, err, "date "+strconv.Quote(v))
	}
	*d = x
	return nil
}
