// Package benchdb gives benchmarks a database of a generated dataset (gen,
// seed 1) of the size QUOTEDB_BENCH_N asks for (10000 statements by
// default), built once and kept in the temporary directory for later runs,
// so that `go test -bench` at 1M statements does not load 1M statements
// each time. Benchmarks must only read it; those that write use Copy.
package benchdb

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// formatVersion names the cached files; bump it when the generator or the
// storage format changes, so stale databases are not reused.
const formatVersion = 5

// Size returns the number of statements QUOTEDB_BENCH_N asks for.
func Size() int {
	if n, err := strconv.Atoi(os.Getenv("QUOTEDB_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// IDs are some ids of the dataset, for benchmarks to query with.
type IDs struct {
	Organisations []string
	Speakers      []string // the first 1000 speakers (the most quoted first)
	Aliases       []string // aliases of those speakers
	Names         []string // names of those speakers
	RootTopics    []string
	Topics        []string
	Statements    []string // every 97th statement
}

// Open returns the path of the database of the dataset of Size()
// statements, building it when it is not cached yet, and its IDs.
func Open(tb testing.TB) (string, *IDs) {
	tb.Helper()
	n := Size()
	dir := filepath.Join(os.TempDir(), "quotedb-bench")
	base := filepath.Join(dir, fmt.Sprintf("gen-v%d-seed1-%d", formatVersion, n))
	path, idsPath := base+".db", base+".ids.json"
	var ids IDs
	if b, err := os.ReadFile(idsPath); err == nil && json.Unmarshal(b, &ids) == nil {
		if _, err := os.Stat(path); err == nil {
			return path, &ids
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("building the benchmark database of %d statements in %s", n, path)
	tmp := path + ".tmp"
	os.Remove(tmp)
	s, err := bolt.Open(tmp, nil)
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	i := 0
	err = gen.Load(ctx, gen.Config{Statements: n, Seed: 1}, s, func(r store.Record) error {
		switch r.Type {
		case store.OrganisationType:
			ids.Organisations = append(ids.Organisations, r.Organisation.ID)
		case store.SpeakerType:
			if len(ids.Speakers) < 1000 {
				ids.Speakers = append(ids.Speakers, r.Speaker.ID)
				ids.Names = append(ids.Names, r.Speaker.Name)
				ids.Aliases = append(ids.Aliases, r.Speaker.Aliases...)
			}
		case store.TopicType:
			ids.Topics = append(ids.Topics, r.Topic.ID)
			if r.Topic.ParentID == "" {
				ids.RootTopics = append(ids.RootTopics, r.Topic.ID)
			}
		case store.StatementType:
			if i%97 == 0 {
				ids.Statements = append(ids.Statements, r.Statement.ID)
			}
			i++
		}
		return nil
	})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		tb.Fatal(err)
	}
	b, _ := json.Marshal(&ids)
	if err := os.WriteFile(idsPath, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path, &ids
}

// Copy copies the database at path into dir, for benchmarks that write.
func Copy(tb testing.TB, path, dir string) string {
	tb.Helper()
	dst := filepath.Join(dir, filepath.Base(path))
	in, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return dst
}
