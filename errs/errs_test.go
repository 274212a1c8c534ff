package errs_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
)

func TestCode(t *testing.T) {
	tests := []struct {
		kind errs.Kind
		code string
	}{
		{errs.Internal, "INTERNAL"},
		{errs.Invalid, "BAD_USER_INPUT"},
		{errs.NotFound, "NOT_FOUND"},
		{errs.Conflict, "CONFLICT"},
		{errs.Unauthenticated, "UNAUTHENTICATED"},
		{errs.Forbidden, "FORBIDDEN"},
		{errs.TooLarge, "LIMIT_EXCEEDED"},
		{errs.Unavailable, "UNAVAILABLE"},
		{errs.Kind(200), "INTERNAL"}, // unknown kinds are our fault
	}
	for _, tt := range tests {
		if got := tt.kind.Code(); got != tt.code {
			t.Errorf("Kind(%d).Code() = %q, want %q", tt.kind, got, tt.code)
		}
		if got := tt.kind.String(); got != tt.code {
			t.Errorf("Kind(%d).String() = %q, want %q", tt.kind, got, tt.code)
		}
	}
}

// secret stands for internal detail (paths, driver messages) that must
// never reach a client.
const secret = "open /var/lib/quotedb/db: permission denied"

func TestKindOfAndMessage(t *testing.T) {
	cause := errors.New(secret)
	tests := []struct {
		name string
		err  error
		kind errs.Kind
		msg  string
	}{
		{"nil", nil, errs.Internal, "internal error"},
		{"plain error", cause, errs.Internal, "internal error"},
		{"E", errs.E(errs.NotFound, "speaker %q not found", "x"), errs.NotFound, `speaker "x" not found`},
		{"internal with message", errs.Wrap(errs.Internal, cause, "cannot open database"), errs.Internal, "internal error"},
		{"wrapped by fmt", fmt.Errorf("loading: %w", errs.E(errs.Invalid, "bad date")), errs.Invalid, "bad date"},
		{"wrapped twice by fmt", fmt.Errorf("a: %w", fmt.Errorf("b: %w", errs.E(errs.Conflict, "duplicate slug"))), errs.Conflict, "duplicate slug"},
		{"fmt-wrapped internal", fmt.Errorf("x: %w", errs.Wrap(errs.Internal, cause, "")), errs.Internal, "internal error"},
		{"cause hidden", errs.Wrap(errs.Invalid, cause, "line 3: bad record"), errs.Invalid, "line 3: bad record"},
		{"kinds nest", errs.Wrap(errs.Invalid, errs.E(errs.NotFound, "topic not found"), "line 3"), errs.Invalid, "line 3: topic not found"},
		{"outer kind wins", errs.Wrap(errs.Conflict, fmt.Errorf("via: %w", errs.E(errs.Invalid, "bad")), "merge"), errs.Conflict, "merge: bad"},
		{"empty message takes inner", errs.Wrap(errs.NotFound, errs.E(errs.NotFound, "no such source"), ""), errs.NotFound, "no such source"},
		{"empty message, user cause", errs.Wrap(errs.Invalid, errors.New(`"2022-3": bad date`), ""), errs.Invalid, `"2022-3": bad date`},
		{"internal inside user error", errs.Wrap(errs.Invalid, errs.Wrap(errs.Internal, cause, "disk"), "import"), errs.Invalid, "import"},
		{"internal inside, no message", errs.Wrap(errs.Unavailable, fmt.Errorf("x: %w", errs.Wrap(errs.Internal, cause, "disk")), ""), errs.Unavailable, "unavailable"},
		{"wrapped fs error", errs.Wrap(errs.Unavailable, fs.ErrPermission, "database is locked"), errs.Unavailable, "database is locked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errs.KindOf(tt.err); got != tt.kind {
				t.Errorf("KindOf = %v, want %v", got, tt.kind)
			}
			if tt.err != nil && !errs.Is(tt.err, tt.kind) {
				t.Errorf("Is(err, %v) = false", tt.kind)
			}
			msg := errs.Message(tt.err)
			if msg != tt.msg {
				t.Errorf("Message = %q, want %q", msg, tt.msg)
			}
			if strings.Contains(msg, "permission denied") || strings.Contains(msg, "/var/lib") {
				t.Errorf("Message %q leaks internal detail", msg)
			}
		})
	}
	if errs.Is(nil, errs.Internal) {
		t.Error("Is(nil, Internal) = true")
	}
}

func TestWrap(t *testing.T) {
	if err := errs.Wrap(errs.Invalid, nil, "x"); err != nil {
		t.Errorf("Wrap(nil) = %v, want nil", err)
	}
	err := errs.Wrap(errs.Internal, fs.ErrNotExist, "open")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Error("Wrap does not keep the cause for errors.Is")
	}
	// Error(), unlike Message, is for logs and keeps the cause.
	if got, want := err.Error(), "open: "+fs.ErrNotExist.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := errs.Wrap(errs.Internal, fs.ErrNotExist, "").Error(); got != fs.ErrNotExist.Error() {
		t.Errorf("Error() with empty message = %q", got)
	}
}

func ExampleMessage() {
	cause := errors.New("bbolt: timeout")
	err := fmt.Errorf("import: %w", errs.Wrap(errs.Invalid, errs.E(errs.NotFound, "speaker not found"), "line 3"))
	fmt.Println(errs.KindOf(err).Code(), errs.Message(err))
	fmt.Println(errs.Message(errs.Wrap(errs.Internal, cause, "commit")))
	// Output:
	// BAD_USER_INPUT line 3: speaker not found
	// internal error
}
