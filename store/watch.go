package store

import (
	"context"
	"database/sql"
	"sync"
)

// Watcher notices commits made to the database by any other connection, in this process or
// another one. On SQLite it polls PRAGMA data_version, which is per connection, so the watcher
// keeps one connection of its own for as long as it lives; on PostgreSQL it LISTENs for the
// NOTIFY every write sends (watch_pg.go).
type Watcher struct {
	mu      sync.Mutex
	conn    *sql.Conn
	ctx     context.Context
	version int64
	path    string
	pg      *pgListener // on PostgreSQL, instead of conn and version
}

// NewWatcher takes a dedicated connection and remembers the current data version. It gives the
// connection back on Close, or when ctx ends.
func (s *Store) NewWatcher(ctx context.Context) (*Watcher, error) {
	if s.pg {
		return s.newPGWatcher(ctx)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	w := &Watcher{conn: conn, ctx: ctx, path: s.path}
	if w.version, err = w.read(); err != nil {
		conn.Close()
		return nil, err
	}
	// A session that ends before its screen has taken the watcher (an SSH counter closed just
	// after signing in) would never close it: the connection goes back when ctx ends.
	context.AfterFunc(ctx, func() { w.Close() })
	return w, nil
}

func (w *Watcher) read() (int64, error) {
	var v int64
	if err := w.conn.QueryRowContext(w.ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, dbError(err, w.path)
	}
	return v, nil
}

// Changed reports whether another connection committed since the last call (or since
// NewWatcher). It is cheap: one pragma on an open connection, no table is read; on PostgreSQL
// it reads a flag. While the server cannot be reached it says so; once it can again, it reports
// one change, for what may have been missed meanwhile.
func (w *Watcher) Changed() (bool, error) {
	if w.pg != nil {
		return w.pg.check()
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		return false, &Error{Code: Internal, Key: "db.error", Detail: "watcher closed"}
	}
	v, err := w.read()
	if err != nil {
		return false, err
	}
	changed := v != w.version
	w.version = v
	return changed, nil
}

// Close gives the connection back; Changed fails afterwards.
func (w *Watcher) Close() error {
	if w.pg != nil {
		return w.pg.close()
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		return nil
	}
	err := w.conn.Close()
	w.conn = nil
	return err
}
