package bolt

import (
	"encoding/json"

	"github.com/quotedb/quotedb/errs"
)

// encode and decode are the one place that fixes how records are stored.
// Records are JSON for now; the change log also carries records as JSON
// and reuses the stored bytes (see tx.logChange), so a switch to a binary
// encoding must marshal the log's copies separately.
func encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "encoding record")
	}
	return b, nil
}

func decode(b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return errs.Wrap(errs.Internal, err, "decoding record")
	}
	return nil
}
