package pg

import (
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/store"
)

// Every list is one query shape: the rows of a table that pass the
// filter's conditions, in the order of a sort key, cut at the cursors. The
// sort keys are the bytes bbolt's lists order by (an id; a date key and an
// id; a folded name prefix and an id), so cursors mean the same on both
// backends, and PostgreSQL compares bytea as bbolt compares keys. A filter
// field SQL cannot say exactly is checked in Go on the rows (match).

// listQuery is one list's query.
type listQuery[T any] struct {
	table string // with the alias r
	// sk is the sort-key column; byID says it is the uuid id, whose
	// bytes are its sort key.
	sk    string
	byID  bool
	skLen int
	conds []string
	args  []any
	// match, when set, checks each row in Go.
	match func(*T) bool
	// keyed, when set, is the table whose column sk is q.sk and holds the
	// docs: a walk finds a batch's keys first, by the sort-key index alone
	// where the conditions need nothing else (its rows' heap is not read),
	// and then reads the docs of those rows only.
	keyed string
	// segs, when set, are the ranges of sk, ascending and disjoint, that
	// hold every match; rows between them need not be read.
	segs []keySeg
}

// keySeg is a range of sort keys, from lo to hi inclusive (nil: no bound).
type keySeg struct{ lo, hi []byte }

// selectSQL is the query of a walk's batch: the rows that pass conds, in
// the order of q.sk, up to limit. With segments, each segment is read
// by the sort-key index in order and the segments' rows are merged, so
// the rows between them are not read.
func (q *listQuery[T]) selectSQL(conds []string, args *[]any, order, limit string) string {
	cols := "r.doc AS doc"
	if q.keyed != "" {
		cols = "NULL AS doc"
	}
	one := func(conds []string) string {
		return "SELECT " + q.keyOut() + " AS k, " + cols + " FROM " + q.table + whereSQL(conds) +
			" ORDER BY " + q.sk + " " + order + " LIMIT " + limit
	}
	var sql string
	switch len(q.segs) {
	case 0:
		sql = one(conds)
	case 1:
		sql = one(append(slices.Clip(conds), q.segConds(q.segs[0], args)...))
	default:
		parts := make([]string, len(q.segs))
		for i, sg := range q.segs {
			parts[i] = "(" + one(append(slices.Clip(conds), q.segConds(sg, args)...)) + ")"
		}
		sql = "SELECT k, doc FROM (" + strings.Join(parts, " UNION ALL ") + ") u ORDER BY k " + order + " LIMIT " + limit
	}
	if q.keyed == "" {
		return sql
	}
	return "SELECT x.k, d.doc FROM (" + sql + ") x JOIN " + q.keyed + " d ON d.sk = x.k ORDER BY x.k " + order
}

// segConds are the conditions of a segment.
func (q *listQuery[T]) segConds(sg keySeg, args *[]any) []string {
	c := []string{q.sk + " >= " + q.keyArg(args, sg.lo)}
	if sg.hi != nil {
		c = append(c, q.sk+" <= "+q.keyArg(args, sg.hi))
	}
	return c
}

// allConds are q's conditions with its segments', for a query that reads
// the matches in no order.
func (q *listQuery[T]) allConds(args *[]any) []string {
	if len(q.segs) == 0 {
		return q.conds
	}
	ors := make([]string, len(q.segs))
	for i, sg := range q.segs {
		ors[i] = "(" + strings.Join(q.segConds(sg, args), " AND ") + ")"
	}
	return append(slices.Clip(q.conds), "("+strings.Join(ors, " OR ")+")")
}

// arg adds an argument and returns its placeholder.
func (q *listQuery[T]) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

func (q *listQuery[T]) where(cond string) { q.conds = append(q.conds, cond) }

// keyArg is the placeholder of a sort key compared with q.sk.
func (q *listQuery[T]) keyArg(args *[]any, k []byte) string {
	var v any = k
	cast := "::bytea"
	if q.byID {
		u, _ := uuid.FromBytes(k) // k has idLen bytes: store.ParseWindow checked
		v, cast = u.String(), "::uuid"
	}
	*args = append(*args, v)
	return "$" + strconv.Itoa(len(*args)) + cast
}

// keyOut is the expression of the sort key's bytes.
func (q *listQuery[T]) keyOut() string {
	if q.byID {
		return "uuid_send(" + q.sk + ")"
	}
	return q.sk
}

// span bounds a walk: keys beyond from (inclusive or not) in the walk's
// direction and short of stop (exclusive; nil: no bound).
type span struct {
	from     []byte
	fromIncl bool
	stop     []byte
	down     bool
}

// batch bounds the rows one query of a walk reads.
const batch = 200

// walk calls fn with the matching rows of the span in order until fn
// returns false, reading want rows at a time (more when match drops some).
// It stops with store.Interrupted when the transaction's context ends:
// pgx cancels a query running then, and walk checks between queries and
// every store.ScanCheckEvery rows it decodes and matches in Go.
func walk[T any](t *tx, q *listQuery[T], s span, want int, fn func(sk []byte, rec *T) bool) error {
	read := 0
	for {
		args := slices.Clone(q.args)
		conds := slices.Clone(q.conds)
		gt, lt, order := ">", "<", "ASC"
		if s.down {
			gt, lt, order = "<", ">", "DESC"
		}
		if s.from != nil {
			op := gt
			if s.fromIncl {
				op += "="
			}
			conds = append(conds, q.sk+" "+op+" "+q.keyArg(&args, s.from))
		}
		if s.stop != nil {
			conds = append(conds, q.sk+" "+lt+" "+q.keyArg(&args, s.stop))
		}
		limit := min(max(want, 1), batch)
		if q.match != nil {
			limit = batch
		}
		sql := q.selectSQL(conds, &args, order, strconv.Itoa(limit))
		rows, err := t.q.Query(t.ctx, sql, args...)
		if err != nil {
			return t.scanErr(err)
		}
		n, stopped := 0, false
		var last []byte
		for rows.Next() {
			var sk, doc []byte
			if err := rows.Scan(&sk, &doc); err != nil {
				rows.Close()
				return t.scanErr(err)
			}
			if read++; read%store.ScanCheckEvery == 0 {
				if err := store.Interrupted(t.ctx); err != nil {
					rows.Close()
					return err
				}
			}
			n++
			last = sk
			rec, err := decode[T](doc)
			if err != nil {
				rows.Close()
				return err
			}
			if q.match != nil && !q.match(rec) {
				continue
			}
			want--
			if !fn(sk, rec) {
				stopped = true
				break
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return t.scanErr(err)
		}
		if stopped || n < limit {
			return nil
		}
		s.from, s.fromIncl = last, false
	}
}

func whereSQL(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// exists reports whether a match lies in the span.
func exists[T any](t *tx, q *listQuery[T], s span) (bool, error) {
	found := false
	err := walk(t, q, s, 1, func([]byte, *T) bool { found = true; return false })
	return found, err
}

// count counts the matches of the whole list.
func count[T any](t *tx, q *listQuery[T]) (int, error) {
	if q.match == nil {
		var n int64
		args := slices.Clone(q.args)
		conds := q.allConds(&args)
		err := t.q.QueryRow(t.ctx, "SELECT count(*) FROM "+q.table+whereSQL(conds), args...).Scan(&n)
		return int(n), t.scanErr(err)
	}
	n := 0
	err := walk(t, q, span{}, batch, func([]byte, *T) bool { n++; return true })
	return n, err
}

// window is a parsed store.Page.
type window = store.Window

// parsePage parses a page of a list that offers the orders in skLens, each
// with the length of its sort keys.
func parsePage(p store.Page, skLens map[store.Order]int) (window, error) {
	return store.ParseWindow(p, skLens)
}

// page answers the window w of the list q.
func page[T any](t *tx, q *listQuery[T], w window) (*store.Conn[*T], error) {
	conn := &store.Conn[*T]{Items: make([]*T, 0, min(w.N, 64)), Total: -1}
	from, bound := w.After, w.Before
	if w.Back {
		from, bound = w.Before, w.After
	}
	// The walk goes down the keys when it counts from the end of an
	// ascending list or from the start of a descending one.
	down := w.Back != w.Desc
	more := false
	err := walk(t, q, span{from: from, stop: bound, down: down}, w.N+1, func(sk []byte, rec *T) bool {
		if len(conn.Items) == w.N {
			more = true
			return false
		}
		conn.Items = append(conn.Items, rec)
		conn.Cursors = append(conn.Cursors, store.Cursor(sk))
		return true
	})
	if err != nil {
		return nil, err
	}
	// Beyond the bound cursor, matches may lie on.
	if !more && bound != nil {
		if more, err = exists(t, q, span{from: bound, fromIncl: true, down: down}); err != nil {
			return nil, err
		}
	}
	// Behind the window's near end: matches at or behind the start cursor.
	behind := false
	if from != nil {
		if behind, err = exists(t, q, span{from: from, fromIncl: true, down: !down}); err != nil {
			return nil, err
		}
	}
	if w.Back {
		slices.Reverse(conn.Items)
		slices.Reverse(conn.Cursors)
		conn.HasPrevious, conn.HasNext = more, behind
	} else {
		conn.HasNext, conn.HasPrevious = more, behind
	}
	if w.Count {
		if conn.Total, err = count(t, q); err != nil {
			return nil, err
		}
	}
	return conn, nil
}
