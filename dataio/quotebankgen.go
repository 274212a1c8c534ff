package dataio

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// GenerateQuotebank writes gen's dataset for cfg to w as Quotebank quotes,
// one per statement, and returns their number: a test file of any size in
// the published format. A statement without a speaker is "None"; every
// fifth quote has the urls of one or two other articles too, and every
// seventh speaker's name has homonyms (several qids). progress, when not
// nil, is called per quote.
func GenerateQuotebank(ctx context.Context, cfg gen.Config, w io.Writer, progress func()) (int, error) {
	g := &quoteGen{speakers: map[string]genSpeaker{}, sourceAt: map[string]int{}}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err := gen.Generate(ctx, cfg, func(rec store.Record) error {
		switch {
		case rec.Speaker != nil:
			sp := genSpeaker{name: rec.Speaker.Name}
			if q := rec.Speaker.QID; q != "" {
				sp.qids = []string{q}
				if len(g.speakers)%7 == 3 {
					sp.qids = append(sp.qids, q+"1", q+"2")
				}
			}
			g.speakers[rec.Speaker.ID] = sp
		case rec.Source != nil:
			g.sourceAt[rec.Source.ID] = len(g.sources)
			g.sources = append(g.sources, genSource{rec.Source.URL, rec.Source.Published})
		case rec.Statement != nil:
			if progress != nil {
				progress()
			}
			return enc.Encode(g.quote(rec.Statement))
		}
		return nil
	})
	if err != nil {
		return g.n, err
	}
	return g.n, bw.Flush()
}

// quoteGen turns gen's records into quotes; it keeps the speakers and
// sources seen, which come before the statements.
type quoteGen struct {
	speakers map[string]genSpeaker
	sources  []genSource
	sourceAt map[string]int
	n        int
}

type genSpeaker struct {
	name string
	qids []string
}

type genSource struct {
	url       string
	published partialdate.Date
}

// quote returns the quote of the next statement, st.
func (g *quoteGen) quote(st *store.Statement) *Quote {
	g.n++
	n := g.n
	q := &Quote{Quotation: st.Text, Speaker: NoSpeaker, QIDs: []string{}, NumOccurrences: 1, Phase: "E"}
	if sp, ok := g.speakers[st.SpeakerID]; ok {
		q.Speaker = sp.name
		q.QIDs = append(q.QIDs, sp.qids...)
	}
	p := st.Confidence
	if p == 0 {
		p = 0.5 + float64(n%50)/100
	}
	q.Probas = []Proba{{Name: q.Speaker, P: p}}
	if q.Speaker != NoSpeaker {
		q.Probas = append(q.Probas, Proba{Name: NoSpeaker, P: float64(int((1-p)*1e4)) / 1e4})
	}
	d := st.Said
	if i, ok := g.sourceAt[st.SourceID]; ok {
		if g.sources[i].url != "" {
			q.URLs = append(q.URLs, g.sources[i].url)
		}
		if d.IsZero() {
			d = g.sources[i].published
		}
		// Every fifth quote appeared in one or two earlier articles too.
		for k := 1; n%5 == 0 && k <= 1+n%2 && i-k >= 0; k++ {
			if u := g.sources[i-k].url; u != "" {
				q.URLs = append(q.URLs, u)
			}
		}
	}
	d = d.First()
	if d.IsZero() {
		d = partialdate.Date{Year: 2020, Month: 1, Day: 1}
	}
	q.Date = fmt.Sprintf("%04d-%02d-%02d 00:00:00", d.Year, d.Month, d.Day)
	q.QuoteID = fmt.Sprintf("%04d-%02d-%02d-%06d", d.Year, d.Month, d.Day, n)
	q.NumOccurrences = max(1, len(q.URLs))
	return q
}
