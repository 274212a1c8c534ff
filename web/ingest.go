package web

import (
	"encoding/base64"
	"io"
	"net/http"
	"path"
	"strings"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/extract"
	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// docForm is a document to ingest as the forms carry it. On the way from
// preview to confirmation the text travels base64-encoded, since browsers
// rewrite the line ends of form fields and the text must arrive byte for
// byte as previewed.
type docForm struct {
	Text, Text64, Format, Title, URL, Publisher, Date string
	// Hash is the content hash of the text previewed.
	Hash string
}

type refRow struct {
	Name    string
	Aliases []string
	New     bool
	Changed bool
}

type previewStatement struct {
	S                            store.Statement
	Speaker, Organisation, Topic string
}

type ingestData struct {
	Doc        docForm
	NeedsToken bool
	Error      string
	// Preview
	Plan                    *ingest.Plan
	Speakers, Orgs, Topics  []refRow
	Statements              []previewStatement
	Affiliations            []string
	Stored                  bool
	Source                  *store.Source
	Created                 bool
	StoredRows              []row
	Formats                 []option
	MaxBytes                int
	TokenName, SignedInNote string
}

var formats = []struct{ value, label string }{{"text", "Plain text"}, {"markdown", "Markdown"}, {"html", "HTML"}}

func (s *site) ingestData(r *http.Request, doc docForm) ingestData {
	d := ingestData{Doc: doc, MaxBytes: s.maxDocBytes()}
	tok, err := s.identify(r)
	d.NeedsToken = err != nil || tok == nil || !tok.Role.Allows(store.Editor)
	for _, f := range formats {
		d.Formats = append(d.Formats, option{Value: f.value, Label: f.label, Selected: f.value == cmpOr(doc.Format, "text")})
	}
	return d
}

func (s *site) maxDocBytes() int {
	if s.MaxDocumentBytes > 0 {
		return s.MaxDocumentBytes
	}
	return ingest.DefaultMaxBytes
}

func (s *site) ingestForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "ingest", "Ingest a document", "ingest", s.ingestData(r, docForm{}))
}

// editor returns the request's token when it may ingest: from the form's
// token field (then kept in the sign-in cookie) or from the cookie.
func (s *site) editor(w http.ResponseWriter, r *http.Request) (*store.Token, error) {
	if secret := strings.TrimSpace(r.PostFormValue("token")); secret != "" {
		tok, err := auth.Authenticate(r.Context(), s.Store, secret)
		if err != nil {
			return nil, err
		}
		setTokenCookie(w, r, secret)
		r.AddCookie(&http.Cookie{Name: tokenCookie, Value: secret})
		return tok, auth.Require(auth.WithToken(r.Context(), tok), store.Editor)
	}
	tok, err := s.identify(r)
	if err != nil {
		return nil, err
	}
	if tok == nil {
		return nil, errs.E(errs.Unauthenticated, "ingesting needs an API token with role editor: enter it in the form")
	}
	return tok, auth.Require(auth.WithToken(r.Context(), tok), store.Editor)
}

// readDoc reads the document of a form: its uploaded file, or else its
// text field, or (confirming) its base64 text.
func (s *site) readDoc(r *http.Request) (docForm, ingest.Document, error) {
	f := docForm{Format: r.PostFormValue("format"), Title: r.PostFormValue("title"), URL: r.PostFormValue("url"),
		Publisher: r.PostFormValue("publisher"), Date: strings.TrimSpace(r.PostFormValue("date")), Hash: r.PostFormValue("hash")}
	var text string
	switch file, hdr, err := r.FormFile("file"); {
	case err == nil:
		defer file.Close()
		b, err := io.ReadAll(io.LimitReader(file, int64(s.maxDocBytes())+1))
		if err != nil {
			return f, ingest.Document{}, errs.Wrap(errs.Invalid, err, "reading the uploaded file")
		}
		text = string(b)
		switch strings.ToLower(path.Ext(hdr.Filename)) {
		case ".md", ".markdown":
			f.Format = "markdown"
		case ".html", ".htm":
			f.Format = "html"
		}
		f.Title = cmpOr(f.Title, strings.TrimSuffix(hdr.Filename, path.Ext(hdr.Filename)))
	case r.PostFormValue("text64") != "":
		b, err := base64.StdEncoding.DecodeString(r.PostFormValue("text64"))
		if err != nil {
			return f, ingest.Document{}, errs.E(errs.Invalid, "the previewed text is damaged; paste it again")
		}
		text = string(b)
	default:
		// Browsers send a textarea's line ends as CRLF.
		text = strings.ReplaceAll(r.PostFormValue("text"), "\r\n", "\n")
	}
	f.Text, f.Text64 = text, base64.StdEncoding.EncodeToString([]byte(text))
	doc := ingest.Document{Text: text, Title: f.Title, URL: f.URL, Publisher: f.Publisher, MaxBytes: s.maxDocBytes()}
	switch f.Format {
	case "markdown":
		doc.Format = extract.Markdown
	case "html":
		doc.Format = extract.HTML
	}
	var err error
	if doc.Date, err = partialdate.Parse(f.Date); err != nil {
		return f, doc, errs.Wrap(errs.Invalid, err, "the date is not YYYY, YYYY-MM or YYYY-MM-DD")
	}
	return f, doc, nil
}

// ingestPreview shows what ingesting the document would store, with a
// form to confirm.
func (s *site) ingestPreview(w http.ResponseWriter, r *http.Request) {
	s.ingestStep(w, r, false)
}

// ingestConfirm stores the document previewed, if its text is the one
// previewed, and shows what was stored.
func (s *site) ingestConfirm(w http.ResponseWriter, r *http.Request) {
	s.ingestStep(w, r, true)
}

func (s *site) ingestStep(w http.ResponseWriter, r *http.Request, store_ bool) {
	ctx := r.Context()
	form, doc, err := s.readDoc(r)
	d := s.ingestData(r, form)
	tok, authErr := s.editor(w, r)
	if err == nil {
		err = authErr
	}
	var plan *ingest.Plan
	if err == nil {
		plan, err = ingest.Prepare(ctx, s.Store, doc)
	}
	if err == nil && store_ && plan.Source.ContentHash != form.Hash {
		err = errs.E(errs.Conflict, "the text is not the one previewed; preview it again")
	}
	if err == nil && store_ {
		d.Source, d.Created, err = ingest.Apply(auth.WithToken(ctx, tok), s.Store, plan)
	}
	if err != nil {
		k := errs.KindOf(err)
		if k == errs.Internal {
			s.fail(w, r, err)
			return
		}
		d.Error, d.NeedsToken = errs.Message(err), d.NeedsToken || authErr != nil
		s.render(w, r, k.HTTPStatus(), "ingest", "Ingest a document", "ingest", d)
		return
	}
	d.NeedsToken = false
	d.Plan, d.Doc.Hash = plan, plan.Source.ContentHash
	d.previewOf(plan)
	if store_ {
		d.Stored = true
		if err := s.view(ctx, func(tx store.Tx) error {
			c, err := tx.ListStatements(store.StatementFilter{SourceIDs: []string{d.Source.ID}}, store.Page{First: store.MaxPageSize})
			if err != nil {
				return err
			}
			d.StoredRows, err = loadRows(tx, c.Items, nil)
			return err
		}); err != nil {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, http.StatusOK, "ingest", "Ingested", "ingest", d)
		return
	}
	s.render(w, r, http.StatusOK, "ingest", "Review the document", "ingest", d)
}

// previewOf lists the records a plan refers to, new or resolved, and its
// statements with the names of what they refer to.
func (d *ingestData) previewOf(p *ingest.Plan) {
	names := map[string]string{}
	for _, o := range p.Organisations {
		names[o.Record.ID] = orgName(o.Record)
		d.Orgs = append(d.Orgs, refRow{orgName(o.Record), o.Record.Aliases, o.New, o.Changed})
	}
	for _, sp := range p.Speakers {
		names[sp.Record.ID] = sp.Record.Name
		d.Speakers = append(d.Speakers, refRow{sp.Record.Name, sp.Record.Aliases, sp.New, sp.Changed})
	}
	for _, t := range p.Topics {
		names[t.Record.ID] = t.Record.Name
		d.Topics = append(d.Topics, refRow{t.Record.Name, t.Record.Aliases, t.New, t.Changed})
	}
	for _, a := range p.Affiliations {
		line := names[a.SpeakerID] + " — " + names[a.OrganisationID]
		if a.Role != "" {
			line += " (" + a.Role + ")"
		}
		d.Affiliations = append(d.Affiliations, line)
	}
	for i, st := range p.Statements {
		ps := previewStatement{S: st, Speaker: cmpOr(names[st.SpeakerID], p.Unnamed[i]), Organisation: names[st.OrganisationID]}
		if len(st.TopicIDs) > 0 {
			ps.Topic = names[st.TopicIDs[0]]
		}
		d.Statements = append(d.Statements, ps)
	}
}

// limitBody bounds the request bodies of ingest forms: the document, its
// base64 form on confirmation, and the other fields.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}
