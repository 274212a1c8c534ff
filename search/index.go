// Package search is quotedb's full-text index: statements by their words,
// and speakers, organisations and topics by their names.
//
// The store stays the source of truth. The index is a bleve (scorch) index in
// a directory of its own, beside the database file by default, and follows
// the store's change log: each batch of changes is applied together with the
// sequence number of the last change it covers, in one index batch, so that
// after a crash the index holds exactly the changes up to the sequence it
// records and catches up from there. An index that is missing, unreadable,
// of another layout, ahead of the store (a restored database) or far behind
// it is rebuilt from the store, while searches fall back to scanning the
// store; a stale or lost index never loses or hides data.
package search

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// layoutVersion changes whenever the documents or the analyzer change in a
// way that needs a rebuild; an index of another version is rebuilt on open.
const layoutVersion = "quotedb-search-5"

// Keys of the index's internal storage.
var (
	keyLayout  = []byte("quotedb.layout")
	keySeq     = []byte("quotedb.seq")      // last change applied, big-endian
	keySeqTime = []byte("quotedb.seq.time") // its time, to recognise another log
)

const (
	// changeBatch is how many changes the follower reads and applies at a
	// time.
	changeBatch = 2000
	// rebuildBehind is how far behind the store an index may be on open
	// and still be caught up change by change; further behind, rebuilding
	// is faster.
	rebuildBehind = 200_000
	// segmentBytes is about how many bytes of statement text a rebuild
	// puts in each segment of a shard: what a shard's builder holds, with
	// its analysis (some hundreds of times the text), before writing the
	// segment out. Batching by count held 3.3 GB at 200k statements.
	segmentBytes = 512 << 10
	// docOverhead is the bytes a statement's document adds to its text:
	// its id and facts.
	docOverhead = 100
	// minSegmentDocs and maxSegmentDocs bound the documents per segment:
	// fewer make more segments to merge at the end, more gain nothing.
	minSegmentDocs, maxSegmentDocs = 200, 10_000
	// readBatch is the number of records a rebuild's reader hands a
	// shard's builder at a time.
	readBatch = 1000
)

// DirFor returns the default index directory for a database file: beside
// it, named after it.
func DirFor(dbPath string) string { return dbPath + ".search" }

// Options tune an Index. The zero value is ready to use.
type Options struct {
	// Log receives rebuilds and follower errors; nil discards them.
	Log *slog.Logger
	// Shards is the number of shards a rebuild splits the index into;
	// 0 chooses by the number of statements (see statementsPerShard) and
	// of cores. An existing index keeps the shards it was built with.
	Shards int
	// FallbackScan and FallbackTime bound the statements a search reads,
	// and the time it takes, when it scans the store for want of an
	// index; 0 means DefaultFallbackScan and DefaultFallbackTime.
	FallbackScan int
	FallbackTime time.Duration
	// Progress, when set, is called by Rebuild with the number of records
	// read so far, from one goroutine.
	Progress func(read int)
}

// The default bounds of a fallback search: at about 40 µs a statement
// read and folded, a second or so of scanning.
const (
	DefaultFallbackScan = 25_000
	DefaultFallbackTime = time.Second
)

// Index is the search index of one store. Its methods are safe for
// concurrent use.
type Index struct {
	st  store.Store
	dir string
	log *slog.Logger

	shards int // Options.Shards

	fallbackScan int
	fallbackTime time.Duration

	mu  sync.RWMutex
	idx *shards // nil while there is no usable index
	seq uint64  // last change applied to every shard of idx
	err error   // why idx is nil, when it is
	// advanced is closed, and replaced, whenever seq advances or the
	// state changes.
	advanced chan struct{}

	// facets keeps recent StatementFacets results of the index as of seq.
	facets facetCache

	stop context.CancelFunc
	done chan struct{}
}

// Open opens the index in dir for st, creating or rebuilding it when needed,
// and starts following st's change log. It returns at once: a rebuild runs
// in the background, during which searches fall back to the store (see
// Status). Close stops the follower and closes the index; it does not close
// st.
func Open(st store.Store, dir string, opts Options) *Index {
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ix := &Index{st: st, dir: dir, log: log, shards: opts.Shards, stop: cancel, done: make(chan struct{}), advanced: make(chan struct{}),
		fallbackScan: cmp.Or(max(opts.FallbackScan, 0), DefaultFallbackScan), fallbackTime: cmp.Or(max(opts.FallbackTime, 0), DefaultFallbackTime)}
	go ix.run(ctx)
	return ix
}

// Close stops following the change log and closes the index. Changes
// committed but not yet indexed are indexed on the next Open.
func (ix *Index) Close() error {
	ix.stop()
	<-ix.done
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.idx == nil {
		return nil
	}
	err := ix.idx.Close()
	ix.idx = nil
	ix.err = errClosed
	return err
}

var errClosed = errs.E(errs.Unavailable, "search index closed")

// run opens or rebuilds the index, then follows the change log until ctx
// ends.
func (ix *Index) run(ctx context.Context) {
	defer close(ix.done)
	for ctx.Err() == nil {
		if ix.current() == nil {
			if err := ix.openOrRebuild(ctx); err != nil {
				if ctx.Err() != nil {
					return
				}
				ix.setErr(err)
				ix.log.Error("search index unavailable; retrying", "dir", ix.dir, "err", err)
				sleep(ctx, 5*time.Second)
				continue
			}
			if err := ix.current().warmFacets(); err != nil && !errors.Is(err, errNoColumns) {
				ix.log.Warn("reading the facet columns of the search index", "dir", ix.dir, "err", err)
			}
		}
		if err := ix.follow(ctx); err != nil && ctx.Err() == nil {
			ix.log.Error("search index follower stopped; reopening", "dir", ix.dir, "err", err)
			ix.mu.Lock()
			if ix.idx != nil {
				ix.idx.Close()
				ix.idx = nil
			}
			ix.err = errs.Wrap(errs.Unavailable, err, "search index failed")
			ix.signalLocked()
			ix.mu.Unlock()
			sleep(ctx, time.Second)
		}
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func (ix *Index) current() *shards {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.idx
}

func (ix *Index) setErr(err error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.err = err
	ix.signalLocked()
}

func (ix *Index) signalLocked() {
	close(ix.advanced)
	ix.advanced = make(chan struct{})
}

// openOrRebuild opens the index in ix.dir when it is usable and else
// rebuilds it.
func (ix *Index) openOrRebuild(ctx context.Context) error {
	idx, seq, why := ix.openExisting(ctx)
	if idx != nil {
		ix.install(idx, seq)
		ix.adviseShards(ctx, idx)
		return nil
	}
	ix.log.Info("rebuilding search index", "dir", ix.dir, "reason", why)
	ix.setErr(errs.E(errs.Unavailable, "search index is being rebuilt (%s)", why))
	start := time.Now()
	n, err := Rebuild(ctx, ix.st, ix.dir, Options{Shards: ix.shards})
	if err != nil {
		return err
	}
	ix.log.Info("rebuilt search index", "dir", ix.dir, "documents", n, "took", time.Since(start).Round(time.Millisecond))
	idx, seq, why = ix.openExisting(ctx)
	if idx == nil {
		return errs.E(errs.Internal, "search index unusable right after rebuilding it: %s", why)
	}
	ix.install(idx, seq)
	return nil
}

// adviseShards logs when a rebuild would split the index into more
// shards than it has: an index keeps the shards it was built with while
// the store grows. It counts the statements the index holds, which costs
// a lookup, not a pass over the store.
func (ix *Index) adviseShards(ctx context.Context, idx *shards) {
	cnt, err := idx.counter()
	if err != nil {
		return
	}
	defer cnt.Close()
	statements, err := cnt.statements(ctx)
	if err != nil {
		return
	}
	if want := shardsFor(int(statements), Options{Shards: ix.shards}); want > len(idx.parts) {
		ix.log.Info("the search index has fewer shards than a rebuild would make; quotedb reindex would split it, for faster searches",
			"dir", ix.dir, "shards", len(idx.parts), "shards_after_reindex", want)
	}
}

func (ix *Index) install(idx *shards, seq uint64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.idx, ix.seq, ix.err = idx, seq, nil
	ix.signalLocked()
}

// openExisting opens the index in ix.dir and checks that it can be caught
// up with the store; otherwise it returns nil and the reason.
func (ix *Index) openExisting(ctx context.Context) (*shards, uint64, string) {
	if _, err := os.Stat(ix.dir); errors.Is(err, os.ErrNotExist) {
		return nil, 0, "no index"
	}
	idx, err := openShards(ix.dir)
	if err != nil {
		return nil, 0, fmt.Sprintf("cannot open: %v", err)
	}
	seq, why := ix.check(ctx, idx)
	if why != "" {
		idx.Close()
		return nil, 0, why
	}
	return idx, seq, ""
}

// check returns the seq the index is at, or why it must be rebuilt. Each
// shard's position must be a change of the store's log; the index is at
// the earliest of them.
func (ix *Index) check(ctx context.Context, idx *shards) (uint64, string) {
	var min uint64
	for i, p := range idx.parts {
		layout, err := p.GetInternal(keyLayout)
		if err != nil || string(layout) != layoutVersion {
			return 0, fmt.Sprintf("layout %q, want %q", layout, layoutVersion)
		}
		seq, seqTime, ok := internalSeq(p)
		if !ok {
			return 0, fmt.Sprintf("shard %d has no change-log position", i)
		}
		if seq > 0 {
			ch, err := ix.st.Changes(ctx, seq-1, 1)
			if err != nil {
				return 0, fmt.Sprintf("reading the change log: %v", err)
			}
			if len(ch) == 0 || ch[0].Seq != seq {
				return 0, fmt.Sprintf("index is at change %d, ahead of the store", seq)
			}
			if ch[0].Time.UTC().Format(time.RFC3339Nano) != seqTime {
				return 0, fmt.Sprintf("change %d of the store is not the one indexed", seq)
			}
		}
		if i == 0 || seq < min {
			min = seq
		}
	}
	if ch, err := ix.st.Changes(ctx, min+rebuildBehind-1, 1); err == nil && len(ch) > 0 {
		return 0, fmt.Sprintf("index is more than %d changes behind", rebuildBehind)
	}
	return min, ""
}

// follow applies the change log to the index as it grows, until ctx ends or
// the index fails.
func (ix *Index) follow(ctx context.Context) error {
	for {
		committed := ix.st.Committed()
		ix.mu.RLock()
		idx, seq := ix.idx, ix.seq
		ix.mu.RUnlock()
		if idx == nil {
			return errs.E(errs.Unavailable, "search index closed")
		}
		changes, err := ix.st.Changes(ctx, seq, changeBatch)
		if err != nil {
			return err
		}
		if len(changes) == 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-committed:
			}
			continue
		}
		if err := ix.apply(ctx, idx, changes); err != nil {
			return err
		}
		ix.mu.Lock()
		if ix.idx == idx {
			ix.seq = changes[len(changes)-1].Seq
			ix.signalLocked()
		}
		ix.mu.Unlock()
	}
}

// apply indexes the records that changes touched as they stand in the store
// now, with the position of the last change, in one batch per shard.
// Indexing the current state rather than each change's after-image makes
// applying a change twice harmless.
func (ix *Index) apply(ctx context.Context, idx *shards, changes []store.Change) error {
	var ids []string
	var docs map[string]*document.Document
	err := ix.st.View(ctx, func(tx store.Tx) error {
		var err error
		ids, docs, err = changedDocs(tx, changes)
		return err
	})
	if err != nil {
		return err
	}
	return idx.batch(ids, docs, changes[len(changes)-1])
}

func setPosition(b *bleve.Batch, last store.Change) {
	b.SetInternal(keySeq, binary.BigEndian.AppendUint64(nil, last.Seq))
	b.SetInternal(keySeqTime, []byte(last.Time.UTC().Format(time.RFC3339Nano)))
}

// refs is the part of a change's before and after images that tells which
// other documents it affects.
type refs struct {
	SpeakerID string `json:"speakerId"`
	ParentID  string `json:"parentId"`
}

// changedDocs returns the ids of the records changes touched and their
// documents as tx sees them (none for a record deleted since). An affiliation change re-indexes its speaker's statements
// (their organisations at the time); a topic that moved re-indexes the
// statements under it (their topic ancestors).
func changedDocs(tx store.Tx, changes []store.Change) ([]string, map[string]*document.Document, error) {
	kinds := map[string]store.RecordType{}
	var order []string
	touch := func(id string, typ store.RecordType) {
		if _, ok := kinds[id]; !ok {
			kinds[id] = typ
			order = append(order, id)
		}
	}
	var speakersMoved, topicsMoved []string
	for _, c := range changes {
		touch(c.ID, c.Type)
		switch c.Type {
		case store.AffiliationType:
			for _, img := range [][]byte{c.Before, c.After} {
				var r refs
				if len(img) > 0 && json.Unmarshal(img, &r) == nil && r.SpeakerID != "" {
					speakersMoved = append(speakersMoved, r.SpeakerID)
				}
			}
		case store.TopicType:
			var before, after refs
			if len(c.Before) > 0 {
				json.Unmarshal(c.Before, &before)
			}
			if len(c.After) > 0 {
				json.Unmarshal(c.After, &after)
			}
			if c.Op == store.Updated && before.ParentID != after.ParentID {
				topicsMoved = append(topicsMoved, c.ID)
			}
		}
	}
	slices.Sort(speakersMoved)
	for _, id := range slices.Compact(speakersMoved) {
		if err := eachStatement(tx, store.StatementFilter{SpeakerIDs: []string{id}}, func(s *store.Statement) {
			touch(s.ID, store.StatementType)
		}); err != nil && !errs.Is(err, errs.NotFound) {
			return nil, nil, err
		}
	}
	for _, id := range topicsMoved {
		if err := eachStatement(tx, store.StatementFilter{TopicIDs: []string{id}}, func(s *store.Statement) {
			touch(s.ID, store.StatementType)
		}); err != nil && !errs.Is(err, errs.NotFound) {
			return nil, nil, err
		}
	}
	facts := newFactCache(tx)
	docs := make(map[string]*document.Document, len(order))
	for _, id := range order {
		d, err := docOf(tx, facts, id, kinds[id])
		if err != nil {
			return nil, nil, err
		}
		docs[id] = d
	}
	return order, docs, nil
}

// eachStatement calls fn on every statement matching f. The list reads
// tx, whose own context stops its scans.
func eachStatement(tx store.Tx, f store.StatementFilter, fn func(*store.Statement)) error {
	return store.Each(context.Background(), func(p store.Page) (*store.Conn[*store.Statement], error) {
		return tx.ListStatements(f, p)
	}, func(s *store.Statement) error { fn(s); return nil })
}

// docOf returns the document of a record as tx sees it, or nil when the
// record no longer exists or is of a type the index does not hold.
func docOf(tx store.Tx, facts *factCache, id string, typ store.RecordType) (*document.Document, error) {
	var err error
	switch typ {
	case store.StatementType:
		var s *store.Statement
		if s, err = tx.Statement(id); err == nil {
			var f statementFacts
			if f, err = facts.of(s); err == nil {
				return statementDoc(s, f), nil
			}
		}
	case store.SpeakerType:
		var s *store.Speaker
		if s, err = tx.Speaker(id); err == nil {
			return speakerDoc(s), nil
		}
	case store.OrganisationType:
		var o *store.Organisation
		if o, err = tx.Organisation(id); err == nil {
			return organisationDoc(o), nil
		}
	case store.TopicType:
		var t *store.Topic
		if t, err = tx.Topic(id); err == nil {
			return topicDoc(t), nil
		}
	default:
		return nil, nil
	}
	if errs.Is(err, errs.NotFound) {
		return nil, nil
	}
	return nil, err
}

// factCache derives statementFacts, loading each speaker's affiliations and
// each topic's ancestors once.
type factCache struct {
	tx        store.Tx
	affs      map[string][]*store.Affiliation
	ancestors map[string][]string // topic id → itself and its ancestors
}

func newFactCache(tx store.Tx) *factCache {
	return &factCache{tx: tx, affs: map[string][]*store.Affiliation{}, ancestors: map[string][]string{}}
}

func (c *factCache) of(s *store.Statement) (statementFacts, error) {
	var f statementFacts
	if s.SpeakerID != "" && !s.Said.IsZero() {
		affs, ok := c.affs[s.SpeakerID]
		if !ok {
			all, err := c.tx.AffiliationsOf([]string{s.SpeakerID})
			if err != nil {
				return f, err
			}
			affs = all[0]
			c.affs[s.SpeakerID] = affs
		}
		f.orgs = orgsAtTime(s, affs)
	} else if s.OrganisationID != "" {
		f.orgs = []string{s.OrganisationID}
	}
	for _, t := range s.TopicIDs {
		anc, err := c.topicAncestors(t)
		if err != nil {
			return f, err
		}
		for _, a := range anc {
			if !slices.Contains(f.topics, a) {
				f.topics = append(f.topics, a)
			}
		}
	}
	return f, nil
}

func (c *factCache) topicAncestors(id string) ([]string, error) {
	if a, ok := c.ancestors[id]; ok {
		return a, nil
	}
	var chain []string
	for cur := id; cur != "" && !slices.Contains(chain, cur); {
		chain = append(chain, cur)
		t, err := c.tx.Topic(cur)
		if errs.Is(err, errs.NotFound) {
			break
		}
		if err != nil {
			return nil, err
		}
		cur = t.ParentID
	}
	c.ancestors[id] = chain
	return chain, nil
}

// Status is how far the index is from the store.
type Status struct {
	// Ready is true when there is an index to search; false while it is
	// being built or after it failed (Err says why).
	Ready bool
	// Seq is the last change the index holds.
	Seq uint64
	// Lag is the number of committed changes not yet indexed.
	Lag uint64
	Err error
}

// Status reports the index's state. Lag costs one read of the store's
// head.
func (ix *Index) Status(ctx context.Context) (Status, error) {
	ix.mu.RLock()
	st := Status{Ready: ix.idx != nil, Seq: ix.seq, Err: ix.err}
	ix.mu.RUnlock()
	head, err := ix.st.Head(ctx)
	if err != nil {
		return st, err
	}
	if head > st.Seq {
		st.Lag = head - st.Seq
	}
	if !st.Ready {
		st.Lag = head
	}
	return st, nil
}

// WaitCurrent waits until the index holds every change committed before the
// call, or until ctx ends; it returns ctx's error then.
func (ix *Index) WaitCurrent(ctx context.Context) error {
	head, err := ix.st.Head(ctx)
	if err != nil {
		return err
	}
	for {
		ix.mu.RLock()
		ok := ix.idx != nil && ix.seq >= head
		wait := ix.advanced
		ix.mu.RUnlock()
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-wait:
		}
	}
}

// LastSeq returns the seq of the newest change in st's log (0 when empty).
//
// Deprecated: use st.Head; hint is not needed.
func LastSeq(ctx context.Context, st store.Store, hint uint64) (uint64, error) {
	return st.Head(ctx)
}

// newIndex creates an empty index at dir, which must not exist.
func newIndex(dir string) (bleve.Index, error) {
	idx, err := bleve.NewUsing(dir, indexMapping(), scorch.Name, scorch.Name, map[string]any{
		// A batch is durable once Batch returns only with fsync; the
		// change log, not the index, is what must survive a crash, and
		// the position stored with each batch makes a lost batch be
		// applied again.
		"unsafe_batch": true,
	})
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, fmt.Sprintf("creating search index %s", dir))
	}
	return idx, nil
}

// Name and LastSeq make the index a change-log follower whose lag the
// server's metrics report.
func (ix *Index) Name() string { return "search" }

// LastSeq returns the seq of the last change the index holds.
func (ix *Index) LastSeq() uint64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.seq
}
