package pg

import (
	"encoding/binary"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/quotedb/quotedb/errs"
)

// COPY's binary format, written directly: a bulk load sends millions of
// rows, and encoding them value by value through pgx's type map (a plan
// looked up per value, each row boxed) cost about a tenth of the import's
// CPU. The rows are encoded as they are gathered; flush only sends them.
// The server decodes and checks every value as it would pgx's (a json
// value's syntax, text's encoding, a range's bounds).

// copyHeader starts a binary COPY stream: the signature, no flags, no
// header extension.
var copyHeader = []byte("PGCOPY\n\xff\r\n\x00\x00\x00\x00\x00\x00\x00\x00\x00")

// copyTrailer ends it: a tuple of -1 fields.
var copyTrailer = []byte{0xff, 0xff}

// pgEpoch is where PostgreSQL counts dates and timestamps from.
var pgEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// copyValue appends one field: its length, then its binary form. uuidCol
// says the column is a uuid, which a string value is parsed as.
func copyValue(buf []byte, v any, uuidCol bool, col string) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return appendNull(buf), nil
	case string:
		if uuidCol {
			u, err := parseUUID(col, v)
			if err != nil {
				return buf, err
			}
			return appendField(buf, u[:]), nil
		}
		return appendText(buf, v), nil
	case []byte:
		if v == nil {
			return appendNull(buf), nil
		}
		return appendField(buf, v), nil
	case json.RawMessage:
		if v == nil {
			return appendNull(buf), nil
		}
		return appendField(buf, v), nil
	case int16:
		return binary.BigEndian.AppendUint16(binary.BigEndian.AppendUint32(buf, 2), uint16(v)), nil
	case int32:
		return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(buf, 4), uint32(v)), nil
	case int64:
		return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint32(buf, 8), uint64(v)), nil
	case time.Time:
		// timestamptz: microseconds since pgEpoch
		return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint32(buf, 8), uint64(v.UnixMicro()-pgEpoch.UnixMicro())), nil
	case pgtype.UUID:
		if !v.Valid {
			return appendNull(buf), nil
		}
		return appendField(buf, v.Bytes[:]), nil
	case pgtype.Range[pgtype.Date]:
		if !v.Valid {
			return appendNull(buf), nil
		}
		at := len(buf)
		buf = appendRange(binary.BigEndian.AppendUint32(buf, 0), v)
		binary.BigEndian.PutUint32(buf[at:], uint32(len(buf)-at-4))
		return buf, nil
	case pgtype.Multirange[pgtype.Range[pgtype.Date]]:
		if v == nil {
			return appendNull(buf), nil
		}
		at := len(buf)
		buf = binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(buf, 0), uint32(len(v)))
		for _, r := range v {
			if !r.Valid {
				return buf, errs.E(errs.Internal, "pg: NULL range in a multirange of %s", col)
			}
			rat := len(buf)
			buf = appendRange(binary.BigEndian.AppendUint32(buf, 0), r)
			binary.BigEndian.PutUint32(buf[rat:], uint32(len(buf)-rat-4))
		}
		binary.BigEndian.PutUint32(buf[at:], uint32(len(buf)-at-4))
		return buf, nil
	}
	return buf, errs.E(errs.Internal, "pg: no binary COPY form for %T (column %s)", v, col)
}

func appendText(buf []byte, s string) []byte {
	return append(binary.BigEndian.AppendUint32(buf, uint32(len(s))), s...)
}

func appendNull(buf []byte) []byte { return binary.BigEndian.AppendUint32(buf, 0xffffffff) }

func appendField(buf, v []byte) []byte {
	return append(binary.BigEndian.AppendUint32(buf, uint32(len(v))), v...)
}

// Flags of a range's binary form (PostgreSQL's rangetypes.h).
const (
	rangeEmpty = 0x01
	rangeLBInc = 0x02
	rangeUBInc = 0x04
	rangeLBInf = 0x08
	rangeUBInf = 0x10
)

// appendRange appends a daterange's binary form, without its length: the
// flags, then each finite bound as a length and a date (days since
// pgEpoch). The server makes it canonical ([a,b] becomes [a,b+1)).
func appendRange(buf []byte, r pgtype.Range[pgtype.Date]) []byte {
	var flags byte
	switch r.LowerType {
	case pgtype.Inclusive:
		flags |= rangeLBInc
	case pgtype.Unbounded:
		flags |= rangeLBInf
	case pgtype.Empty:
		flags |= rangeEmpty
	}
	switch r.UpperType {
	case pgtype.Inclusive:
		flags |= rangeUBInc
	case pgtype.Unbounded:
		flags |= rangeUBInf
	}
	buf = append(buf, flags)
	if flags&rangeEmpty != 0 {
		return buf
	}
	if flags&rangeLBInf == 0 {
		buf = binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(buf, 4), uint32(pgDays(r.Lower)))
	}
	if flags&rangeUBInf == 0 {
		buf = binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(buf, 4), uint32(pgDays(r.Upper)))
	}
	return buf
}

// pgDays is a date as PostgreSQL's binary form counts it.
func pgDays(d pgtype.Date) int32 {
	// (a time.Duration would overflow for dates centuries away)
	t := time.Date(d.Time.Year(), d.Time.Month(), d.Time.Day(), 0, 0, 0, 0, time.UTC)
	return int32((t.Unix() - pgEpoch.Unix()) / 86400)
}

// copyIn sends rows encoded by appendTuple (chunks of whole rows) to
// table's columns by one COPY, writing the rows frozen when the
// transaction truncated the table.
func copyIn(t *tx, table string, names []string, chunks [][]byte) error {
	cols := make([]string, len(names))
	for i, n := range names {
		cols[i] = pgx.Identifier{n}.Sanitize()
	}
	sql := "COPY " + pgx.Identifier{table}.Sanitize() + " (" + strings.Join(cols, ", ") + ") FROM STDIN (FORMAT binary"
	if t.truncated[table] {
		sql += ", FREEZE"
	}
	sql += ")"
	r := &chunkReader{chunks: slices.Concat([][]byte{copyHeader}, chunks, [][]byte{copyTrailer})}
	_, err := t.q.Conn().PgConn().CopyFrom(t.ctx, r, sql)
	return t.err(err)
}

// chunkReader reads its chunks one after the other.
type chunkReader struct{ chunks [][]byte }

func (r *chunkReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && len(r.chunks) > 0 {
		c := copy(p[n:], r.chunks[0])
		n += c
		if r.chunks[0] = r.chunks[0][c:]; len(r.chunks[0]) == 0 {
			r.chunks = r.chunks[1:]
		}
	}
	if n == 0 && len(p) > 0 {
		return 0, io.EOF
	}
	return n, nil
}
