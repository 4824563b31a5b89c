package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// nullID stores 0 as NULL for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullStr stores "" as NULL for optional unique values (phone, ID number).
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// unix stores a zero time as NULL, any other as Unix seconds.
func unix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// fromUnix reads a nullable Unix time; NULL is the zero time.
func fromUnix(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0)
}

// scanner is what a row scanner reads from: *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// scanOne reads a row of one column: `queryAll(ctx, s, scanOne[int64], "SELECT id ...")`.
func scanOne[T any](sc scanner) (T, error) {
	var v T
	err := sc.Scan(&v)
	return v, err
}

// querier is what a read runs on: the store's pool (*sql.DB) or one transaction (*sql.Tx).
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryRows runs a read query on q and scans every row with scan. Errors come back as the
// driver gave them: queryAll puts them in the store's words, and inside a write Store.write does.
func queryRows[T any](ctx context.Context, q querier, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// queryAll runs a read query on the store's pool and scans every row with scan.
func queryAll[T any](ctx context.Context, s *Store, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	out, err := queryRows(ctx, s.db, scan, query, args...)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	return out, nil
}

// txRows runs a read query inside a write and scans every row with scan (write maps the errors).
func txRows[T any](t *Tx, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	return queryRows(t.ctx, t.tx, scan, query, args...)
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// readChain runs read queries one after another and keeps the first error.
type readChain struct {
	s   *Store
	ctx context.Context
	tx  *sql.Tx // reads inside this transaction when set, else on the pool
	err error
}

// chainQuerier is what a readChain reads on: the pool or its transaction.
type chainQuerier interface {
	querier
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (q *readChain) on() chainQuerier {
	if q.tx != nil {
		return q.tx
	}
	return q.s.db
}

func (q *readChain) row(query string, args []any, dest ...any) {
	if q.err != nil {
		return
	}
	q.err = q.on().QueryRowContext(q.ctx, query, args...).Scan(dest...)
}

func (q *readChain) rows(query string, args []any, fn func(*sql.Rows) error) {
	if q.err != nil {
		return
	}
	rows, err := q.on().QueryContext(q.ctx, query, args...)
	if err != nil {
		q.err = err
		return
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			q.err = err
			return
		}
	}
	q.err = rows.Err()
}
