package pgsearch_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// The prototype's tables, beside quotedb's own and dropped by
// BenchmarkBuildFTS before it builds them again:
//
//	bench_fts(id, tsv)   a tsvector per statement, GIN-indexed
//	bench_words(word, ndoc) the distinct words, trigram-indexed, for typos
//	bench_names_trgm     a trigram index on speaker_names.key
const ftsSchema = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
DROP TABLE IF EXISTS bench_fts, bench_words;
DROP INDEX IF EXISTS bench_names_trgm;
CREATE TABLE bench_fts (id uuid PRIMARY KEY REFERENCES statements ON DELETE CASCADE, tsv tsvector NOT NULL);`

type partialRange = partialdate.Range

func mustRange(s string) partialdate.Range {
	r, err := partialdate.ParseRange(s)
	if err != nil {
		panic(err)
	}
	return r
}

// tsvectorOf is the tsvector literal of text's words as the bleve
// analyzer folds them: both readings of a word with ə at its position.
func tsvectorOf(text string) string {
	pos := map[string][]int{}
	var order []string
	for i, w := range search.Words(text) {
		p := min(i+1, 16383) // tsvector's largest position
		for _, f := range w.Forms {
			if _, ok := pos[f]; !ok {
				order = append(order, f)
			}
			if ps := pos[f]; len(ps) < 256 { // tsvector keeps 256 positions a word
				pos[f] = append(ps, p)
			}
		}
	}
	var sb strings.Builder
	for i, f := range order {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(lexeme(f))
		sep := byte(':')
		for _, p := range pos[f] {
			sb.WriteByte(sep)
			sb.WriteString(strconv.Itoa(p))
			sep = ','
		}
	}
	return sb.String()
}

// lexeme quotes a folded word for tsvector and tsquery input.
func lexeme(w string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(w) + "'"
}

// copyText escapes a value for COPY's text format.
func copyText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(s)
}

// BenchmarkBuildFTS builds the prototype's tables and indexes from the
// statements, reporting each step's seconds and the sizes; run it once
// (-benchtime 1x).
func BenchmarkBuildFTS(b *testing.B) {
	pool := openPool(b)
	ctx := context.Background()
	for range b.N {
		if _, err := pool.Exec(ctx, ftsSchema); err != nil {
			b.Fatal(err)
		}
		step := func(name string, fn func() error) {
			t := time.Now()
			if err := fn(); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
			b.ReportMetric(time.Since(t).Seconds(), name+"-s")
		}
		step("tsvector-copy", func() error { return copyVectors(ctx, pool) })
		step("gin", func() error { return exec(ctx, pool, `CREATE INDEX bench_fts_tsv ON bench_fts USING gin (tsv)`) })
		step("words", func() error {
			return exec(ctx, pool, `CREATE TABLE bench_words AS SELECT word, ndoc FROM ts_stat('SELECT tsv FROM bench_fts');
				CREATE INDEX bench_words_trgm ON bench_words USING gin (word gin_trgm_ops);
				CREATE UNIQUE INDEX bench_words_word ON bench_words (word)`)
		})
		step("names-trgm", func() error {
			return exec(ctx, pool, `CREATE INDEX bench_names_trgm ON speaker_names USING gin (key gin_trgm_ops)`)
		})
		// One at a time: VACUUM cannot run in the implicit transaction of
		// several statements.
		for _, sql := range []string{`VACUUM ANALYZE bench_fts`, `VACUUM ANALYZE bench_words`, `ANALYZE speaker_names`} {
			if err := exec(ctx, pool, sql); err != nil {
				b.Fatal(err)
			}
		}
	}
	for name, sql := range map[string]string{
		"fts-table-MB": `pg_table_size('bench_fts')`, "fts-gin-MB": `pg_relation_size('bench_fts_tsv')`,
		"fts-pkey-MB": `pg_relation_size('bench_fts_pkey')`, "words-MB": `pg_total_relation_size('bench_words')`,
		"names-trgm-MB": `pg_relation_size('bench_names_trgm')`,
	} {
		var n int64
		if err := pool.QueryRow(ctx, "SELECT "+sql).Scan(&n); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n)/(1<<20), name)
	}
}

func exec(ctx context.Context, pool *pgxpool.Pool, sql string) error {
	_, err := pool.Exec(ctx, sql)
	return err
}

// copyVectors reads every statement's text and COPYs its tsvector, folded
// in Go, into bench_fts.
func copyVectors(ctx context.Context, pool *pgxpool.Pool) error {
	read, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer read.Release()
	write, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer write.Release()
	rows, err := read.Query(ctx, `SELECT id::text, doc->>'text' FROM statements`)
	if err != nil {
		return err
	}
	defer rows.Close()
	pr, pw := io.Pipe()
	go func() {
		var id, text string
		var err error
		for rows.Next() {
			if err = rows.Scan(&id, &text); err != nil {
				break
			}
			if _, err = io.WriteString(pw, id+"\t"+copyText(tsvectorOf(text))+"\n"); err != nil {
				break
			}
		}
		pw.CloseWithError(cmpErr(err, rows.Err()))
	}()
	_, err = write.Conn().PgConn().CopyFrom(ctx, pr, `COPY bench_fts (id, tsv) FROM STDIN`)
	pr.CloseWithError(err) // unblocks the reader when COPY failed first
	return err
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// fts is the prototype's search.
type fts struct {
	pool *pgxpool.Pool
	// common is the number of statements a word must be in for it not to
	// get typo tolerance, as the bleve index's commonWords decides.
	common int64
}

func newFTS(b *testing.B, pool *pgxpool.Pool) *fts {
	var n int64
	if err := pool.QueryRow(context.Background(), `SELECT count(*) FROM bench_fts`).Scan(&n); err != nil {
		b.Fatalf("the prototype's tables are missing; run BenchmarkBuildFTS first: %v", err)
	}
	return &fts{pool: pool, common: n / 2}
}

// clause is one element of a query in search's query language.
type clause struct {
	text              string
	phrase, prefix    bool
	negated, explicit bool
	fuzziness         int
}

func parse(q string) []clause {
	var out []clause
	for q = strings.TrimSpace(q); q != ""; q = strings.TrimSpace(q) {
		var c clause
		if q[0] == '-' {
			c.negated, q = true, q[1:]
		}
		if q != "" && q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				end = len(q) - 1
			}
			c.text, c.phrase, q = q[1:end+1], true, q[min(end+2, len(q)):]
		} else {
			w, rest, _ := strings.Cut(q, " ")
			q = rest
			switch {
			case strings.HasSuffix(w, "*"):
				c.prefix, w = true, strings.TrimRight(w, "*")
			case strings.Contains(w, "~"):
				w, d, _ := strings.Cut(w, "~")
				c.text, c.explicit, c.fuzziness = w, true, 1
				if n, err := strconv.Atoi(d); err == nil {
					c.fuzziness = n
				}
				out = append(out, c)
				continue
			}
			c.text = w
		}
		out = append(out, c)
	}
	return out
}

// typos is search's typo tolerance: one edit for 5 to 8 letters, two above.
func typos(w string) int {
	switch n := utf8.RuneCountInString(w); {
	case n <= 4:
		return 0
	case n <= 8:
		return 1
	}
	return 2
}

// tsquery translates a query into a tsquery literal, widening fuzzy and
// plain words (not common ones) to the indexed words within their edits,
// found by trigram similarity and checked by levenshtein.
func (f *fts) tsquery(ctx context.Context, q string) (string, error) {
	var parts []string
	for _, c := range parse(q) {
		words := search.Words(c.text)
		if len(words) == 0 {
			continue
		}
		var part string
		switch {
		case c.phrase || len(words) > 1 && !c.prefix && c.fuzziness == 0:
			ws := make([]string, len(words))
			for i, w := range words {
				ws[i] = alternatives(w.Forms, "")
			}
			part = "(" + strings.Join(ws, " <-> ") + ")"
		case c.prefix:
			part = alternatives(words[len(words)-1].Forms, ":*")
		default:
			forms := words[len(words)-1].Forms
			k := c.fuzziness
			if !c.explicit && !c.negated {
				k = typos(forms[0])
			}
			if k > 0 {
				var err error
				if forms, err = f.near(ctx, forms, k); err != nil {
					return "", err
				}
			}
			part = alternatives(forms, "")
		}
		if c.negated {
			part = "!" + part
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " & "), nil
}

func alternatives(forms []string, suffix string) string {
	ls := make([]string, len(forms))
	for i, f := range forms {
		ls[i] = lexeme(f) + suffix
	}
	return "(" + strings.Join(ls, " | ") + ")"
}

// near returns forms and the indexed words within k edits of one of them,
// unless a form is a common word (then typos are not looked for).
func (f *fts) near(ctx context.Context, forms []string, k int) ([]string, error) {
	rows, err := f.pool.Query(ctx, `
		SELECT w.word FROM bench_words w, unnest($1::text[]) q
		WHERE w.word % q AND levenshtein_less_equal(w.word, q, $2) <= $2
		  AND NOT EXISTS (SELECT 1 FROM bench_words c WHERE c.word = ANY($1) AND c.ndoc > $3)`,
		forms, k, f.common)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := append([]string(nil), forms...)
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, err
		}
		if !strings.Contains(strings.Join(out, "\x00")+"\x00", w+"\x00") {
			out = append(out, w)
		}
	}
	return out, rows.Err()
}

// search returns the first page of 20 (and whether there is more) with
// the statements loaded and the number of matches, best first by ts_rank.
func (f *fts) search(ctx context.Context, q search.StatementQuery) ([]*store.Statement, error) {
	tsq, err := f.tsquery(ctx, q.Query)
	if err != nil {
		return nil, err
	}
	args := []any{tsq}
	arg := func(v any) string { args = append(args, v); return "$" + strconv.Itoa(len(args)) }
	where := []string{"f.tsv @@ $1::tsquery"}
	fl := q.Filter
	if !fl.Said.IsZero() {
		where = append(where, "s.said && "+arg(rangeLiteral(fl.Said))+"::daterange")
	}
	if len(fl.SpeakerIDs) > 0 {
		where = append(where, "s.speaker_id = ANY("+arg(fl.SpeakerIDs)+"::uuid[])")
	}
	if len(fl.Statuses) > 0 {
		st := make([]string, len(fl.Statuses))
		for i, x := range fl.Statuses {
			st[i] = string(x)
		}
		where = append(where, "s.status = ANY("+arg(st)+"::text[])")
	}
	if len(fl.TopicIDs) > 0 {
		where = append(where, "EXISTS (SELECT 1 FROM statement_topics t WHERE t.statement_id = s.id AND t.topic_id = ANY("+arg(fl.TopicIDs)+"::uuid[]))")
	}
	if len(fl.OrganisationIDs) > 0 {
		// The organisation named on the statement, or the speaker a member
		// of it when the statement was said.
		o := arg(fl.OrganisationIDs)
		where = append(where, "(s.organisation_id = ANY("+o+"::uuid[]) OR EXISTS (SELECT 1 FROM affiliations a WHERE a.speaker_id = s.speaker_id AND a.organisation_id = ANY("+o+"::uuid[]) AND a.period && s.said))")
	}
	// Without a filter the page is ranked and counted over the ids alone
	// and only its 21 rows are joined for their records; with one, the
	// planner does better from the filter's indexes joined to the tsvectors
	// (the faster of the two forms measured for each).
	sql := fmt.Sprintf(`
		SELECT s.doc::text, p.total FROM (
			SELECT f.id, ts_rank(f.tsv, $1::tsquery) AS r, count(*) OVER () AS total FROM bench_fts f
			WHERE %s ORDER BY r DESC, f.id LIMIT 21) p
		JOIN statements s ON s.id = p.id ORDER BY p.r DESC, p.id`, where[0])
	if len(where) > 1 {
		sql = fmt.Sprintf(`
			SELECT s.doc::text, count(*) OVER () FROM bench_fts f JOIN statements s ON s.id = f.id
			WHERE %s ORDER BY ts_rank(f.tsv, $1::tsquery) DESC, s.id LIMIT 21`, strings.Join(where, " AND "))
	}
	rows, err := f.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tsq, err)
	}
	defer rows.Close()
	var out []*store.Statement
	for rows.Next() {
		var doc string
		var total int64
		if err := rows.Scan(&doc, &total); err != nil {
			return nil, err
		}
		var s store.Statement
		if err := json.Unmarshal([]byte(doc), &s); err != nil {
			return nil, err
		}
		out = append(out, &s)
	}
	return out, rows.Err()
}

func rangeLiteral(r partialdate.Range) string {
	lo, hi := "(", ")"
	if !r.From.IsZero() {
		lo = "[" + r.From.First().String()
	}
	if !r.To.IsZero() {
		hi = r.To.Last().String() + "]"
	}
	return lo + "," + hi
}

// searchNames finds speakers whose folded names hold every word of q (as
// a word, a word's start, or within one edit for five letters or more),
// best first by trigram similarity to the whole query.
func (f *fts) searchNames(ctx context.Context, q string, limit int) ([]string, error) {
	args := []any{}
	arg := func(v any) string { args = append(args, v); return "$" + strconv.Itoa(len(args)) }
	var conds []string
	whole := []string{}
	for _, w := range search.Words(q) {
		var alts []string
		for _, form := range w.Forms {
			a := arg(form)
			alts = append(alts, "n.key LIKE '%' || "+a+" || '%'")
			if utf8.RuneCountInString(form) >= 5 {
				alts = append(alts, a+" <% n.key")
			}
		}
		conds = append(conds, "("+strings.Join(alts, " OR ")+")")
		whole = append(whole, w.Forms[0])
	}
	if len(conds) == 0 {
		return nil, nil
	}
	sql := fmt.Sprintf(`SELECT n.id::text FROM speaker_names n WHERE %s
		GROUP BY n.id ORDER BY max(similarity(n.key, %s)) DESC, n.id LIMIT %d`,
		strings.Join(conds, " AND "), arg(strings.Join(whole, " ")), limit)
	rows, err := f.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// TestTSVector checks the tsvector literal of a text with ə and repeats.
func TestTSVector(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kərimli said it, and it held.", "'kerimli':1 'karimli':1 'said':2 'it':3,5 'and':4 'held':6"},
		{"Don't", "'dont':1"},
		{"", ""},
	} {
		if got := tsvectorOf(tc.in); got != tc.want {
			t.Errorf("tsvectorOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
