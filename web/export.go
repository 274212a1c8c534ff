package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

const (
	// maxExportRows bounds a download: a list longer than that ends
	// after its first maxExportRows statements.
	maxExportRows = 100_000
	exportPage    = 500
)

// eachRow calls fn with every statement of the list params select, in
// pages: a search's hits best first, or else the store's list in date
// order.
func (s *site) eachRow(ctx context.Context, p params, f store.StatementFilter, fn func([]row) error) error {
	n := 0
	if p.Q != "" {
		if s.Search == nil {
			return errs.E(errs.Unavailable, "search is not available on this server")
		}
		after := ""
		for n < maxExportRows {
			res, err := s.Search.SearchStatements(ctx, search.StatementQuery{Query: p.Q, Filter: f, First: exportPage, After: after})
			if err != nil {
				return err
			}
			var sts []*store.Statement
			for _, h := range res.Hits {
				sts = append(sts, h.Statement)
			}
			if err := s.emitRows(ctx, sts, fn); err != nil {
				return err
			}
			n += len(sts)
			if !res.HasNext || len(res.Hits) == 0 {
				return nil
			}
			after = res.Hits[len(res.Hits)-1].Cursor
		}
		return nil
	}
	after := ""
	for n < maxExportRows {
		var c *store.Conn[*store.Statement]
		var rows []row
		err := s.view(ctx, func(tx store.Tx) error {
			var err error
			if c, err = tx.ListStatements(f, store.Page{First: exportPage, After: after}); err != nil {
				return err
			}
			rows, err = loadRows(tx, c.Items, nil)
			return err
		})
		if err != nil {
			return err
		}
		if err := fn(rows); err != nil {
			return err
		}
		n += len(rows)
		if !c.HasNext || len(c.Items) == 0 {
			return nil
		}
		after = c.Cursors[len(c.Cursors)-1]
	}
	return nil
}

func (s *site) emitRows(ctx context.Context, sts []*store.Statement, fn func([]row) error) error {
	var rows []row
	if err := s.view(ctx, func(tx store.Tx) error {
		var err error
		rows, err = loadRows(tx, sts, nil)
		return err
	}); err != nil {
		return err
	}
	return fn(rows)
}

// exportRequest reads an export's params; it answers bad ones itself and
// returns false.
func (s *site) exportRequest(w http.ResponseWriter, r *http.Request) (params, store.StatementFilter, bool) {
	p, f, err := parseParams(r.URL.Query())
	if err != nil {
		http.Error(w, errs.Message(err), errs.KindOf(err).HTTPStatus())
		return p, f, false
	}
	return p.firstPage(), f, true
}

var csvHeader = []string{"id", "said", "speaker", "speaker_id", "organisation", "organisation_id", "role", "kind", "status",
	"topics", "source", "source_url", "published", "text"}

// exportCSV downloads the list as CSV: UTF-8, RFC 4180 (CRLF line ends,
// quotes doubled), a header line first.
func (s *site) exportCSV(w http.ResponseWriter, r *http.Request) {
	p, f, ok := s.exportRequest(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8; header=present")
	w.Header().Set("Content-Disposition", `attachment; filename="quotedb-statements.csv"`)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(csvHeader)
	err := s.eachRow(r.Context(), p, f, func(rows []row) error {
		for _, rw := range rows {
			e := exportOf(rw)
			var topics []string
			for _, t := range e.Topics {
				topics = append(topics, t.Name)
			}
			var src, srcURL, pub string
			if e.Source != nil {
				src, srcURL, pub = e.Source.Title, e.Source.URL, e.Source.Published
			}
			cw.Write([]string{e.ID, e.Said, nameOf(e.Speaker), idOf(e.Speaker), nameOf(e.Organisation), idOf(e.Organisation), e.Role,
				e.Kind, e.Status, strings.Join(topics, "; "), src, srcURL, pub, e.Text})
		}
		cw.Flush()
		return cw.Error()
	})
	s.exportEnded(r, err)
}

// exportJSONL downloads the list as JSON Lines: one JSON object a line.
func (s *site) exportJSONL(w http.ResponseWriter, r *http.Request) {
	p, f, ok := s.exportRequest(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/jsonl; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="quotedb-statements.jsonl"`)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err := s.eachRow(r.Context(), p, f, func(rows []row) error {
		for _, rw := range rows {
			if err := enc.Encode(exportOf(rw)); err != nil {
				return err
			}
		}
		return nil
	})
	s.exportEnded(r, err)
}

// exportEnded logs a download that failed after it began: its status is
// sent, so the client sees a short file.
func (s *site) exportEnded(r *http.Request, err error) {
	if err != nil && r.Context().Err() == nil {
		s.Log.ErrorContext(r.Context(), "download failed", "path", r.URL.Path, "err", err)
	}
}

type named struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type exported struct {
	ID           string  `json:"id"`
	Said         string  `json:"said,omitempty"`
	Text         string  `json:"text"`
	Kind         string  `json:"kind"`
	Status       string  `json:"status"`
	Speaker      *named  `json:"speaker,omitempty"`
	Organisation *named  `json:"organisation,omitempty"`
	Role         string  `json:"role,omitempty"`
	Topics       []named `json:"topics,omitempty"`
	Source       *struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		URL       string `json:"url,omitempty"`
		Published string `json:"published,omitempty"`
	} `json:"source,omitempty"`
	Span *store.Span `json:"span,omitempty"`
}

func exportOf(r row) exported {
	e := exported{ID: r.S.ID, Text: r.S.Text, Kind: string(r.S.Kind), Status: string(r.S.Status), Role: r.Role, Span: r.S.Span}
	if !r.S.Said.IsZero() {
		e.Said = r.S.Said.String()
	}
	if r.Speaker != nil {
		e.Speaker = &named{r.Speaker.ID, r.Speaker.Name}
	}
	if r.Org != nil {
		e.Organisation = &named{r.Org.ID, r.Org.Name}
	}
	for _, t := range r.Topics {
		e.Topics = append(e.Topics, named{t.ID, t.Name})
	}
	if r.Source != nil {
		e.Source = &struct {
			ID        string `json:"id"`
			Title     string `json:"title"`
			URL       string `json:"url,omitempty"`
			Published string `json:"published,omitempty"`
		}{ID: r.Source.ID, Title: r.Source.Title, URL: r.Source.URL}
		if !r.Source.Published.IsZero() {
			e.Source.Published = r.Source.Published.String()
		}
	}
	return e
}

func nameOf(n *named) string {
	if n == nil {
		return ""
	}
	return n.Name
}

func idOf(n *named) string {
	if n == nil {
		return ""
	}
	return n.ID
}
