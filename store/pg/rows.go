package pg

import (
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/quotedb/quotedb/dedup"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// row is what a record writes besides its doc: its table's columns and
// the rows of its side tables.
type row struct {
	cols []string
	vals []any
	// names are the name-search keys (nameKeys), for the type's names table.
	names []string
	// topics and bands are a statement's topic ids and dedup band keys
	// (as bandKeys stores them).
	topics []string
	bands  []int32
	// unique lists the columns that must be unique, with what the value
	// is, for the Conflict error a duplicate gives.
	unique []uniqueCol
}

type uniqueCol struct {
	col      string
	val      any
	conflict string
}

// namesTables names the side table of name-search keys of a type.
var namesTables = map[store.RecordType]string{
	store.SpeakerType:      "speaker_names",
	store.OrganisationType: "organisation_names",
	store.TopicType:        "topic_names",
}

// rowOf returns the columns and side rows of a normalized record.
func rowOf(v any) row {
	switch r := v.(type) {
	case *store.Speaker:
		return row{
			cols:   []string{"name_key", "qid", "name_sk"},
			vals:   []any{fold(r.Name), opt(r.QID), nameSK(r.Name, r.ID)},
			names:  nameKeys(append([]string{r.Name}, r.Aliases...)...),
			unique: []uniqueCol{{"name_key", fold(r.Name), "a speaker named " + quote(r.Name)}},
		}
	case *store.Organisation:
		u := []uniqueCol{{"name_key", fold(r.Name), "an organisation named " + quote(r.Name)}}
		if r.ShortName != "" {
			u = append(u, uniqueCol{"short_key", fold(r.ShortName), "an organisation with short name " + quote(r.ShortName)})
		}
		return row{
			cols:   []string{"name_key", "short_key", "kind", "qid", "name_sk"},
			vals:   []any{fold(r.Name), opt(fold(r.ShortName)), string(r.Kind), opt(r.QID), nameSK(r.Name, r.ID)},
			names:  nameKeys(append([]string{r.Name, r.ShortName}, r.Aliases...)...),
			unique: u,
		}
	case *store.Affiliation:
		return row{
			cols: []string{"speaker_id", "organisation_id", "source_id", "role", "period", "start_precision", "end_precision"},
			vals: []any{r.SpeakerID, r.OrganisationID, opt(r.SourceID), r.Role, dayRange(r.Period()),
				int16(r.Start.Precision()), int16(r.End.Precision())},
		}
	case *store.Topic:
		return row{
			cols:   []string{"slug", "parent_id"},
			vals:   []any{r.Slug, opt(r.ParentID)},
			names:  nameKeys(append([]string{r.Name, r.Slug}, r.Aliases...)...),
			unique: []uniqueCol{{"slug", r.Slug, "a topic with slug " + quote(r.Slug)}},
		}
	case *store.Source:
		var u []uniqueCol
		if r.ContentHash != "" {
			u = append(u, uniqueCol{"content_hash", r.ContentHash, "a source with the same text"})
		}
		return row{
			cols: []string{"publisher_id", "published", "published_precision", "sk", "content_hash", "title_folded"},
			vals: []any{opt(r.PublisherID), dateRange(r.Published), int16(r.Published.Precision()), datedSK(r.Published, r.ID),
				opt(r.ContentHash), fold(r.Title)},
			unique: u,
		}
	case *store.Statement:
		return statementRow(r)
	case *store.ClaimReview:
		return row{
			cols: []string{"statement_id", "reviewer_id", "date"},
			vals: []any{r.StatementID, r.ReviewerID, dateRange(r.Date)},
		}
	}
	panic("pg: not a record")
}

// statementCols are the columns of statementRow, shared by every row
// (which only read them) rather than made for each.
var statementCols = []string{"sk", "speaker_id", "organisation_id", "source_id", "kind", "status", "said", "said_precision",
	"covers", "text_folded", "shingles"}

func statementRow(r *store.Statement) row {
	// not nil: a nil multirange would be NULL, and a statement covering
	// nothing covers the empty multirange
	covers := make(pgtype.Multirange[pgtype.Range[pgtype.Date]], len(r.Covers))
	for i, c := range r.Covers {
		covers[i] = dayRange(c.Range)
	}
	var packed []byte
	folded := textfold.Fold(r.Text) // for the column and the shingles
	var bands []int32
	if sh := dedup.ShinglesOfFolded(folded); sh != nil {
		packed = make([]byte, 0, 4*len(sh))
		for _, v := range sh {
			packed = binary.BigEndian.AppendUint32(packed, v)
		}
		bands = bandKeys(dedup.BandKeysOf(sh))
	}
	return row{
		cols: statementCols,
		vals: []any{datedSK(r.Said, r.ID), opt(r.SpeakerID), opt(r.OrganisationID), opt(r.SourceID), string(r.Kind),
			string(r.Status), dateRange(r.Said), int16(r.Said.Precision()), covers,
			textColumn(folded), packed},
		topics: r.TopicIDs,
		bands:  bands,
	}
}

// bandKeys are dedup band keys as the table statement_bands holds them:
// each key's KeyLen (4) bytes as a big-endian int4, which keeps equal keys
// equal and different ones different.
func bandKeys(keys [][]byte) []int32 {
	out := make([]int32, len(keys))
	for i, k := range keys {
		out[i] = int32(binary.BigEndian.Uint32(k))
	}
	return out
}

// colTypes gives the casts of columns whose parameters are sent as text.
var colTypes = map[string]string{
	"period": "daterange", "published": "daterange", "said": "daterange", "date": "daterange",
	"covers": "datemultirange", "speaker_id": "uuid", "organisation_id": "uuid", "source_id": "uuid",
	"publisher_id": "uuid", "parent_id": "uuid", "statement_id": "uuid", "reviewer_id": "uuid",
}

func quote(s string) string { return `"` + s + `"` }

// fold is textfold.Fold made fit for a text column, which holds neither
// NUL nor invalid UTF-8.
func fold(s string) string { return textColumn(textfold.Fold(s)) }

// textColumn is s made fit for a text column.
func textColumn(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

// opt is nil (SQL NULL) for "", else s.
func opt(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nameKeys returns the name-search keys of names: for every folded form
// (textfold.Keys) every suffix of its words ("ali karimli", "karimli"), so
// that a prefix match with a folded query finds a name by any word on.
func nameKeys(names ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		for _, k := range textfold.Keys(n) {
			words := strings.Fields(strings.ReplaceAll(strings.ToValidUTF8(k, "\uFFFD"), "\x00", ""))
			for j := range words {
				s := strings.Join(words[j:], " ")
				if !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// idBytes is the binary form of a canonical id.
func idBytes(id string) []byte {
	u := uuid.MustParse(id)
	return u[:]
}

// nameSK is the sort key of store.OrderName: the first
// store.NameOrderBytes bytes of the folded name, padded with zeros, then
// the id.
func nameSK(name, id string) []byte {
	k := make([]byte, store.NameOrderBytes, store.NameOrderBytes+16)
	copy(k, textfold.Fold(name))
	return append(k, idBytes(id)...)
}

// datedSK is the sort key of a dated record: the date's key, then the id.
func datedSK(d partialdate.Date, id string) []byte {
	k := binary.BigEndian.AppendUint32(make([]byte, 0, 20), d.Key())
	return append(k, idBytes(id)...)
}

func dayText(d partialdate.Date) string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// rangeText is the daterange literal of the days of r, open where r is.
func rangeText(r partialdate.Range) string {
	lo, hi := "(", ")"
	if !r.From.IsZero() {
		lo = "[" + dayText(r.From.First())
	}
	if !r.To.IsZero() {
		hi = dayText(r.To.Last()) + "]"
	}
	return lo + "," + hi
}

// dayRange is the daterange of the days of r, open where r is. Rows carry
// ranges as values rather than literals: COPY sends them in binary.
func dayRange(r partialdate.Range) pgtype.Range[pgtype.Date] {
	out := pgtype.Range[pgtype.Date]{LowerType: pgtype.Unbounded, UpperType: pgtype.Unbounded, Valid: true}
	if !r.From.IsZero() {
		out.Lower, out.LowerType = pgDay(r.From.First()), pgtype.Inclusive
	}
	if !r.To.IsZero() {
		out.Upper, out.UpperType = pgDay(r.To.Last()), pgtype.Inclusive
	}
	return out
}

func pgDay(d partialdate.Date) pgtype.Date {
	return pgtype.Date{Time: time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), Valid: true}
}

// dateRange is the daterange of the days of d, nil (NULL) when d is
// unknown.
func dateRange(d partialdate.Date) any {
	if d.IsZero() {
		return nil
	}
	return dayRange(partialdate.Of(d))
}

// dateText is the daterange literal of the days of d, nil (NULL) when d is
// unknown.
func dateText(d partialdate.Date) any {
	if d.IsZero() {
		return nil
	}
	return rangeText(partialdate.Of(d))
}
