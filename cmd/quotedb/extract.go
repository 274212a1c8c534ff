package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/eval"
	"github.com/quotedb/quotedb/extract"
)

// extractedQuote is one statement in the evaluation output format.
type extractedQuote struct {
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Text         string  `json:"text"`
	Kind         string  `json:"kind"`
	Speaker      *string `json:"speaker"`
	Cue          *string `json:"cue"`
	Organisation *string `json:"organisation"`
	Role         *string `json:"role"`
	Topic        *string `json:"topic"`
	Confidence   float64 `json:"confidence"`
}

type extractedDoc struct {
	ID     string           `json:"id"`
	Date   string           `json:"date,omitempty"`
	Quotes []extractedQuote `json:"quotes"`
}

func extractCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSetArgs("extract", "FILE | --jsonl < DOCS.jsonl", "Prints the attributed statements the extractor finds, storing nothing.\n\n  quotedb extract FILE           one JSON object for the file\n  quotedb extract --jsonl < DOCS one JSON line per document of a JSON Lines file\n                                 with id, text and date (the corpus gold format)\n\nOffsets are UTF-8 byte offsets into the text (for HTML and Markdown files, into the\ntext without markup).", stderr)
	jsonl := fs.Bool("jsonl", false, "read JSON Lines documents from stdin")
	if err := parse(fs, args); err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if *jsonl {
		if fs.NArg() > 0 {
			return usageError("--jsonl reads stdin and takes no file")
		}
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
		line := 0
		for sc.Scan() {
			line++
			if len(sc.Bytes()) == 0 {
				continue
			}
			var d struct {
				ID   string  `json:"id"`
				Text string  `json:"text"`
				Date *string `json:"date"`
			}
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				return errs.Wrap(errs.Invalid, err, fmt.Sprintf("line %d", line))
			}
			doc := extract.Document{Text: d.Text}
			if d.Date != nil {
				t, err := time.Parse(time.DateOnly, *d.Date)
				if err != nil {
					return errs.Wrap(errs.Invalid, err, fmt.Sprintf("line %d: date", line))
				}
				doc.Date = t
			}
			out, err := extractDoc(d.ID, doc)
			if err != nil {
				return fmt.Errorf("line %d: %w", line, err)
			}
			if err := enc.Encode(out); err != nil {
				return err
			}
		}
		return sc.Err()
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	text, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	out, err := extractDoc(fs.Arg(0), extract.Document{Text: string(text), Format: formatOf(fs.Arg(0))})
	if err != nil {
		return err
	}
	return enc.Encode(out)
}

// extractDoc runs the extractor on one document. A statement's speaker is
// the name the document establishes, or the phrase for an unnamed source,
// or null.
func extractDoc(id string, doc extract.Document) (extractedDoc, error) {
	res, err := extract.Extract(doc)
	if err != nil {
		return extractedDoc{}, errs.E(errs.Invalid, "cannot read document: %v", err)
	}
	out := extractedDoc{ID: id, Date: res.Date, Quotes: []extractedQuote{}}
	for _, q := range res.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = q.Source
		}
		out.Quotes = append(out.Quotes, extractedQuote{
			Start: q.Start, End: q.End, Text: q.Text, Kind: string(q.Kind),
			Speaker: optional(speaker), Cue: optional(q.Cue), Organisation: optional(q.Organisation),
			Role: optional(q.Role), Topic: optional(q.Topic), Confidence: q.Confidence,
		})
	}
	return out, nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func evalCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSetArgs("eval", "GOLD.jsonl", "Runs the extractor on a gold file (the corpus gold format) and prints precision, recall\nand F1 at 30% and 80% overlap of the gold span, speaker accuracy (last names agree) and\nspeaker exactness (full names equal), by the corpus's scoring rule, rounded to 4 decimals as the reference scorer's --json output is.", stderr)
	asJSON := fs.Bool("json", false, "print the metrics as JSON lines")
	half := fs.String("half", "", "score only one half of the documents: tune (the half rules are developed on) or check (the half only measured); split by the first byte of the SHA-256 of each document id, even or odd")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := eval.ReadGold(f)
	if err != nil {
		return errs.Wrap(errs.Invalid, err, "reading gold file")
	}
	if *half != "" {
		if gold, err = eval.Half(gold, *half); err != nil {
			return usageError("%v", err)
		}
		fmt.Fprintf(stderr, "half %s: %d documents\n", *half, len(gold))
	}
	pred := eval.Predict(gold)
	for _, threshold := range []float64{0.3, 0.8} {
		m := eval.Score(gold, pred, threshold)
		if *asJSON {
			if err := json.NewEncoder(stdout).Encode(m); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(stdout, "docs %d (missing %d) gold %d predicted %d matched %d\n", m.Docs, m.MissingDocs, m.Gold, m.Predicted, m.Matched)
		fmt.Fprintf(stdout, "P %.4f R %.4f F1 %.4f speaker-accuracy %.4f speaker-exact %.4f (overlap >= %.1f of gold span)\n", m.Precision, m.Recall, m.F1, m.SpeakerAccuracy, m.SpeakerExact, threshold)
	}
	return nil
}
