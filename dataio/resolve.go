// Package dataio reads and writes the formats researchers and
// fact-checkers already use: CSV, Quotebank's JSON Lines and schema.org
// ClaimReview. Each import runs in one transaction: a file with a bad line
// writes nothing, and its error names the line.
package dataio

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// Counts says what an import did, by record type.
type Counts struct {
	Created, Updated, Unchanged map[store.RecordType]int
}

func newCounts() Counts {
	return Counts{Created: map[store.RecordType]int{}, Updated: map[store.RecordType]int{}, Unchanged: map[store.RecordType]int{}}
}

// String is a one-line report: "statements: 3 created, 1 updated, …".
func (c Counts) String() string {
	var parts []string
	for _, t := range store.RecordTypes {
		if n := c.Created[t] + c.Updated[t] + c.Unchanged[t]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d created, %d updated, %d unchanged", t, c.Created[t], c.Updated[t], c.Unchanged[t]))
		}
	}
	if len(parts) == 0 {
		return "nothing read"
	}
	return strings.Join(parts, "; ")
}

// resolver finds or creates the speakers, organisations, topics and
// sources an import names, in its transaction. Names already resolved are
// cached: there are far fewer of them than statements. Sources are looked
// up by URL in the store each time, so that memory does not grow with the
// number of urls read.
type resolver struct {
	tx       store.Tx
	counts   Counts
	speakers map[string]string // folded name → id
	byQID    map[string]string // QID → speaker id
	orgs     map[string]string
	topics   map[string]string
	created  map[string]bool // speakers created by this import
	// urls maps the SHA-256 prefix of the url of each source this import
	// created to its id: a bulk load's index of urls does not show them
	// until it commits.
	urls map[[16]byte]string
	// listsEmpty is set in a bulk load into a store without statements:
	// lists of statements find none then, whatever the load writes, and
	// need not be run.
	listsEmpty bool
}

func newResolver(tx store.Tx) *resolver {
	return &resolver{tx: tx, counts: newCounts(), speakers: map[string]string{}, byQID: map[string]string{},
		orgs: map[string]string{}, topics: map[string]string{}, created: map[string]bool{},
		urls: map[[16]byte]string{}}
}

// pick chooses among the records named name: the one whose own name is
// it, else the only one with it as an alias; several are ambiguous, not
// guessed.
func pick[T any](what, name string, found []T, own func(T) string) (T, error) {
	var zero T
	var exact []T
	for _, f := range found {
		if textfold.Fold(own(f)) == textfold.Fold(name) {
			exact = append(exact, f)
		}
	}
	if len(exact) == 0 {
		exact = found
	}
	switch len(exact) {
	case 0:
		return zero, nil
	case 1:
		return exact[0], nil
	}
	return zero, errs.E(errs.Invalid, "%d %ss are named %q: name it by a unique name", len(exact), what, name)
}

// speaker returns the id of the speaker named name, creating one.
func (r *resolver) speaker(name string) (string, error) {
	return r.speakerKeyed(name, textfold.Fold(name))
}

// speakerKeyed is speaker with name folded as key.
func (r *resolver) speakerKeyed(name, key string) (string, error) {
	if id, ok := r.speakers[key]; ok {
		return id, nil
	}
	found, err := store.SpeakersNamed(r.tx, name)
	if err != nil {
		return "", err
	}
	s, err := pick("speaker", name, found, func(s *store.Speaker) string { return s.Name })
	if err != nil {
		return "", err
	}
	if s == nil {
		s = &store.Speaker{Name: name}
		if err := r.tx.CreateSpeaker(s); err != nil {
			return "", err
		}
		r.counts.Created[store.SpeakerType]++
		r.created[s.ID] = true
	}
	r.speakers[key] = s.ID
	return s.ID, nil
}

// organisation returns the id of the organisation named name, creating
// one of kind OTHER.
func (r *resolver) organisation(name string) (string, error) {
	key := textfold.Fold(name)
	if id, ok := r.orgs[key]; ok {
		return id, nil
	}
	found, err := store.OrganisationsNamed(r.tx, name)
	if err != nil {
		return "", err
	}
	o, err := pick("organisation", name, found, func(o *store.Organisation) string { return o.Name })
	if err != nil {
		return "", err
	}
	if o == nil {
		o = &store.Organisation{Name: name, Kind: store.OtherOrg}
		if err := r.tx.CreateOrganisation(o); err != nil {
			return "", err
		}
		r.counts.Created[store.OrganisationType]++
	}
	r.orgs[key] = o.ID
	return o.ID, nil
}

// topic returns the id of the topic named name, creating a root topic.
func (r *resolver) topic(name string) (string, error) {
	key := textfold.Fold(name)
	if id, ok := r.topics[key]; ok {
		return id, nil
	}
	found, err := store.TopicsNamed(r.tx, name)
	if err != nil {
		return "", err
	}
	tp, err := pick("topic", name, found, func(t *store.Topic) string { return t.Name })
	if err != nil {
		return "", err
	}
	if tp == nil {
		tp = &store.Topic{Name: name}
		if err := r.tx.CreateTopic(tp); err != nil {
			return "", err
		}
		r.counts.Created[store.TopicType]++
	}
	r.topics[key] = tp.ID
	return tp.ID, nil
}

// sourceByURL returns the id of the first source with url, creating one
// titled title (or the url) published on published; created says it did.
func (r *resolver) sourceByURL(url, title string, published partialdate.Date) (id string, created bool, err error) {
	return r.sourceByKey(url, urlKey(url), title, published)
}

// urlKey is the key of url in resolver.urls.
func urlKey(url string) [16]byte {
	h := sha256.Sum256([]byte(url))
	return [16]byte(h[:16])
}

// sourceByKey is sourceByURL with the url's urlKey.
func (r *resolver) sourceByKey(url string, key [16]byte, title string, published partialdate.Date) (id string, created bool, err error) {
	if id, ok := r.urls[key]; ok {
		return id, false, nil
	}
	c, err := r.tx.ListSources(store.SourceFilter{URL: url}, store.Page{First: 1})
	if err != nil {
		return "", false, err
	}
	if len(c.Items) > 0 {
		return c.Items[0].ID, false, nil
	}
	src := &store.Source{Title: cmp.Or(title, url), URL: url, Published: published}
	if err := r.tx.CreateSource(src); err != nil {
		return "", false, err
	}
	r.counts.Created[store.SourceType]++
	r.urls[key] = src.ID
	return src.ID, true, nil
}

// load runs fn in one write transaction: a bulk load when s is a
// store.Loader whose load is a whole transaction (bbolt slows down
// quadratically when one transaction puts many keys in random order), else
// Update. In a bulk load the indexes that
// are not unique do not show what fn wrote before; the resolver caches
// what it creates for that.
func load(ctx context.Context, s store.Store, fn func(store.Tx) error) error {
	l, ok := s.(store.Loader)
	if !ok {
		return s.Update(ctx, fn)
	}
	putsOnly := false
	err := loadTx(ctx, l, fn, &putsOnly)
	if putsOnly {
		// PostgreSQL's load only puts records it checks in memory;
		// resolving names needs a whole transaction
		return s.Update(ctx, fn)
	}
	return err
}

// loadTx runs fn in l's bulk load, whose Putter must be a store.Tx; when
// it is not, putsOnly (if given) is set and nothing is written.
func loadTx(ctx context.Context, l store.Loader, fn func(store.Tx) error, putsOnly *bool) error {
	return l.Load(ctx, func(p store.Putter) error {
		tx, ok := p.(store.Tx)
		if !ok {
			if putsOnly != nil {
				*putsOnly = true
			}
			return errs.E(errs.Internal, "the bulk load of %T is not a transaction", l)
		}
		return fn(tx)
	})
}

// lineError prefixes err with its line, keeping its kind.
func lineError(line int, err error) error {
	return errs.Wrap(errs.KindOf(err), err, fmt.Sprintf("line %d", line))
}
