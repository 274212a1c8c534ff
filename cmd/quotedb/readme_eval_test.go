package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/eval"
)

// TestReadmeExtractionTable checks that every row of the README's
// extraction table gives what `quotedb eval --json` prints today for that
// corpus file and half, rounded to three places, so that the published
// numbers are the extractor's and not an older one's.
func TestReadmeExtractionTable(t *testing.T) {
	dir := eval.CorpusDir()
	if dir == "" {
		t.Skip("shared/corpus not found beside the repository (set QUOTEDB_CORPUS): skipping the extraction table check")
	}
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| (?:`([a-z-]+\\.jsonl)`[^|]*)? *\\| (tune|check|all) \\| (\\d+) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\|$")
	file, rows := "", 0
	for _, m := range row.FindAllStringSubmatch(string(raw), -1) {
		if m[1] != "" {
			file = m[1]
		}
		args := []string{"eval", "--json"}
		if m[2] != "all" && file != "seed-gold.jsonl" {
			args = append(args, "--half", m[2])
		}
		out := mustRun(t, "", append(args, filepath.Join(dir, file))...)
		var got struct {
			Docs            int     `json:"docs"`
			Precision       float64 `json:"precision"`
			Recall          float64 `json:"recall"`
			F1              float64 `json:"f1"`
			SpeakerAccuracy float64 `json:"speaker_accuracy"`
			SpeakerExact    float64 `json:"speaker_exact"`
		}
		first, _, _ := strings.Cut(out, "\n") // the 30% overlap line
		if err := json.Unmarshal([]byte(first), &got); err != nil {
			t.Fatalf("eval %v: %v\n%s", args, err, out)
		}
		want := strings.Join(m[3:], " ")
		have := fmt.Sprintf("%d %.3f %.3f %.3f %.3f %.3f", got.Docs, got.Precision, got.Recall, got.F1, got.SpeakerAccuracy, got.SpeakerExact)
		if have != want {
			t.Errorf("README row %s %s: the table says %s, eval gives %s (docs P R F1 speaker exact)", file, m[2], want, have)
		}
		rows++
	}
	if rows < 7 {
		t.Errorf("found %d rows of the extraction table in README.md, want 7", rows)
	}
}
