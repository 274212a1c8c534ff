// Command pgload turns a quotedb dump (JSON Lines on stdin) into PostgreSQL
// COPY files, one per table of bench/load/schema.sql, in the directory
// given, plus ids.lua, the ids the load scripts draw from. It is how the
// load test gives PostgreSQL the same data as quotedb.
//
//	pgload DIR < dump.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: pgload DIR < dump.jsonl")
		os.Exit(2)
	}
	if err := run(os.Stdin, os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "pgload:", err)
		os.Exit(1)
	}
}

var tables = []string{"organisations", "speakers", "topics", "sources", "affiliations", "statements", "statement_topics"}

func run(in io.Reader, dir string) error {
	out := map[string]*bufio.Writer{}
	var files []*os.File
	for _, t := range tables {
		f, err := os.Create(filepath.Join(dir, t+".copy"))
		if err != nil {
			return err
		}
		files = append(files, f)
		out[t] = bufio.NewWriterSize(f, 1<<20)
	}
	var roots, speakers, statements, orgs []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		var r store.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
		n++
		switch r.Type {
		case store.OrganisationType:
			o := r.Organisation
			row(out["organisations"], o.ID, o.Name, o.ShortName, string(o.Kind), o.QID, ts(o.CreatedAt), ts(o.UpdatedAt))
			orgs = append(orgs, o.ID)
		case store.SpeakerType:
			s := r.Speaker
			row(out["speakers"], s.ID, s.Name, array(s.Aliases), s.Description, s.QID, ts(s.CreatedAt), ts(s.UpdatedAt))
			if len(speakers) < 1000 {
				speakers = append(speakers, s.ID)
			}
		case store.TopicType:
			t := r.Topic
			row(out["topics"], t.ID, t.Name, t.Slug, array(t.Aliases), t.ParentID, ts(t.CreatedAt), ts(t.UpdatedAt))
			if t.ParentID == "" {
				roots = append(roots, t.ID)
			}
		case store.SourceType:
			s := r.Source
			row(out["sources"], s.ID, s.Title, s.PublisherID, s.URL, s.ArchivedURL, s.Published.String(), s.Language, s.ContentHash, s.Text, ts(s.CreatedAt), ts(s.UpdatedAt))
		case store.AffiliationType:
			a := r.Affiliation
			row(out["affiliations"], a.ID, a.SpeakerID, a.OrganisationID, a.Role, first(a.Start), last(a.End), a.SourceID, ts(a.CreatedAt), ts(a.UpdatedAt))
		case store.StatementType:
			s := r.Statement
			key := strconv.Itoa(int(s.Said.Key()))
			var start, end string
			if s.Span != nil {
				start, end = strconv.Itoa(s.Span.Start), strconv.Itoa(s.Span.End)
			}
			var conf string
			if s.Confidence != 0 {
				conf = strconv.FormatFloat(s.Confidence, 'g', -1, 64)
			}
			row(out["statements"], s.ID, s.Text, string(s.Kind), s.SpeakerID, s.OrganisationID, s.Role, s.Cue,
				s.Said.String(), key, first(s.Said), last(s.Said), s.SourceID, start, end, s.Language, string(s.Status), conf,
				ts(s.CreatedAt), ts(s.UpdatedAt))
			for _, t := range s.TopicIDs {
				row(out["statement_topics"], s.ID, t, key)
			}
			if n%97 == 0 && len(statements) < 5000 {
				statements = append(statements, s.ID)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for i, t := range tables {
		if err := out[t].Flush(); err != nil {
			return err
		}
		if err := files[i].Close(); err != nil {
			return err
		}
	}
	var ids strings.Builder
	ids.WriteString("-- Ids of the dataset for the load scripts; written by bench/pgload.\nreturn {\n")
	for _, l := range []struct {
		name string
		ids  []string
	}{{"roots", roots}, {"speakers", speakers}, {"statements", statements}, {"orgs", orgs}} {
		fmt.Fprintf(&ids, "  %s = {", l.name)
		for _, id := range l.ids {
			fmt.Fprintf(&ids, "%q,", id)
		}
		ids.WriteString("},\n")
	}
	ids.WriteString("}\n")
	return os.WriteFile(filepath.Join(dir, "ids.lua"), []byte(ids.String()), 0o644)
}

// row writes one line of COPY text format; empty fields are NULL.
func row(w *bufio.Writer, fields ...string) {
	for i, f := range fields {
		if i > 0 {
			w.WriteByte('\t')
		}
		if f == "" {
			w.WriteString(`\N`)
			continue
		}
		w.WriteString(copyEscape.Replace(f))
	}
	w.WriteByte('\n')
}

var copyEscape = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// array is a PostgreSQL text[] literal.
func array(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`)
	}
	b.WriteByte('}')
	return b.String()
}

func first(d partialdate.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.First().String()
}

func last(d partialdate.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Last().String()
}
