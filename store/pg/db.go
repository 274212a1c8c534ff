// Package pg is the PostgreSQL quotedb backend: a store.Store over a
// connection pool, for several servers over one database.
//
// Each record type has a table (migrations/*.sql) whose columns hold what
// lists filter and order by, with the constraints the store checks, and
// the record itself as JSON. One Store.Update is one PostgreSQL
// transaction holding the records, their side tables (names, topics, near
// duplicate bands) and their change-log rows, so they commit together or
// not at all. Writers are serialized by a transaction-scoped advisory
// lock, as bbolt serializes them by its file lock: the change log's seqs
// then follow commit order without gaps, and the checks a write makes
// before writing (uniqueness, references) see every earlier commit.
package pg

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// ErrClosed is the cause of the errs.Unavailable error of calls made after
// Close.
var ErrClosed = errors.New("database is closed")

// ErrSchemaVersion is the cause (errors.Is) of the errs.Unavailable error
// Open returns when the database's schema is not the version this build
// expects.
var ErrSchemaVersion = errors.New("database schema version mismatch")

// writeLock is the advisory lock key every write transaction takes.
const writeLock = 0x71756f7465646201 // "quotedb" and 1

// notifyChannel is the LISTEN/NOTIFY channel a commit of changes signals.
const notifyChannel = "quotedb_changes"

// Options tunes Open. The zero value (or nil) is right for production.
type Options struct {
	// Schema, when set, is the PostgreSQL schema the tables live in
	// (search_path); it must exist. Tests use one schema each.
	Schema string
	// MaxStatementBytes bounds the text of a statement written; zero means
	// store.DefaultMaxStatementBytes.
	MaxStatementBytes int
	// MaxConns bounds the pool; zero means the URL's pool_max_conns, or
	// else 4 per core (16 at least).
	MaxConns int32
	// MigrationDone, when set, is called by Migrate after each migration it
	// applies, with how many of the pending ones are done: a progress report
	// for migrations that rebuild large tables.
	MigrationDone func(done, pending int)
}

// Store is a quotedb database in PostgreSQL. It is safe for concurrent use.
type Store struct {
	pool         *pgxpool.Pool
	maxStatement int
	closed       atomic.Bool

	mu     sync.Mutex
	commit chan struct{} // closed and replaced at each commit seen

	stopListen context.CancelFunc
	listenDone chan struct{}
}

var _ store.Store = (*Store)(nil)

// newPool connects a pool to the database at url ("postgres://…").
func newPool(ctx context.Context, url string, opts *Options) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "PostgreSQL connection URL is not valid")
	}
	if opts.Schema != "" {
		cfg.ConnConfig.RuntimeParams["search_path"] = opts.Schema
	}
	switch {
	case opts.MaxConns > 0:
		cfg.MaxConns = opts.MaxConns
	case !strings.Contains(url, "pool_max_conns"):
		// Requests hold a connection only while they read, and each
		// waits on the network most of that time: more connections than
		// pgxpool's default (the number of cores, at least 4) keep the
		// cores busy.
		cfg.MaxConns = int32(max(16, 4*runtime.GOMAXPROCS(0)))
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, errs.Wrap(errs.Unavailable, err, "connecting to PostgreSQL")
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, errs.Wrap(errs.Unavailable, err, "connecting to PostgreSQL")
	}
	return pool, nil
}

// Open connects to the database at url and checks that its schema is the
// version this build expects (see Migrate): an older or newer schema gives
// an errs.Unavailable error wrapping ErrSchemaVersion that says what to do.
// It starts listening for commits of other servers (see Committed).
func Open(ctx context.Context, url string, opts *Options) (*Store, error) {
	if opts == nil {
		opts = &Options{}
	}
	pool, err := newPool(ctx, url, opts)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	s := &Store{pool: pool, maxStatement: opts.MaxStatementBytes, commit: make(chan struct{})}
	if s.maxStatement <= 0 {
		s.maxStatement = store.DefaultMaxStatementBytes
	}
	s.listen()
	return s, nil
}

// Pool returns the connection pool, for tools that read the tables.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// dbErr classifies an error from PostgreSQL or pgx.
func (s *Store) dbErr(err error) error {
	var e *errs.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &e), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case s != nil && s.closed.Load():
		return &errs.Error{Kind: errs.Unavailable, Msg: "database is closed", Err: ErrClosed}
	}
	return pgErr(err)
}

// pgErr maps the constraint violations PostgreSQL reports onto error kinds:
// the store checks these before writing, so reaching one means a check was
// missed or another writer raced; the database still refuses the write.
func pgErr(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return errs.Wrap(errs.Conflict, err, fmt.Sprintf("a record with the same %s exists already", pe.ConstraintName))
		case "23503":
			return errs.Wrap(errs.NotFound, err, "a referenced record does not exist")
		case "23514", "23502", "22P02", "22007", "22008", "22000", "22021":
			return errs.Wrap(errs.Invalid, err, "the database refused a value")
		case "57014":
			return errs.Wrap(errs.Unavailable, err, "query cancelled")
		}
	}
	return errs.Wrap(errs.Internal, err, "database")
}

// View runs fn in a read-only transaction that sees one snapshot
// (REPEATABLE READ); see store.Store. It returns ctx.Err() without starting
// when ctx is done, and fn's error as is.
func (s *Store) View(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.closed.Load() {
		return s.dbErr(ErrClosed)
	}
	ptx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return s.dbErr(err)
	}
	// A read-only transaction has nothing to keep: it always rolls back,
	// and a failed rollback only closes its connection.
	defer ptx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck
	return fn(newTx(ctx, ptx, "", false, 0))
}

// Update runs fn in a read-write transaction and commits when fn returns
// nil; see store.Store. It returns ctx.Err() without starting when ctx is
// done, fn's error as is (having rolled everything back), or the commit's
// error. After a commit that changed anything, Committed's channel is
// closed, here at once and on other servers when the notification comes.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	return s.update(ctx, func(t *tx) error { return fn(t) })
}

func (s *Store) update(ctx context.Context, fn func(*tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.closed.Load() {
		return s.dbErr(ErrClosed)
	}
	ptx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return s.dbErr(err)
	}
	defer ptx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit, a no-op
	if _, err := ptx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(writeLock)); err != nil {
		return s.dbErr(err)
	}
	t := newTx(ctx, ptx, store.ActorFrom(ctx), true, s.maxStatement)
	if err := fn(t); err != nil {
		return err
	}
	if t.changes > 0 {
		if _, err := ptx.Exec(ctx, "SELECT pg_notify($1, $2)", notifyChannel, fmt.Sprint(t.seq)); err != nil {
			return s.dbErr(err)
		}
	}
	if err := ptx.Commit(ctx); err != nil {
		return s.dbErr(err)
	}
	if t.changes > 0 {
		s.signal()
	}
	return nil
}

// signal closes the Committed channel and makes a new one.
func (s *Store) signal() {
	s.mu.Lock()
	close(s.commit)
	s.commit = make(chan struct{})
	s.mu.Unlock()
}

// Committed returns a channel closed at the next commit that changes
// anything, by this server or (through LISTEN/NOTIFY) another.
func (s *Store) Committed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commit
}

// Close stops listening and closes the pool. Later calls fail with
// errs.Unavailable (ErrClosed).
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	if s.stopListen != nil {
		s.stopListen()
		<-s.listenDone
	}
	s.pool.Close()
	return nil
}

// Changes returns up to limit entries with Seq > after, in order. A limit
// ≤ 0 gives none.
func (s *Store) Changes(ctx context.Context, after uint64, limit int) ([]store.Change, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.closed.Load() {
		return nil, s.dbErr(ErrClosed)
	}
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT `+changeCols+` FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2`, int64(min(after, 1<<63-1)), limit)
	if err != nil {
		return nil, s.dbErr(err)
	}
	out, err := scanChanges(rows)
	return out, s.dbErr(err)
}

// Head returns the seq of the newest change, 0 before any.
func (s *Store) Head(ctx context.Context) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if s.closed.Load() {
		return 0, s.dbErr(ErrClosed)
	}
	var seq int64
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(seq), 0) FROM change_log`).Scan(&seq)
	return uint64(seq), s.dbErr(err)
}

// Stats reports the database's size and change-log position, making
// *Store a store.StatsReader. PostgreSQL gives no figure of space in use
// apart from space taken, so UsedBytes is SizeBytes.
func (s *Store) Stats() (store.Stats, error) {
	ctx := context.Background()
	var st store.Stats
	if s.closed.Load() {
		return st, s.dbErr(ErrClosed)
	}
	err := s.pool.QueryRow(ctx, "SELECT pg_database_size(current_database())").Scan(&st.SizeBytes)
	if err != nil {
		return store.Stats{}, s.dbErr(err)
	}
	st.UsedBytes = st.SizeBytes
	st.LastSeq, err = s.Head(ctx)
	if err != nil {
		return store.Stats{}, err
	}
	return st, nil
}
