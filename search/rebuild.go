package search

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Rebuild builds the index of st from scratch in dir, replacing whatever
// dir held, and returns the number of documents indexed. It must not run
// while an Index has dir open; Open calls it when the index needs it, and
// `quotedb reindex` calls it directly. Of opts it uses Shards and Progress.
//
// It builds in a sibling directory and renames it into place at the end,
// so that an interrupted rebuild leaves either the old index or none, and
// the next Open rebuilds again. The index records the change-log position
// read before the first record, so that changes committed while it ran are
// applied afterwards by the follower.
func Rebuild(ctx context.Context, st store.Store, dir string, opts Options) (int, error) {
	statements, err := statementCount(ctx, st)
	if err != nil {
		return 0, err
	}
	nShards := shardsFor(statements, opts)
	head, err := st.Head(ctx)
	if err != nil {
		return 0, err
	}
	var last store.Change
	if head > 0 {
		ch, err := st.Changes(ctx, head-1, 1)
		if err != nil {
			return 0, err
		}
		if len(ch) == 0 {
			return 0, errs.E(errs.Internal, "change %d vanished from the change log", head)
		}
		last = ch[0]
	}

	internal := map[string][]byte{
		string(keyLayout): []byte(layoutVersion),
		string(keyShards): []byte(strconv.Itoa(nShards)),
	}
	if head > 0 {
		internal[string(keySeq)] = binary.BigEndian.AppendUint64(nil, last.Seq)
		internal[string(keySeqTime)] = []byte(last.Time.UTC().Format(time.RFC3339Nano))
	} else {
		internal[string(keySeq)] = binary.BigEndian.AppendUint64(nil, 0)
	}

	tmp := dir + ".rebuild"
	if err := os.RemoveAll(tmp); err != nil {
		return 0, errs.Wrap(errs.Internal, err, fmt.Sprintf("removing %s", tmp))
	}
	perSegment, err := segmentDocs(ctx, st)
	if err != nil {
		return 0, err
	}
	n, err := build(ctx, st, tmp, nShards, perSegment, internal, opts.Progress)
	if err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return 0, errs.Wrap(errs.Internal, err, "removing the old search index")
	}
	if err := os.Rename(tmp, dir); err != nil {
		return 0, errs.Wrap(errs.Internal, err, "moving the new search index into place")
	}
	return n, nil
}

// build writes a new index of every record of st into dir, in nShards
// shards built side by side, with the internal values given, and returns
// the number of documents.
//
// It uses scorch's offline builder, which writes segments of a few
// thousand documents and merges them once at the end, rather than a live
// index, whose background merging and snapshotting would redo much of
// that work over and over as the index grows.
func build(ctx context.Context, st store.Store, dir string, nShards, perSegment int, internal map[string][]byte, progress func(int)) (int, error) {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queues := make([]chan []pendingDoc, nShards)
	for i := range queues {
		queues[i] = make(chan []pendingDoc, 2)
	}
	readErr := make(chan error, 1)
	go func() {
		defer func() {
			for _, q := range queues {
				close(q)
			}
		}()
		readErr <- readAll(rctx, st, queues, progress)
	}()
	counts := make([]int, nShards)
	errc := make(chan error, nShards)
	for i := range nShards {
		go func() {
			n, err := buildShard(rctx, shardDir(dir, i), perSegment, internal, queues[i])
			if err != nil {
				cancel()
			}
			counts[i] = n
			errc <- err
		}()
	}
	var err error
	for range nShards {
		err = errors.Join(err, <-errc)
	}
	if rerr := <-readErr; rerr != nil && !errors.Is(rerr, context.Canceled) {
		err = errors.Join(rerr, err)
	}
	if ctx.Err() != nil {
		// Stopped (the server is shutting down): the segments written
		// so far are removed with dir, unmerged.
		return 0, ctx.Err()
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range counts {
		n += c
	}
	return n, nil
}

// buildShard builds the shard in dir from the documents received from
// queue, draining it to its end even after a failure so that the reader
// never blocks.
func buildShard(ctx context.Context, dir string, perSegment int, internal map[string][]byte, queue <-chan []pendingDoc) (int, error) {
	var b *scorch.Builder
	n := 0
	var err error
	for docs := range queue {
		if err != nil || ctx.Err() != nil {
			continue
		}
		if b == nil {
			if b, err = newBuilder(dir, perSegment, internal); err != nil {
				continue
			}
		}
		for _, p := range docs {
			d := p.build()
			if err = b.Index(d); err != nil {
				err = errs.Wrap(errs.Internal, err, fmt.Sprintf("indexing %s", d.ID()))
				break
			}
		}
		n += len(docs)
	}
	if err == nil {
		err = ctx.Err()
	}
	if b == nil {
		if err != nil {
			return 0, err
		}
		return 0, emptyIndex(ctx, dir, internal)
	}
	if err != nil {
		return 0, err
	}
	if cerr := b.Close(); cerr != nil {
		return 0, errs.Wrap(errs.Internal, cerr, "writing the search index")
	}
	return n, nil
}

// indexMeta is the file bleve reads first when it opens an index: the
// index's kind and its configuration. It is what bleve.NewUsing writes for
// newIndex's settings.
const indexMeta = `{"storage":"scorch","index_type":"scorch","config":{"unsafe_batch":true}}`

func newBuilder(dir string, perSegment int, internal map[string][]byte) (*scorch.Builder, error) {
	m, err := json.Marshal(indexMapping())
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "encoding the index mapping")
	}
	in := maps.Clone(internal)
	in["_mapping"] = m
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, errs.Wrap(errs.Internal, err, "creating the search index")
	}
	if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte(indexMeta), 0o600); err != nil {
		return nil, errs.Wrap(errs.Internal, err, "creating the search index")
	}
	b, err := scorch.NewBuilder(map[string]any{
		"path":            filepath.Join(dir, "store"),
		"buildPathPrefix": dir,
		"batchSize":       perSegment,
		// All segments merged in one pass at the end, up to a few
		// million documents.
		"mergeMax": 500,
		"internal": in,
	})
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "creating the search index")
	}
	return b, nil
}

// segmentDocs returns how many documents a rebuild puts in a segment, so
// that a segment holds about segmentBytes of statement text: the
// statements' mean size is taken from the first page of them. (bleve's
// builder cuts segments by count only.) Statements are bounded
// (store.DefaultMaxStatementBytes by default), so that a segment of
// unusually long ones stays within a small multiple of the budget.
func segmentDocs(ctx context.Context, st store.Store) (int, error) {
	var n, size int
	err := st.View(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: store.MaxPageSize})
		if err != nil {
			return err
		}
		for _, s := range c.Items {
			size += len(s.Text) + docOverhead
		}
		n = len(c.Items)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return docsPerSegment(n, size), nil
}

// docsPerSegment is how many documents of the mean size of n documents of
// size bytes in all make up segmentBytes.
func docsPerSegment(n, size int) int {
	if n == 0 {
		return maxSegmentDocs
	}
	return min(max(segmentBytes*n/size, minSegmentDocs), maxSegmentDocs)
}

// emptyIndex creates the index of an empty store: the builder needs a
// document.
func emptyIndex(ctx context.Context, dir string, internal map[string][]byte) error {
	idx, err := newIndex(dir)
	if err != nil {
		return err
	}
	b := idx.NewBatch()
	for k, v := range internal {
		b.SetInternal([]byte(k), v)
	}
	// The index is opened without syncing each batch (see newIndex);
	// this one is waited for, so that it is on disk before the index is
	// closed and moved.
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err = idx.Batch(b); err == nil {
		select {
		case err = <-persisted:
		case <-ctx.Done():
			err = ctx.Err()
		}
	}
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return errs.Wrap(errs.Internal, err, "creating the search index")
	}
	return nil
}

// recordLists gives, in the order a rebuild reads them, a page reader
// for each record type the index holds: names first, then statements with
// the facts facts draws for them.
func recordLists(facts *factCache) []func(tx store.Tx, p store.Page) (*store.Conn[pendingDoc], error) {
	return []func(tx store.Tx, p store.Page) (*store.Conn[pendingDoc], error){
		func(tx store.Tx, p store.Page) (*store.Conn[pendingDoc], error) {
			c, err := tx.ListSpeakers(store.SpeakerFilter{}, p)
			return mapDocs(c, err, func(s *store.Speaker) (string, *document.Document) { return s.ID, speakerDoc(s) })
		},
		func(tx store.Tx, p store.Page) (*store.Conn[pendingDoc], error) {
			c, err := tx.ListOrganisations(store.OrganisationFilter{}, p)
			return mapDocs(c, err, func(o *store.Organisation) (string, *document.Document) { return o.ID, organisationDoc(o) })
		},
		func(tx store.Tx, p store.Page) (*store.Conn[pendingDoc], error) {
			c, err := tx.ListTopics(store.TopicFilter{}, p)
			return mapDocs(c, err, func(t *store.Topic) (string, *document.Document) { return t.ID, topicDoc(t) })
		},
		func(tx store.Tx, p store.Page) (*store.Conn[pendingDoc], error) {
			c, err := tx.ListStatements(store.StatementFilter{}, p)
			if err != nil {
				return nil, err
			}
			facts.tx = tx
			docs := make([]pendingDoc, len(c.Items))
			for i, s := range c.Items {
				f, err := facts.of(s)
				if err != nil {
					return nil, err
				}
				docs[i] = pendingDoc{id: s.ID, statement: s, facts: f}
			}
			return &store.Conn[pendingDoc]{Items: docs, Cursors: c.Cursors, HasNext: c.HasNext}, nil
		},
	}
}

// readAll sends the documents of every indexed record of st to the
// queues of their shards, in batches.
func readAll(ctx context.Context, st store.Store, queues []chan []pendingDoc, progress func(int)) error {
	read := 0
	pending := make([][]pendingDoc, len(queues))
	send := func(force bool) error {
		for i, docs := range pending {
			if len(docs) >= readBatch || force && len(docs) > 0 {
				select {
				case queues[i] <- docs:
				case <-ctx.Done():
					return ctx.Err()
				}
				pending[i] = nil
			}
		}
		return nil
	}
	// Names first, then statements with facts drawn from a cache that
	// lives for the whole pass: affiliations and topics are few next to
	// statements, and a change to one after it was cached is applied
	// again by the follower.
	var facts *factCache
	err := st.View(ctx, func(tx store.Tx) error {
		facts = newFactCache(tx)
		return nil
	})
	if err != nil {
		return err
	}
	lists := recordLists(facts)
	for _, list := range lists {
		// Each page in its own read transaction, so that no snapshot is
		// held for the whole pass.
		pages := store.Pages(ctx, store.Page{First: store.MaxPageSize}, func(p store.Page) (c *store.Conn[pendingDoc], err error) {
			err = st.View(ctx, func(tx store.Tx) error {
				var err error
				c, err = list(tx, p)
				return err
			})
			return c, err
		})
		for c, err := range pages {
			if err != nil {
				return err
			}
			for _, d := range c.Items {
				i := shardOf(d.id, len(pending))
				pending[i] = append(pending[i], d)
			}
			if read += len(c.Items); progress != nil {
				progress(read)
			}
			if err := send(false); err != nil {
				return err
			}
		}
	}
	return send(true)
}

func mapDocs[T any](c *store.Conn[T], err error, doc func(T) (string, *document.Document)) (*store.Conn[pendingDoc], error) {
	if err != nil {
		return nil, err
	}
	docs := make([]pendingDoc, len(c.Items))
	for i, r := range c.Items {
		id, d := doc(r)
		docs[i] = pendingDoc{id: id, doc: d}
	}
	return &store.Conn[pendingDoc]{Items: docs, Cursors: c.Cursors, HasNext: c.HasNext}, nil
}

// pendingDoc is a record to index: a name's document, or a statement whose
// document its shard's builder makes, so that statements are analysed on
// every core a rebuild uses.
type pendingDoc struct {
	id        string
	doc       *document.Document
	statement *store.Statement
	facts     statementFacts
}

func (p pendingDoc) build() *document.Document {
	if p.doc != nil {
		return p.doc
	}
	return statementDoc(p.statement, p.facts)
}
