package web

import (
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/verify"
)

type verdictRow struct {
	M       verify.Match
	Verdict string
	Row     *row
	// Quote and Statement are the two texts with the words that differ
	// in <mark>.
	Quote, Statement template.HTML
}

type verifyData struct {
	Quote, Speaker, Date string
	Asked                bool
	Results              []verdictRow
	Error                string
}

// verifyPage verifies a quote (GET, so that a verification is a link):
// each verdict with the quote and the statement side by side, the words
// that differ marked.
func (s *site) verifyPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := verifyData{Quote: q.Get("quote"), Speaker: strings.TrimSpace(q.Get("speaker")), Date: strings.TrimSpace(q.Get("date"))}
	d.Asked = strings.TrimSpace(d.Quote) != ""
	status := http.StatusOK
	if d.Asked {
		if err := s.verify(r, &d); err != nil {
			k := errs.KindOf(err)
			if k == errs.Internal {
				s.fail(w, r, err)
				return
			}
			d.Error, status = errs.Message(err), k.HTTPStatus()
		}
	}
	s.render(w, r, status, "verify", "Verify a quote", "verify", d)
}

func (s *site) verify(r *http.Request, d *verifyData) error {
	if s.ver == nil {
		return errs.E(errs.Unavailable, "verification needs the search index, which this server does not have")
	}
	date, err := partialdate.Parse(d.Date)
	if err != nil {
		return errs.Wrap(errs.Invalid, err, "the date is not YYYY, YYYY-MM or YYYY-MM-DD")
	}
	ms, err := s.ver.Verify(r.Context(), verify.Quote{Text: d.Quote, Speaker: d.Speaker, Date: date})
	if err != nil {
		return err
	}
	var sts []*store.Statement
	for _, m := range ms {
		if m.Statement != nil {
			sts = append(sts, m.Statement)
		}
	}
	var rows []row
	if err := s.view(r.Context(), func(tx store.Tx) error {
		rows, err = loadRows(tx, sts, nil)
		return err
	}); err != nil {
		return err
	}
	i := 0
	for _, m := range ms {
		vr := verdictRow{M: m, Verdict: lowerWords(string(m.Verdict)), Quote: template.HTML(template.HTMLEscapeString(d.Quote))}
		if m.Statement != nil {
			vr.Row = &rows[i]
			i++
			vr.Quote, vr.Statement = markDifferences(d.Quote, m.Statement.Text)
		}
		d.Results = append(d.Results, vr)
	}
	return nil
}

// maxDiffCells bounds the work of comparing two texts word by word.
const maxDiffCells = 4_000_000

// markDifferences returns the quote and the statement as HTML with the
// words that are not common to both (by a longest common subsequence of
// words, compared as the index folds them) in <mark>. Words of the
// statement before its first common word and after its last are context,
// not differences, and are left unmarked; so is everything when the texts
// are too long to compare.
func markDifferences(quote, statement string) (template.HTML, template.HTML) {
	qw, sw := search.Words(quote), search.Words(statement)
	if len(qw)*len(sw) > maxDiffCells {
		return template.HTML(template.HTMLEscapeString(quote)), template.HTML(template.HTMLEscapeString(statement))
	}
	inQ, inS := commonWords(qw, sw)
	lo, hi := slices.Index(inS, true), len(inS)-1-slices.Index(reversed(inS), true)
	markS := make([]bool, len(sw))
	for i := range sw {
		markS[i] = !inS[i] && lo >= 0 && i > lo && i < hi
	}
	markQ := make([]bool, len(qw))
	for i := range qw {
		markQ[i] = !inQ[i]
	}
	return markWords(quote, qw, markQ), markWords(statement, sw, markS)
}

func reversed(b []bool) []bool {
	r := slices.Clone(b)
	slices.Reverse(r)
	return r
}

// commonWords reports which words of a and of b are in a longest common
// subsequence of the two.
func commonWords(a, b []search.Word) (inA, inB []bool) {
	same := func(x, y search.Word) bool {
		return slices.ContainsFunc(x.Forms, func(f string) bool { return slices.Contains(y.Forms, f) })
	}
	n, m := len(a), len(b)
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if same(a[i], b[j]) {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	inA, inB = make([]bool, n), make([]bool, m)
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case same(a[i], b[j]):
			inA[i], inB[j] = true, true
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
	return inA, inB
}

// markWords escapes text and puts the words marked in <mark>.
func markWords(text string, ws []search.Word, marked []bool) template.HTML {
	var b strings.Builder
	at := 0
	for i, w := range ws {
		if !marked[i] {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[at:w.Start]))
		b.WriteString(`<mark class="diff">`)
		b.WriteString(template.HTMLEscapeString(text[w.Start:w.End]))
		b.WriteString(`</mark>`)
		at = w.End
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}
