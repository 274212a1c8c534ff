package verify_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/internal/benchdb"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/verify"
)

// BenchmarkVerify verifies quotes made from stored statements (exact,
// cut short, with words changed, negated) and absent ones, by the stored
// speaker or another, over the generated database of QUOTEDB_BENCH_N
// statements (default 10000); it reports the 50th and 99th percentile
// latencies:
//
//	QUOTEDB_BENCH_N=1000000 go test -run '^$' -bench Verify -benchtime 2000x ./verify/
func BenchmarkVerify(b *testing.B) {
	path, ids := benchdb.Open(b)
	st, err := bolt.Open(path, &bolt.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	ix := search.Open(st, search.DirFor(path), search.Options{})
	b.Cleanup(func() { ix.Close(); st.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		b.Fatal(err)
	}
	var sample []*store.Statement
	err = st.View(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{Said: mustRange("2019")}, store.Page{First: 200})
		if c != nil {
			sample = c.Items
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	quotes := make([]verify.Quote, 0, 1000)
	for i := range cap(quotes) {
		s := sample[r.IntN(len(sample))]
		words := strings.Fields(s.Text)
		q := verify.Quote{Text: s.Text, Speaker: s.SpeakerID}
		switch i % 5 {
		case 1:
			q.Text = strings.Join(words[:len(words)/2], " ")
		case 2:
			words[r.IntN(len(words))] = "entirely"
			q.Text = strings.Join(words, " ")
		case 3:
			q.Text = strings.Replace(s.Text, " will ", " will not ", 1)
		case 4:
			q.Text = "Nobody here ever promised a railway to the moon by Tuesday"
		}
		if r.IntN(3) == 0 {
			q.Speaker = ids.Speakers[r.IntN(len(ids.Speakers))]
		}
		quotes = append(quotes, q)
	}
	v := &verify.Verifier{Store: st, Index: ix}
	benchdb.ReportLatencies(b, func(i int) error {
		_, err := v.Verify(ctx, quotes[i%len(quotes)])
		return err
	})
}

func mustRange(s string) partialdate.Range {
	r, err := partialdate.ParseRange(s)
	if err != nil {
		panic(err)
	}
	return r
}
