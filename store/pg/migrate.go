package pg

import (
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/quotedb/quotedb/errs"
)

// Migrations are the files migrations/NNNN_name.sql, applied in order of
// NNNN, each in its own transaction with its row in schema_migrations.
// They are part of the binary, so a server always knows the schema it
// needs.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order of version.
func migrations() ([]migration, error) {
	paths, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, p := range paths {
		base := path.Base(p)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration file %s is not named NNNN_name.sql", base)
		}
		b, err := migrationFiles.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(b)})
	}
	slices.SortFunc(out, func(a, b migration) int { return cmp.Compare(a.version, b.version) })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: versions must run 1, 2, 3… without gaps", m.name)
		}
	}
	return out, nil
}

// SchemaVersion is the schema version this build needs: the number of the
// last embedded migration.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

const createVersions = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)`

// migrateLock is the advisory lock that keeps two migrations apart.
const migrateLock = 0x71756f7465646202

// Migrate brings the database at url to SchemaVersion, applying the
// migrations it lacks, and returns the versions before and after. Several
// servers may call it at once: they take turns, and the later ones find
// nothing to do. A database newer than this build is refused.
func Migrate(ctx context.Context, url string, opts *Options) (from, to int, err error) {
	if opts == nil {
		opts = &Options{}
	}
	ms, err := migrations()
	if err != nil {
		return 0, 0, errs.Wrap(errs.Internal, err, "embedded migrations")
	}
	pool, err := newPool(ctx, url, opts)
	if err != nil {
		return 0, 0, err
	}
	defer pool.Close()
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return 0, 0, pgErr(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(migrateLock)); err != nil {
		return 0, 0, pgErr(err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", int64(migrateLock)) //nolint:errcheck // the session's end releases it too
	if _, err := conn.Exec(ctx, createVersions); err != nil {
		return 0, 0, pgErr(err)
	}
	from, err = currentVersion(ctx, conn)
	if err != nil {
		return 0, 0, err
	}
	if from > len(ms) {
		return from, from, newerErr(from, len(ms))
	}
	for i, m := range ms[from:] {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name)
			return err
		})
		if err != nil {
			return from, m.version - 1, errs.Wrap(errs.Internal, err, "applying migration "+m.name)
		}
		if opts.MigrationDone != nil {
			opts.MigrationDone(i+1, len(ms)-from)
		}
	}
	return from, len(ms), nil
}

type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// currentVersion reads the schema version: 0 when schema_migrations is
// missing or empty.
func currentVersion(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table
		return 0, nil
	}
	if err != nil {
		return 0, pgErr(err)
	}
	return v, nil
}

func newerErr(have, want int) error {
	return &errs.Error{Kind: errs.Unavailable, Err: ErrSchemaVersion,
		Msg: fmt.Sprintf("the database schema is at version %d, newer than this quotedb knows (%d): run a newer quotedb", have, want)}
}

// checkVersion refuses a database whose schema is not SchemaVersion.
func checkVersion(ctx context.Context, pool *pgxpool.Pool) error {
	want := SchemaVersion()
	have, err := currentVersion(ctx, pool)
	if err != nil {
		return err
	}
	switch {
	case have > want:
		return newerErr(have, want)
	case have < want:
		return &errs.Error{Kind: errs.Unavailable, Err: ErrSchemaVersion,
			Msg: fmt.Sprintf("the database schema is at version %d, this quotedb needs version %d: run quotedb migrate --store URL", have, want)}
	}
	return nil
}
