package gen_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

func jsonl(t *testing.T, cfg gen.Config) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := gen.WriteJSONL(context.Background(), cfg, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministicBySeed(t *testing.T) {
	a := jsonl(t, gen.Config{Statements: 500, Seed: 7})
	b := jsonl(t, gen.Config{Statements: 500, Seed: 7})
	c := jsonl(t, gen.Config{Statements: 500, Seed: 8})
	if sha256.Sum256(a) != sha256.Sum256(b) {
		t.Error("the same seed gave different datasets")
	}
	if sha256.Sum256(a) == sha256.Sum256(c) {
		t.Error("different seeds gave the same dataset")
	}
}

// TestImportsAndRoundTrips imports a generated dataset into a real bbolt
// database, checks its integrity and that exporting it gives the same
// lines back.
func TestImportsAndRoundTrips(t *testing.T) {
	ctx := context.Background()
	cfg := gen.Config{Statements: 2000, Seed: 3}
	data := jsonl(t, cfg)
	s, err := bolt.Open(filepath.Join(t.TempDir(), "gen.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := dump.Import(ctx, s, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := gen.CountsOf(cfg)
	for typ, n := range map[store.RecordType]int{
		store.StatementType: want.Statements, store.SpeakerType: want.Speakers, store.SourceType: want.Sources,
		store.OrganisationType: want.Organisations, store.TopicType: want.Topics,
	} {
		if got := st.ByType[typ].Created; got != n {
			t.Errorf("%s: created %d, want %d", typ, got, n)
		}
	}
	if st.ByType[store.AffiliationType].Created < want.Speakers {
		t.Errorf("%d affiliations for %d speakers, want at least one each", st.ByType[store.AffiliationType].Created, want.Speakers)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := dump.Export(ctx, s, &out); err != nil {
		t.Fatal(err)
	}
	sorted := func(b []byte) []string {
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		slices.Sort(lines)
		return lines
	}
	if !slices.Equal(sorted(data), sorted(out.Bytes())) {
		t.Error("the export of the imported dataset differs from the generated lines")
	}
}

// TestShape checks the properties the benchmarks rely on: a topic
// hierarchy, speakers of uneven output, several affiliations for some,
// aliases, texts of realistic length and spans that hold them.
func TestShape(t *testing.T) {
	var topics, roots, spans, aliased, multi int
	bySpeaker := map[string]int{}
	affs := map[string]int{}
	texts := map[string]string{}
	var lengths []int
	err := gen.Generate(context.Background(), gen.Config{Statements: 5000, Seed: 1}, func(r store.Record) error {
		switch r.Type {
		case store.TopicType:
			topics++
			if r.Topic.ParentID == "" {
				roots++
			}
		case store.SpeakerType:
			if len(r.Speaker.Aliases) > 0 {
				aliased++
			}
		case store.AffiliationType:
			if affs[r.Affiliation.SpeakerID]++; affs[r.Affiliation.SpeakerID] == 2 {
				multi++
			}
		case store.SourceType:
			texts[r.Source.ID] = r.Source.Text
		case store.StatementType:
			s := r.Statement
			bySpeaker[s.SpeakerID]++
			lengths = append(lengths, len(s.Text))
			if s.Span != nil {
				spans++
				if got := texts[s.SourceID][s.Span.Start:s.Span.End]; got != s.Text {
					t.Fatalf("span of %s holds %q, not its text", s.ID, got)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if roots < 5 || topics-roots < 20 {
		t.Errorf("%d topics of which %d roots: want a hierarchy", topics, roots)
	}
	if aliased == 0 || multi == 0 || spans == 0 {
		t.Errorf("aliased speakers %d, with several affiliations %d, statements with spans %d: want some of each", aliased, multi, spans)
	}
	counts := make([]int, 0, len(bySpeaker))
	for _, n := range bySpeaker {
		counts = append(counts, n)
	}
	slices.Sort(counts)
	if top, median := counts[len(counts)-1], counts[len(counts)/2]; top < 20*median {
		t.Errorf("most quoted speaker has %d statements, the median %d: want a skewed spread", top, median)
	}
	slices.Sort(lengths)
	if lengths[0] < 40 || lengths[len(lengths)-1] > 700 || lengths[len(lengths)/2] < 100 || lengths[len(lengths)/2] > 250 {
		t.Errorf("text lengths min %d, median %d, max %d", lengths[0], lengths[len(lengths)/2], lengths[len(lengths)-1])
	}
}

func TestNegativeCount(t *testing.T) {
	if err := gen.Generate(context.Background(), gen.Config{Statements: -1}, func(store.Record) error { return nil }); err == nil {
		t.Error("a negative count was accepted")
	}
}

// TestLoad loads a dataset into a real bbolt database and checks that it
// holds the records WriteJSONL writes, that seen saw each of them, and
// that an error from seen writes nothing.
func TestLoad(t *testing.T) {
	ctx := context.Background()
	cfg := gen.Config{Statements: 300, Seed: 5}
	s, err := bolt.Open(filepath.Join(t.TempDir(), "gen.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stop := errors.New("stop")
	if err := gen.Load(ctx, cfg, s, func(store.Record) error { return stop }); !errors.Is(err, stop) {
		t.Fatalf("Load with a failing seen: %v, want %v", err, stop)
	}
	if ch, err := s.Changes(ctx, 0, 1); err != nil || len(ch) != 0 {
		t.Fatalf("a failed Load left %d changes (%v)", len(ch), err)
	}
	seen := 0
	if err := gen.Load(ctx, cfg, s, func(store.Record) error { seen++; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	n, err := dump.Export(ctx, s, &out)
	if err != nil {
		t.Fatal(err)
	}
	data := jsonl(t, cfg)
	sorted := func(b []byte) []string {
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		slices.Sort(lines)
		return lines
	}
	if !slices.Equal(sorted(data), sorted(out.Bytes())) || seen != len(sorted(data)) {
		t.Errorf("loaded %d records (seen %d); the store's export differs from the generated lines", n, seen)
	}
}

// TestStatement checks that the extra statements are valid for the store,
// made of the vocabulary, and the same for the same random stream.
func TestStatement(t *testing.T) {
	ctx := context.Background()
	s, err := bolt.Open(filepath.Join(t.TempDir(), "gen.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var speakers, topics []string
	err = gen.Load(ctx, gen.Config{Statements: 10, Seed: 1}, s, func(r store.Record) error {
		switch r.Type {
		case store.SpeakerType:
			speakers = append(speakers, r.Speaker.ID)
		case store.TopicType:
			topics = append(topics, r.Topic.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	vocab := map[string]bool{}
	for _, w := range gen.Vocabulary() {
		vocab[strings.ToLower(w)] = true
	}
	draw := func() []*store.Statement {
		r := rand.New(rand.NewPCG(1, 2))
		var out []*store.Statement
		for range 50 {
			out = append(out, gen.Statement(r, speakers, topics))
		}
		return out
	}
	a, b := draw(), draw()
	err = s.Update(ctx, func(tx store.Tx) error {
		for i, st := range a {
			if st.Text != b[i].Text || st.SpeakerID != b[i].SpeakerID || !slices.Equal(st.TopicIDs, b[i].TopicIDs) {
				t.Errorf("statement %d differs between equal random streams", i)
			}
			for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(st.Text, ".", ""))) {
				if !vocab[w] {
					t.Errorf("statement %d: word %q is not in the vocabulary", i, w)
				}
			}
			if err := tx.CreateStatement(st); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}
