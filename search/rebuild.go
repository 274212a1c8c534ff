package search

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Rebuild builds the index of st from scratch in dir, replacing whatever
// dir held, and returns the number of documents indexed. It must not run
// while an Index has dir open; Open calls it when the index needs it, and
// `quotedb reindex` calls it directly.
//
// It builds in a sibling directory and renames it into place at the end,
// so that an interrupted rebuild leaves either the old index or none, and
// the next Open rebuilds again. The index records the change-log position
// read before the first record, so that changes committed while it ran are
// applied afterwards by the follower.
func Rebuild(ctx context.Context, st store.Store, dir string) (int, error) {
	head, err := LastSeq(ctx, st, 0)
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

	tmp := dir + ".rebuild"
	if err := os.RemoveAll(tmp); err != nil {
		return 0, errs.Wrap(errs.Internal, err, fmt.Sprintf("removing %s", tmp))
	}
	idx, err := newIndex(tmp)
	if err != nil {
		return 0, err
	}
	n, err := fill(ctx, st, idx)
	if err == nil {
		b := idx.NewBatch()
		b.SetInternal(keyLayout, []byte(layoutVersion))
		if head > 0 {
			setPosition(b, last)
		} else {
			b.SetInternal(keySeq, binary.BigEndian.AppendUint64(nil, 0))
		}
		// The index is opened without syncing each batch (see
		// newIndex); this last one is waited for, so that what was
		// built is on disk before the index is closed and moved.
		persisted := make(chan error, 1)
		b.SetPersistedCallback(func(err error) { persisted <- err })
		if err = idx.Batch(b); err == nil {
			select {
			case err = <-persisted:
			case <-ctx.Done():
				err = ctx.Err()
			}
		}
	}
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = errs.Wrap(errs.Internal, cerr, "closing the new search index")
	}
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

// fill indexes every speaker, organisation, topic and statement of st. The
// store is read a page at a time, each page in a transaction of its own,
// while the previous batch is indexed.
func fill(ctx context.Context, st store.Store, idx bleve.Index) (int, error) {
	batches := make(chan []*document.Document, 2)
	readErr := make(chan error, 1)
	go func() {
		defer close(batches)
		readErr <- readAll(ctx, st, batches)
	}()
	n := 0
	var indexErr error
	for docs := range batches {
		if indexErr != nil {
			continue // drain, so that the reader ends
		}
		b := idx.NewBatch()
		for _, d := range docs {
			if err := b.IndexAdvanced(d); err != nil {
				indexErr = errs.Wrap(errs.Internal, err, fmt.Sprintf("indexing %s", d.ID()))
				break
			}
		}
		if indexErr == nil {
			if err := idx.Batch(b); err != nil {
				indexErr = errs.Wrap(errs.Internal, err, "writing search index batch")
			}
		}
		n += len(docs)
	}
	if err := <-readErr; err != nil {
		return 0, err
	}
	return n, indexErr
}

// readAll sends the documents of every indexed record of st to out, in
// batches of buildBatch.
func readAll(ctx context.Context, st store.Store, out chan<- []*document.Document) error {
	var docs []*document.Document
	send := func(force bool) error {
		if len(docs) >= buildBatch || force && len(docs) > 0 {
			select {
			case out <- docs:
			case <-ctx.Done():
				return ctx.Err()
			}
			docs = nil
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
	lists := []func(tx store.Tx, p store.Page) ([]*document.Document, *store.Conn[string], error){
		func(tx store.Tx, p store.Page) ([]*document.Document, *store.Conn[string], error) {
			c, err := tx.ListSpeakers(store.SpeakerFilter{}, p)
			return mapDocs(c, err, speakerDoc)
		},
		func(tx store.Tx, p store.Page) ([]*document.Document, *store.Conn[string], error) {
			c, err := tx.ListOrganisations(store.OrganisationFilter{}, p)
			return mapDocs(c, err, organisationDoc)
		},
		func(tx store.Tx, p store.Page) ([]*document.Document, *store.Conn[string], error) {
			c, err := tx.ListTopics(store.TopicFilter{}, p)
			return mapDocs(c, err, topicDoc)
		},
		func(tx store.Tx, p store.Page) ([]*document.Document, *store.Conn[string], error) {
			c, err := tx.ListStatements(store.StatementFilter{}, p)
			if err != nil {
				return nil, nil, err
			}
			facts.tx = tx
			docs := make([]*document.Document, len(c.Items))
			for i, s := range c.Items {
				f, err := facts.of(s)
				if err != nil {
					return nil, nil, err
				}
				docs[i] = statementDoc(s, f)
			}
			return docs, &store.Conn[string]{Cursors: c.Cursors, HasNext: c.HasNext}, nil
		},
	}
	for _, list := range lists {
		p := store.Page{First: store.MaxPageSize}
		for {
			var page []*document.Document
			var c *store.Conn[string]
			err := st.View(ctx, func(tx store.Tx) error {
				var err error
				page, c, err = list(tx, p)
				return err
			})
			if err != nil {
				return err
			}
			docs = append(docs, page...)
			if err := send(false); err != nil {
				return err
			}
			if !c.HasNext {
				break
			}
			p.After = c.Cursors[len(c.Cursors)-1]
		}
	}
	return send(true)
}

func mapDocs[T any](c *store.Conn[T], err error, doc func(T) *document.Document) ([]*document.Document, *store.Conn[string], error) {
	if err != nil {
		return nil, nil, err
	}
	docs := make([]*document.Document, len(c.Items))
	for i, r := range c.Items {
		docs[i] = doc(r)
	}
	return docs, &store.Conn[string]{Cursors: c.Cursors, HasNext: c.HasNext}, nil
}
