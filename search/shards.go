package search

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// The index is split into shards: bleve indexes in the subdirectories 0,
// 1, … of the index directory, each holding the documents whose id hashes
// to it. A search runs on every shard at once, each on a goroutine of its
// own (bleve's index alias merges their hits), and a rebuild builds them
// side by side, so that a large index uses every core for one search and
// for a rebuild; bleve runs one search, and builds one index, on one core.
//
// A small store gets one shard. Scores weigh a word by how rare it is in
// its shard, and in a small collection split in parts that would depend on
// which part a statement fell in; in a large one the parts agree.

// statementsPerShard is how many statements a store has for each shard a
// rebuild makes, up to one shard per core.
const statementsPerShard = 100_000

// keyShards records, in every shard, how many there are.
var keyShards = []byte("quotedb.shards")

// shards is an open index: its shards, and one bleve.Index that searches
// them all.
type shards struct {
	parts []bleve.Index
	all   bleve.Index
	cols  []*facetColumns // of each part
}

func newShards(parts []bleve.Index) *shards {
	s := &shards{parts: parts, all: parts[0], cols: make([]*facetColumns, len(parts))}
	for i := range s.cols {
		s.cols[i] = &facetColumns{}
	}
	if len(parts) > 1 {
		s.all = bleve.NewIndexAlias(parts...)
	}
	return s
}

// shardOf returns the shard of the document with the given id.
func shardOf(id string, n int) int {
	if n == 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(n))
}

// shardDir is the directory of shard i of the index in dir.
func shardDir(dir string, i int) string { return filepath.Join(dir, strconv.Itoa(i)) }

// shardsFor returns the number of shards an index of the given number of
// statements gets when opts.Shards does not say.
func shardsFor(statements int, opts Options) int {
	if opts.Shards > 0 {
		return opts.Shards
	}
	return max(1, min(runtime.GOMAXPROCS(0), statements/statementsPerShard))
}

// statementCount returns the number of statements in st, which costs a
// pass over them.
func statementCount(ctx context.Context, st store.Store) (int, error) {
	var n int
	err := st.View(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 1, Count: true})
		if err == nil {
			n = c.Total
		}
		return err
	})
	return n, err
}

// openShards opens the shards of the index in dir.
func openShards(dir string) (*shards, error) {
	var parts []bleve.Index
	fail := func(err error) (*shards, error) {
		for _, p := range parts {
			p.Close()
		}
		return nil, err
	}
	for i := 0; ; i++ {
		d := shardDir(dir, i)
		if _, err := os.Stat(d); errors.Is(err, os.ErrNotExist) {
			break
		}
		p, err := bleve.Open(d)
		if err != nil {
			return fail(err)
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("no shards in %s", dir)
	}
	for i, p := range parts {
		b, err := p.GetInternal(keyShards)
		if err != nil {
			return fail(err)
		}
		if n, err := strconv.Atoi(string(b)); err != nil || n != len(parts) {
			return fail(fmt.Errorf("shard %d belongs to an index of %q shards, but there are %d", i, b, len(parts)))
		}
	}
	return newShards(parts), nil
}

// Close closes every shard.
func (s *shards) Close() error {
	var err error
	for _, p := range s.parts {
		err = errors.Join(err, p.Close())
	}
	return err
}

// batch applies docs, the documents to index (nil: delete the record of
// that id), to every shard, with the change-log position last. Each shard
// commits on its own: after a crash between two, the shards are at
// different positions, and the index resumes from the earliest (see
// position); applying a change again is harmless.
func (s *shards) batch(ids []string, docs map[string]*document.Document, last store.Change) error {
	batches := make([]*bleve.Batch, len(s.parts))
	for i, p := range s.parts {
		batches[i] = p.NewBatch()
	}
	for _, id := range ids {
		b := batches[shardOf(id, len(s.parts))]
		d := docs[id]
		if d == nil {
			b.Delete(id)
			continue
		}
		if err := b.IndexAdvanced(d); err != nil {
			return errs.Wrap(errs.Internal, err, fmt.Sprintf("indexing %s", id))
		}
	}
	for i, b := range batches {
		setPosition(b, last)
		if err := s.parts[i].Batch(b); err != nil {
			return err
		}
	}
	return nil
}

// counter counts documents by term over every shard of an index, with one
// reader of each shard for all its counts.
type counter struct{ readers []index.IndexReader }

func (s *shards) counter() (*counter, error) {
	c := &counter{}
	for _, p := range s.parts {
		adv, err := p.Advanced()
		if err == nil {
			var r index.IndexReader
			if r, err = adv.Reader(); err == nil {
				c.readers = append(c.readers, r)
				continue
			}
		}
		c.Close()
		return nil, err
	}
	return c, nil
}

// docFreq returns the number of documents whose field has term.
func (c *counter) docFreq(ctx context.Context, field, term string) (uint64, error) {
	var n uint64
	for _, r := range c.readers {
		tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
		if err != nil {
			return 0, err
		}
		n += tfr.Count()
		tfr.Close()
	}
	return n, nil
}

// statements returns the number of statements in the index.
func (c *counter) statements(ctx context.Context) (uint64, error) {
	return c.docFreq(ctx, fFacts, factType+string(store.StatementType))
}

func (c *counter) Close() error {
	var err error
	for _, r := range c.readers {
		err = errors.Join(err, r.Close())
	}
	return err
}

// commonWords marks the clauses that look for a word in more than half of
// the statements, when the query has other words that are not: those
// words are required but not scored. Such a word weighs little in a score
// (its inverse document frequency is below 1.7, against 3 to 8 for most
// words), while scoring it means reading its frequency in every statement
// the search looks at, which for a word like "the" is most of the cost of
// the search. Lucene's common-terms query makes the same trade. It returns
// nil when no clause is marked.
func (s *shards) commonWords(ctx context.Context, clauses []clause) ([]bool, error) {
	positive, words := 0, 0
	for _, c := range clauses {
		if !c.negated {
			positive++
		}
		if c.isWord() {
			words++
		}
	}
	if positive < 2 || words == 0 {
		return nil, nil // no clause to mark beside a rarer one
	}
	cnt, err := s.counter()
	if err != nil {
		return nil, err
	}
	defer cnt.Close()
	statements, err := cnt.statements(ctx)
	if err != nil || statements == 0 {
		return nil, err
	}
	common := make([]bool, len(clauses))
	marked, rare := false, false
	for i, c := range clauses {
		if !c.isWord() {
			rare = rare || !c.negated
			continue
		}
		var df uint64
		for _, f := range Words(c.text)[0].Forms {
			n, err := cnt.docFreq(ctx, fText, f)
			if err != nil {
				return nil, err
			}
			df += n
		}
		if df > statements/2 {
			common[i], marked = true, true
		} else {
			rare = true
		}
	}
	if !marked || !rare {
		return nil, nil
	}
	return common, nil
}

// internalSeq returns the change-log position stored in a shard.
func internalSeq(p bleve.Index) (seq uint64, seqTime string, ok bool) {
	b, err := p.GetInternal(keySeq)
	if err != nil || len(b) != 8 {
		return 0, "", false
	}
	t, _ := p.GetInternal(keySeqTime)
	return binary.BigEndian.Uint64(b), string(t), true
}
