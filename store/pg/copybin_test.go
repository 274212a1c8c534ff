package pg

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/quotedb/quotedb/partialdate"
)

// The binary rows copyIn sends are the rows pgx's own COPY sends for the
// same values: both are read back as text and compared, for every type a
// load writes and the edges of each (dates centuries away, open and empty
// ranges, NULLs, times before 1970 and 2000).
func TestCopyBinaryMatchesPgx(t *testing.T) {
	conn, _ := testConn(t)
	ctx := t.Context()
	names := []string{"n", "id", "t", "b", "j", "i2", "i4", "i8", "ts", "r", "mr"}
	const cols = `n int, id uuid, t text, b bytea, j json, i2 smallint, i4 integer, i8 bigint, ts timestamptz,
		r daterange, mr datemultirange`
	for _, table := range []string{"via_pgx", "via_copybin"} {
		if _, err := conn.Exec(ctx, "CREATE TEMP TABLE "+table+" ("+cols+")"); err != nil {
			t.Fatal(err)
		}
	}
	day := func(y, m, d int) partialdate.Date { return partialdate.Date{Year: y, Month: m, Day: d} }
	span := func(from, to partialdate.Date) partialdate.Range { return partialdate.Range{From: from, To: to} }
	rows := [][]any{
		{"019b76dd-b826-710b-b5cc-90274ef25cf2", "Tallinn ütles „jah“", []byte{0, 1, 255}, []byte(`{"a":[1,"é"]}`),
			int16(-3), int32(-70000), int64(1) << 40, time.Date(2026, 1, 1, 0, 3, 20, 742000000, time.UTC),
			dayRange(span(day(2025, 1, 16), day(2025, 1, 16))),
			pgtype.Multirange[pgtype.Range[pgtype.Date]]{dayRange(span(day(1, 1, 1), day(1899, 12, 31))), dayRange(span(day(2000, 1, 1), partialdate.Date{}))}},
		{nil, "", []byte{}, json.RawMessage(`null`), int16(0), int32(0), int64(-1), time.Date(1969, 7, 20, 20, 17, 40, 123456000, time.FixedZone("x", -5*3600)),
			dayRange(span(partialdate.Date{}, day(9999, 12, 31))), pgtype.Multirange[pgtype.Range[pgtype.Date]]{}},
		{nil, nil, []byte(nil), json.RawMessage(nil), nil, nil, nil, time.Date(1999, 12, 31, 23, 59, 59, 999999000, time.UTC),
			dayRange(span(partialdate.Date{}, partialdate.Date{})), nil},
	}
	var pgxRows [][]any
	b := newBulk("via_copybin", names...)
	for i, r := range rows {
		row := append([]any{i}, r...)
		pgxRows = append(pgxRows, slices.Clone(row))
		row[0] = int32(i)
		if err := b.add(row...); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"via_pgx"}, names, pgx.CopyFromRows(pgxRows)); err != nil {
		t.Fatal(err)
	}
	ptx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.flush(newTx(ctx, ptx, "test", true, 0)); err != nil {
		t.Fatal(err)
	}
	if err := ptx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	read := func(table string) []string {
		got, err := conn.Query(ctx, "SELECT x::text FROM "+table+" x ORDER BY n")
		if err != nil {
			t.Fatal(err)
		}
		out, err := pgx.CollectRows(got, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	want, got := read("via_pgx"), read("via_copybin")
	if len(want) != len(rows) || !slices.Equal(got, want) {
		t.Errorf("rows differ:\n got %q\nwant %q", got, want)
	}
}

// A value of a type copyValue has no binary form for, and a bad uuid, are
// refused, and leave no partial row behind.
func TestCopyBinaryRefuses(t *testing.T) {
	b := newBulk("t", "id", "x")
	for _, row := range [][]any{{"not-a-uuid", "x"}, {nil, 1.5}, {nil}} {
		if err := b.add(row...); err == nil {
			t.Errorf("add(%v): no error", row)
		}
	}
	if b.len() != 0 || len(b.chunks) != 0 {
		t.Errorf("after refused rows: %d rows, %d chunks", b.len(), len(b.chunks))
	}
}
