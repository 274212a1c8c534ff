package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/extract"
	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

func ingestCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSetArgs("ingest", "FILE...", "Extracts the attributed statements of each FILE and stores the source document with its\nstatements, speakers, organisations, topics and affiliations. A file whose text is stored\nalready is skipped. Files ending in .html/.htm are read as HTML, .md as Markdown.", stderr)
	db := dbFlag(fs)
	storeURL := storeFlag(fs)
	dryRun := fs.Bool("dry-run", false, "print what would be stored, for review, and store nothing: each statement with its speaker, organisation, topic and date, and each speaker, organisation and topic as new or resolved to a stored one")
	asJSON := fs.Bool("json", false, "with --dry-run, print the plan as JSON (fields: title, published, existingSource, statements, speakers, organisations, topics, affiliations)")
	title := fs.String("title", "", "title of the document (default: its first line)")
	url := fs.String("url", "", "where the document was published")
	publisher := fs.String("publisher", "", "publishing organisation: id, name or short name")
	date := fs.String("date", "", "publication date, YYYY[-MM[-DD]] (default: the date the text gives)")
	lang := fs.String("lang", "en", "language of the document (BCP 47)")
	maxBytes := fs.Int("max-document-bytes", ingest.DefaultMaxBytes, "largest document text, in bytes (env QUOTEDB_MAX_DOCUMENT_BYTES)")
	if err := setFromEnv(fs, map[string]string{"max-document-bytes": "QUOTEDB_MAX_DOCUMENT_BYTES"}); err != nil {
		return err
	}
	maxStatement, err := maxStatementFlag(fs)
	if err != nil {
		return err
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if *maxBytes <= 0 {
		return usageError("--max-document-bytes must be positive")
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	published, err := partialdate.Parse(*date)
	if err != nil {
		return usageError("--date: %v", err)
	}
	if *asJSON && !*dryRun {
		return usageError("--json goes with --dry-run")
	}
	texts, err := readDocuments(fs.Args(), *maxBytes)
	if err != nil {
		return err
	}
	s, _, err := openData(ctx, *storeURL, *db, *maxStatement)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx = store.WithActor(ctx, "cli")
	for i, path := range fs.Args() {
		text := texts[i]
		doc := ingest.Document{
			Text: string(text), Format: formatOf(path), Title: *title, URL: *url,
			Publisher: *publisher, Date: published, Language: *lang, MaxBytes: *maxBytes,
		}
		if *dryRun {
			if err := previewDocument(ctx, s, path, doc, *asJSON, stdout); err != nil {
				return err
			}
			continue
		}
		p, src, created, err := ingest.Ingest(ctx, s, doc)
		if err != nil {
			return inFile(path, err)
		}
		if !created {
			fmt.Fprintf(stdout, "%s: already stored as source %s; nothing written\n", path, src.ID)
			continue
		}
		fmt.Fprintf(stdout, "%s: source %s with %d statements (%d new speakers, %d new organisations, %d new topics)\n",
			path, src.ID, len(p.Statements), countNew(p.Speakers), countNew(p.Organisations), countNew(p.Topics))
	}
	return nil
}

// readDocuments reads every file and checks its size before the database
// is opened, so that a wrong path or a document refused for its size
// leaves no database file behind.
func readDocuments(paths []string, maxBytes int) ([][]byte, error) {
	texts := make([][]byte, len(paths))
	for i, path := range paths {
		var err error
		if texts[i], err = os.ReadFile(path); err != nil {
			return nil, err
		}
		if len(texts[i]) > maxBytes {
			return nil, inFile(path, errs.E(errs.TooLarge, "document of %d bytes exceeds the limit of %d bytes (--max-document-bytes)", len(texts[i]), maxBytes))
		}
	}
	return texts, nil
}

// previewDocument prints what ingesting doc (read from path) would store,
// as text for review or as JSON, and stores nothing.
func previewDocument(ctx context.Context, s store.Store, path string, doc ingest.Document, asJSON bool, stdout io.Writer) error {
	p, err := ingest.Prepare(ctx, s, doc)
	if err != nil {
		return inFile(path, err)
	}
	if asJSON {
		return writePlanJSON(stdout, viewPlan(p))
	}
	return writePlan(stdout, path, viewPlan(p))
}

// inFile names the file an error is about, keeping its kind.
func inFile(path string, err error) error {
	return &errs.Error{Kind: errs.KindOf(err), Msg: path, Err: err}
}

func countNew[T any](refs []*ingest.Ref[T]) int {
	n := 0
	for _, r := range refs {
		if r.New {
			n++
		}
	}
	return n
}

// formatOf tells a file's markup by its extension.
func formatOf(path string) extract.Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return extract.HTML
	case ".md", ".markdown":
		return extract.Markdown
	}
	return extract.PlainText
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
