package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Tx is one write: the staff member making it and one `now` for every row it touches.
type Tx struct {
	tx    *sql.Tx
	ctx   context.Context
	now   time.Time
	staff int64
	s     *Store
}

// write runs fn in one immediate transaction; every change in it is audited under staff.
func (s *Store) write(ctx context.Context, staff int64, fn func(*Tx) error) error {
	// SQLite takes one writer at a time. Writers of this process (eight SSH counters) queue here,
	// in order, instead of in SQLite's busy handler, which retries by sleeping and can pass one
	// writer over until its timeout ends in "database is locked". Other processes still queue
	// there (busy_timeout). PostgreSQL takes many writers and locks rows, so it needs no queue.
	if !s.pg {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(&Tx{tx: tx, ctx: ctx, now: s.now(), staff: staff, s: s}); err != nil {
		if AsError(err) != nil {
			return err
		}
		return dbError(err, s.path)
	}
	if s.pg { // delivered to every Watcher at commit, and not at all on rollback
		if err := notifyChange(ctx, tx); err != nil {
			return dbError(err, s.path)
		}
	}
	if err := tx.Commit(); err != nil {
		return dbError(err, s.path)
	}
	s.changes.publish()
	return nil
}

// begin starts a write transaction. On PostgreSQL a pooled connection the server ended while it
// sat idle (a restart, a dropped network) fails at BEGIN, before anything is written: the pool
// drops it and the next one is tried, so the first save after the server is back just works.
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	for try := 1; ; try++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err == nil {
			return tx, nil
		}
		e := AsError(dbError(err, s.path))
		if !s.pg || e.Key != "db.unreachable" || try == 3 || ctx.Err() != nil {
			return nil, e
		}
	}
}

func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(t.ctx, query, args...)
}

func (t *Tx) queryRow(query string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(t.ctx, query, args...)
}

func (t *Tx) query(query string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(t.ctx, query, args...)
}

// insert runs an INSERT and returns the new row's id: RETURNING works on both engines, where
// LastInsertId is SQLite's alone.
func (t *Tx) insert(query string, args ...any) (int64, error) {
	var id int64
	err := t.queryRow(query+" RETURNING id", args...).Scan(&id)
	return id, err
}

// audit records who did what to which record; the app never updates or deletes these rows.
// A worker or dispatch written also has its worker's row of the pool rewritten (worker_pool.go).
func (t *Tx) audit(action, entity string, id int64, detail string) error {
	var staff any
	if t.staff > 0 {
		staff = t.staff
	}
	_, err := t.exec(`INSERT INTO audit (at, staff_id, action, entity, entity_id, detail, counter_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		t.now.Unix(), staff, action, entity, id, detail, counterOf(t.ctx))
	if err != nil {
		return err
	}
	return t.poolChanged(entity, id)
}

// exists answers NotFound (naming entity) when query finds no row for id.
func (t *Tx) exists(query string, id int64, entity string) error {
	var one int
	return notFound(t.queryRow(query, id).Scan(&one), entity)
}

// refs writes an audit detail as key=value pairs ("job=12 worker=7"): data, not sentences,
// so the audit view can put it in the reader's language. No personal data goes in.
func refs(kv ...any) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%v=%v", kv[i], kv[i+1])
	}
	return b.String()
}
