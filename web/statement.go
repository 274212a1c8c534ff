package web

import (
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/quotedb/quotedb/service"
	"github.com/quotedb/quotedb/store"
)

var timeNow = time.Now

type reviewRow struct {
	R        *store.ClaimReview
	Reviewer *store.Organisation
}

type appearanceRow struct {
	A   store.Appearance
	Row row
}

type changeRow struct {
	C      store.Change
	Fields []string
}

type statementData struct {
	Row row
	// Document is the source's text with the statement's span in <mark>;
	// empty without a source text or span.
	Document    template.HTML
	Appearances []appearanceRow
	Related     []row
	Reviews     []reviewRow
	History     []changeRow
	JSONLD      string
}

func (s *site) statementPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var d statementData
	err := s.view(ctx, func(tx store.Tx) error {
		st, err := tx.Statement(r.PathValue("id"))
		if err != nil {
			return err
		}
		rows, err := loadRows(tx, []*store.Statement{st}, nil)
		if err != nil {
			return err
		}
		d.Row, d.JSONLD = rows[0], "/statements/"+st.ID+".jsonld"
		if src := d.Row.Source; src != nil && st.Span != nil {
			d.Document = markSpan(src.Text, *st.Span)
		}
		apps, err := tx.Appearances(st.ID)
		if err != nil {
			return err
		}
		if len(apps) > 1 {
			var sts []*store.Statement
			for _, a := range apps {
				sts = append(sts, a.Statement)
			}
			arows, err := loadRows(tx, sts, nil)
			if err != nil {
				return err
			}
			for i, a := range apps {
				d.Appearances = append(d.Appearances, appearanceRow{a, arows[i]})
			}
		}
		if d.Reviews, err = reviews(tx, st.ID); err != nil {
			return err
		}
		hist, err := tx.History(st.ID)
		if err != nil {
			return err
		}
		for _, c := range hist {
			cr := changeRow{C: c}
			diffs, err := c.Diff()
			if err != nil {
				return err
			}
			for _, f := range diffs {
				cr.Fields = append(cr.Fields, f.Field)
			}
			d.History = append(d.History, cr)
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rel, err := s.svc.Related(ctx, d.Row.S.ID, service.DefaultRelatedDays, store.Page{First: 10})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.view(ctx, func(tx store.Tx) error {
		d.Related, err = loadRows(tx, rel.Items, nil)
		return err
	}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "statement", "Statement of "+d.Row.SpeakerName(), "", d)
}

func reviews(tx store.Tx, id string) ([]reviewRow, error) {
	rs, err := tx.ReviewsOf([]string{id})
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, r := range rs[0] {
		ids = append(ids, r.ReviewerID)
	}
	orgs, err := tx.OrganisationsByID(ids)
	if err != nil {
		return nil, err
	}
	var out []reviewRow
	for i, r := range rs[0] {
		out = append(out, reviewRow{r, orgs[i]})
	}
	return out, nil
}

// markSpan returns text escaped for HTML with the bytes of span in a
// <mark id="span">; the text alone when the span does not fit it or cuts
// a character.
func markSpan(text string, span store.Span) template.HTML {
	if span.Start < 0 || span.End > len(text) || span.Start >= span.End || !boundary(text, span.Start) || !boundary(text, span.End) {
		return template.HTML(template.HTMLEscapeString(text))
	}
	var b strings.Builder
	b.WriteString(template.HTMLEscapeString(text[:span.Start]))
	b.WriteString(`<mark id="span">`)
	b.WriteString(template.HTMLEscapeString(text[span.Start:span.End]))
	b.WriteString(`</mark>`)
	b.WriteString(template.HTMLEscapeString(text[span.End:]))
	return template.HTML(b.String())
}

// boundary reports whether byte i of text begins a character (or is its
// end).
func boundary(text string, i int) bool {
	return i == len(text) || text[i]&0xC0 != 0x80
}
