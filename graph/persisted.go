package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/quotedb/quotedb/errs"
)

// Codes of the errors about persisted queries. PERSISTED_QUERY_NOT_FOUND
// (with the message PersistedQueryNotFound, which Apollo Client looks for)
// tells an automatic-persisted-query client to send the document with its
// hash.
const (
	codePersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND"
	codePersistedQueryOnly     = "PERSISTED_QUERY_ONLY"
)

// Bounds of the cache of automatic persisted queries: documents are kept,
// the least recently used dropped first, up to apqEntries of them; a
// document longer than apqMaxBytes runs but is not kept. Together at most
// 16 MiB.
const (
	apqEntries  = 1024
	apqMaxBytes = 16 << 10
)

// apqCache is the cache of automatic persisted queries, by SHA-256 hash.
type apqCache struct{ docs *lru.LRU[string] }

var _ graphql.Cache[string] = apqCache{}

func newAPQCache() apqCache { return apqCache{lru.New[string](apqEntries)} }

func (c apqCache) Get(ctx context.Context, hash string) (string, bool) {
	return c.docs.Get(ctx, hash)
}

func (c apqCache) Add(ctx context.Context, hash, doc string) {
	if len(doc) <= apqMaxBytes {
		c.docs.Add(ctx, hash, doc)
	}
}

// ManifestFormat names the manifest format ReadManifest reads.
const ManifestFormat = "apollo-persisted-query-manifest"

// Manifest is a list of trusted documents: with one, the endpoint runs
// those documents and nothing else (see HandlerConfig.Trusted).
type Manifest struct {
	byID   map[string]string // document by operation id
	byHash map[string]bool   // SHA-256 (hex) of each document
	// plans are the fields of each document the fast path answers
	// (fastpath.go), by document.
	plans map[string]docPlans
	// fastPages counts the pages the fast path answered.
	fastPages atomic.Int64
}

// Len is the number of documents in the manifest.
func (m *Manifest) Len() int { return len(m.byID) }

// manifestFile is Apollo's persisted query manifest, as
// @apollo/generate-persisted-query-manifest writes it.
type manifestFile struct {
	Format     string `json:"format"`
	Version    int    `json:"version"`
	Operations []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Type string `json:"type"`
		Body string `json:"body"`
	} `json:"operations"`
}

// ReadManifest reads a persisted query manifest in Apollo's format:
//
//	{"format": "apollo-persisted-query-manifest", "version": 1,
//	 "operations": [{"id": "<sha256 of body>", "name": "Speakers", "type": "query", "body": "query Speakers { … }"}]}
//
// Clients name a document by its id, as the Apollo persisted query protocol
// sends it: extensions.persistedQuery.sha256Hash. Every document must be
// valid against the schema, so that a manifest built for another version of
// the API is refused at start rather than failing request by request.
func ReadManifest(r io.Reader) (*Manifest, error) {
	var f manifestFile
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("reading the persisted query manifest: %w", err)
	}
	if f.Format != ManifestFormat || f.Version != 1 {
		return nil, fmt.Errorf("the persisted query manifest has format %q version %d; want %q version 1", f.Format, f.Version, ManifestFormat)
	}
	if len(f.Operations) == 0 {
		return nil, errors.New("the persisted query manifest lists no operations")
	}
	schema := NewExecutableSchema(Config{}).Schema()
	m := &Manifest{byID: map[string]string{}, byHash: map[string]bool{}, plans: map[string]docPlans{}}
	for i, op := range f.Operations {
		if op.ID == "" || op.Body == "" {
			return nil, fmt.Errorf("operation %d (%q) of the persisted query manifest has no id or no body", i+1, op.Name)
		}
		if body, dup := m.byID[op.ID]; dup && body != op.Body {
			return nil, fmt.Errorf("the persisted query manifest gives id %s to two different documents", op.ID)
		}
		doc, errs := gqlparser.LoadQuery(schema, op.Body)
		if len(errs) > 0 {
			return nil, fmt.Errorf("operation %q (id %s) of the persisted query manifest is not valid against the schema: %s", op.Name, op.ID, errs[0].Message)
		}
		m.byID[op.ID] = op.Body
		m.plans[op.Body] = planDocument(doc)
		m.byHash[sha256Hex(op.Body)] = true
	}
	return m, nil
}

// plan returns the plan of the field with response key key of the named
// operation of the trusted document doc, or nil when there is none.
func (m *Manifest) plan(doc, operation, key string) *connPlan {
	return m.plans[doc][operation][key]
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// trustedDocuments is the gqlgen extension that runs only the documents of
// a manifest: named by id (extensions.persistedQuery.sha256Hash), or sent
// whole when the text is one of them. It takes the place of automatic
// persisted queries, which would let any client add documents.
type trustedDocuments struct{ m *Manifest }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = trustedDocuments{}

func (trustedDocuments) ExtensionName() string { return "TrustedDocuments" }

func (t trustedDocuments) Validate(graphql.ExecutableSchema) error {
	if t.m == nil || t.m.Len() == 0 {
		return errors.New("trusted documents need a manifest with documents")
	}
	return nil
}

func (t trustedDocuments) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query != "" {
		if !t.m.byHash[sha256Hex(p.Query)] {
			return codedError(codePersistedQueryOnly, "this server runs only the documents of its persisted query manifest; send a document's id as extensions.persistedQuery.sha256Hash")
		}
		return nil
	}
	id, err := persistedID(p.Extensions)
	if err != nil {
		return err
	}
	doc, ok := t.m.byID[id]
	if !ok {
		return codedError(codePersistedQueryNotFound, "PersistedQueryNotFound")
	}
	p.Query = doc
	return nil
}

// persistedID reads extensions.persistedQuery of the Apollo protocol:
// {"version": 1, "sha256Hash": "…"}.
func persistedID(ext map[string]any) (string, *gqlerror.Error) {
	pq, ok := ext["persistedQuery"].(map[string]any)
	if !ok {
		return "", codedError(errs.Invalid.Code(), "the query parameter is missing, and extensions.persistedQuery names no document")
	}
	if v := fmt.Sprint(pq["version"]); v != "1" {
		return "", codedError(errs.Invalid.Code(), "extensions.persistedQuery.version must be 1")
	}
	id, _ := pq["sha256Hash"].(string)
	if id == "" {
		return "", codedError(errs.Invalid.Code(), "extensions.persistedQuery.sha256Hash must be a non-empty string")
	}
	return id, nil
}

func codedError(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}
