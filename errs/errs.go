// Package errs defines the error type shared by every layer of quotedb.
//
// An *Error carries a Kind that says what the caller did wrong (or that the
// fault is ours). The GraphQL layer maps each Kind straight to the
// extensions.code of the error it returns, so a kind is chosen where the error
// is first known and is kept as the error travels up.
package errs

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies an error by who must act on it.
type Kind uint8

const (
	// Internal is a fault of ours: a broken invariant, an I/O failure. Its
	// message is never shown to clients.
	Internal Kind = iota
	// Invalid is input that can never succeed as sent: a missing field, a
	// malformed date or id, an unknown enum value.
	Invalid
	// NotFound is a well-formed reference to a record that does not exist.
	NotFound
	// Conflict is a write that would break a uniqueness or integrity rule
	// given the current records: a duplicate name, deleting a speaker who
	// still has statements.
	Conflict
	// Unauthenticated is a request that needs a valid token and had none.
	Unauthenticated
	// Forbidden is a request whose token lacks the role it needs.
	Forbidden
	// TooLarge is input past a configured limit: body, document, page size,
	// query depth or complexity.
	TooLarge
	// Unavailable is a transient refusal: the database is held by another
	// process, or the server is shutting down.
	Unavailable
)

// Code returns the GraphQL extensions.code for the kind.
func (k Kind) Code() string {
	switch k {
	case Invalid:
		return "BAD_USER_INPUT"
	case NotFound:
		return "NOT_FOUND"
	case Conflict:
		return "CONFLICT"
	case Unauthenticated:
		return "UNAUTHENTICATED"
	case Forbidden:
		return "FORBIDDEN"
	case TooLarge:
		return "LIMIT_EXCEEDED"
	case Unavailable:
		return "UNAVAILABLE"
	}
	return "INTERNAL"
}

func (k Kind) String() string { return k.Code() }

// Error is an error with a Kind and a message fit for the client.
type Error struct {
	Kind Kind
	// Msg is the client-facing description, e.g. `speaker "…" not found`.
	Msg string
	// Err is the underlying cause, kept for logs and errors.Is; never shown to
	// clients.
	Err error
}

func (e *Error) Error() string {
	switch {
	case e.Err == nil:
		return e.Msg
	case e.Msg == "":
		return e.Err.Error()
	}
	return e.Msg + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// E returns an *Error of the given kind with a formatted message.
func E(kind Kind, format string, args ...any) error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error of the given kind whose message is msg and whose cause
// is err. It returns nil when err is nil.
func Wrap(kind Kind, err error, msg string) error {
	if err == nil {
		return nil
	}
	return &Error{Kind: kind, Msg: msg, Err: err}
}

// KindOf returns the kind of the outermost *Error in err's chain, or Internal
// when there is none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// Is reports whether err has the given kind.
func Is(err error, kind Kind) bool { return err != nil && KindOf(err) == kind }

// Message returns the text a client may see for err: the message of the
// outermost *Error, including the messages of the *Errors it wraps, or a
// generic text for internal errors, whose details stay in the logs.
func Message(err error) string {
	var e *Error
	if !errors.As(err, &e) || e.Kind == Internal {
		return "internal error"
	}
	msg := e.Msg
	var inner *Error
	if errors.As(e.Err, &inner) && inner.Kind != Internal {
		if msg == "" {
			return Message(inner)
		}
		msg += ": " + Message(inner)
	} else if e.Err != nil && msg == "" {
		if inner != nil {
			// The cause holds an Internal error, whose text is for logs
			// only: say no more than the kind does.
			return strings.ToLower(strings.ReplaceAll(e.Kind.Code(), "_", " "))
		}
		msg = e.Err.Error()
	}
	return msg
}
