package store

import (
	"context"
	"database/sql"
	"sync"
)

// Watcher notices commits made to the database file by any other connection, in this
// process or another one, by polling PRAGMA data_version. The value is per connection, so
// the watcher keeps one connection of its own for as long as it lives.
type Watcher struct {
	mu      sync.Mutex
	conn    *sql.Conn
	ctx     context.Context
	version int64
	path    string
	query   string // what reads the version: PRAGMA data_version, or on PostgreSQL the newest audit id
}

// NewWatcher takes a dedicated connection and remembers the current data version. It gives the
// connection back on Close, or when ctx ends.
func (s *Store) NewWatcher(ctx context.Context) (*Watcher, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	w := &Watcher{conn: conn, ctx: ctx, path: s.path, query: `PRAGMA data_version`}
	if s.pg {
		// every write adds an audit row in its transaction: the newest audit id moves with each commit
		w.query = `SELECT coalesce(max(id), 0) FROM audit`
	}
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
	if err := w.conn.QueryRowContext(w.ctx, w.query).Scan(&v); err != nil {
		return 0, dbError(err, w.path)
	}
	return v, nil
}

// Changed reports whether another connection committed since the last call (or since
// NewWatcher). It is cheap: one pragma on an open connection, no table is read.
func (w *Watcher) Changed() (bool, error) {
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
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		return nil
	}
	err := w.conn.Close()
	w.conn = nil
	return err
}
