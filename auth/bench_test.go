package auth_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// BenchmarkAuthenticate measures what every request with a token pays: a
// hash and one index lookup in a read transaction.
func BenchmarkAuthenticate(b *testing.B) {
	ctx := context.Background()
	s, err := bolt.Open(filepath.Join(b.TempDir(), "bench.db"), &bolt.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var secret string
	for i := range 100 {
		name := "token " + string(rune('A'+i%26)) + string(rune('a'+i/26))
		if secret, _, err = auth.Create(ctx, s, name, store.Editor); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := auth.Authenticate(ctx, s, secret); err != nil {
			b.Fatal(err)
		}
	}
}
