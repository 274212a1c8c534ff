// Package eval measures the extractor against gold annotations. Score is a
// faithful port of the corpus reference scorer (shared/corpus/score.py):
// same one-to-one matching, largest overlap first, same tie-breaking, same
// name folding, same rounding of the reported ratios.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/quotedb/quotedb/extract"
)

// GoldQuote is one annotated statement.
type GoldQuote struct {
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Text         string  `json:"text"`
	Kind         string  `json:"kind"`
	Speaker      *string `json:"speaker"`
	Cue          *string `json:"cue"`
	Organisation *string `json:"organisation"`
	Role         *string `json:"role"`
	Topic        *string `json:"topic"`
}

// GoldDoc is one annotated document.
type GoldDoc struct {
	ID     string      `json:"id"`
	Source string      `json:"source"`
	URL    *string     `json:"url"`
	Date   *string     `json:"date"`
	Text   string      `json:"text"`
	Quotes []GoldQuote `json:"quotes"`
}

// PredQuote is one predicted statement in the scorer's prediction format.
type PredQuote struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"`
	Kind    string `json:"kind,omitempty"`
	Cue     string `json:"cue,omitempty"`
}

// Metrics are the scorer's results. Ratios are rounded to 4 decimals like
// score.py's JSON output.
type Metrics struct {
	Docs            int     `json:"docs"`
	MissingDocs     int     `json:"missing_docs"`
	Gold            int     `json:"gold"`
	Predicted       int     `json:"predicted"`
	Matched         int     `json:"matched"`
	Precision       float64 `json:"precision"`
	Recall          float64 `json:"recall"`
	F1              float64 `json:"f1"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	// SpeakerExact is the share of the same pairs whose folded names are
	// equal word for word: the name a database stores.
	SpeakerExact float64 `json:"speaker_exact"`
	Threshold    float64 `json:"threshold"`
}

// ReadGold reads a gold file: one JSON document per line.
func ReadGold(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var d GoldDoc
		if err := json.Unmarshal([]byte(b), &d); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", line, err)
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// Predict runs the extractor over the gold documents (as plain text, with
// the document date when the gold gives one) and returns predictions by
// document id. A statement's speaker is its name, or the phrase for an
// unnamed source.
func Predict(docs []GoldDoc) map[string][]PredQuote {
	out := make(map[string][]PredQuote, len(docs))
	for _, d := range docs {
		doc := extract.Document{Text: d.Text}
		if d.Date != nil {
			if t, err := time.Parse("2006-01-02", *d.Date); err == nil {
				doc.Date = t
			}
		}
		res, err := extract.Extract(doc)
		if err != nil {
			out[d.ID] = nil
			continue
		}
		ps := make([]PredQuote, 0, len(res.Quotes))
		for _, q := range res.Quotes {
			sp := q.Speaker
			if sp == "" {
				sp = q.Source
			}
			ps = append(ps, PredQuote{Start: q.Start, End: q.End, Speaker: sp, Kind: string(q.Kind), Cue: q.Cue})
		}
		out[d.ID] = ps
	}
	return out
}

// WritePredictions writes predictions in the scorer's format, one line per
// document, in the order of docs.
func WritePredictions(w io.Writer, docs []GoldDoc, pred map[string][]PredQuote) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		qs, ok := pred[d.ID]
		if !ok {
			continue
		}
		if qs == nil {
			qs = []PredQuote{}
		}
		if err := enc.Encode(struct {
			ID     string      `json:"id"`
			Quotes []PredQuote `json:"quotes"`
		}{d.ID, qs}); err != nil {
			return err
		}
	}
	return nil
}

// fold lower-cases s, strips diacritics (NFKD, combining marks dropped),
// maps dotless ı and schwa ə to i and e, and returns its [a-z0-9]+ runs.
func fold(s string) []string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r) {
			continue
		}
		b.WriteString(strings.ToLower(string(r)))
	}
	s = strings.NewReplacer("ı", "i", "ə", "e").Replace(b.String())
	var toks []string
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9')
		if alnum && start < 0 {
			start = i
		} else if !alnum && start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	return toks
}

// SameSpeaker reports whether two names agree: after folding, the last
// token of one appears among the tokens of the other, or they are equal.
func SameSpeaker(a, b string) bool {
	ta, tb := fold(a), fold(b)
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	return contains(tb, ta[len(ta)-1]) || contains(ta, tb[len(tb)-1])
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Score compares predictions with gold. A prediction matches a gold quote
// when their overlap is at least threshold of the gold span; pairs are
// matched one to one, largest overlap first (ties: higher gold index, then
// higher prediction index first, as Python's descending tuple sort).
func Score(gold []GoldDoc, pred map[string][]PredQuote, threshold float64) Metrics {
	var gN, pN, matched, spkN, spkOK, spkExact, missing int
	gold = lastByID(gold)
	for _, d := range gold {
		gq := d.Quotes
		pq, ok := pred[d.ID]
		if !ok {
			missing++
		}
		gN += len(gq)
		pN += len(pq)
		type pair struct{ ov, i, j int }
		var pairs []pair
		for i, g := range gq {
			glen := max(1, g.End-g.Start)
			for j, p := range pq {
				ov := min(g.End, p.End) - max(g.Start, p.Start)
				if ov > 0 && float64(ov)/float64(glen) >= threshold {
					pairs = append(pairs, pair{ov, i, j})
				}
			}
		}
		sort.Slice(pairs, func(a, b int) bool {
			x, y := pairs[a], pairs[b]
			if x.ov != y.ov {
				return x.ov > y.ov
			}
			if x.i != y.i {
				return x.i > y.i
			}
			return x.j > y.j
		})
		usedG, usedP := map[int]bool{}, map[int]bool{}
		for _, p := range pairs {
			if usedG[p.i] || usedP[p.j] {
				continue
			}
			usedG[p.i], usedP[p.j] = true, true
			matched++
			if s := gq[p.i].Speaker; s != nil && *s != "" {
				spkN++
				if SameSpeaker(*s, pq[p.j].Speaker) {
					spkOK++
				}
				if slices.Equal(fold(*s), fold(pq[p.j].Speaker)) {
					spkExact++
				}
			}
		}
	}
	var P, R, F, S, X float64
	if pN > 0 {
		P = float64(matched) / float64(pN)
	}
	if gN > 0 {
		R = float64(matched) / float64(gN)
	}
	if P+R > 0 {
		F = 2 * P * R / (P + R)
	}
	if spkN > 0 {
		S = float64(spkOK) / float64(spkN)
		X = float64(spkExact) / float64(spkN)
	}
	return Metrics{
		Docs: len(gold), MissingDocs: missing, Gold: gN, Predicted: pN, Matched: matched,
		Precision: round4(P), Recall: round4(R), F1: round4(F), SpeakerAccuracy: round4(S),
		SpeakerExact: round4(X), Threshold: threshold,
	}
}

// lastByID keeps, for a gold id given more than once, the last document at
// the place of the first, as score.py's dict does.
func lastByID(gold []GoldDoc) []GoldDoc {
	at := map[string]int{}
	var out []GoldDoc
	for _, d := range gold {
		if k, ok := at[d.ID]; ok {
			out[k] = d
			continue
		}
		at[d.ID] = len(out)
		out = append(out, d)
	}
	return out
}

// round4 rounds like Python's round(x, 4): correctly rounded from the
// exact binary value.
func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}
