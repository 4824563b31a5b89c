package store

import (
	"context"
	"database/sql"
	"sync"
)

// Watcher notices commits made to the database by any other connection, in this process or
// another one. A Store's watchers share one connection of its own (watchHub): on SQLite each
// watcher reads PRAGMA data_version on it, which moves when another connection commits; on
// PostgreSQL it LISTENs for the NOTIFY every write sends and raises each watcher's flag
// (watch_pg.go). So eight counters' boards hold one connection, not eight.
type Watcher struct {
	hub     *watchHub
	ctx     context.Context
	version int64 // SQLite: data_version when last read
	changed bool  // PostgreSQL: heard since the last Changed
	closed  bool
}

// watchHub is the store's listening connection and the watchers that share it. The connection
// is taken with the first watcher and given back with the last one, or by Store.Close.
type watchHub struct {
	s        *Store
	mu       sync.Mutex
	watchers map[*Watcher]struct{}
	conn     *sql.Conn   // SQLite
	pg       *pgListener // PostgreSQL
}

// NewWatcher remembers where the database stands now, so every commit after it returns is
// reported. It is closed by Close, when ctx ends, or when the store closes.
func (s *Store) NewWatcher(ctx context.Context) (*Watcher, error) {
	h := &s.watch
	h.mu.Lock()
	defer h.mu.Unlock()
	w := &Watcher{hub: h, ctx: ctx}
	if err := h.join(ctx, w); err != nil {
		return nil, err
	}
	if h.watchers == nil {
		h.watchers = map[*Watcher]struct{}{}
	}
	h.watchers[w] = struct{}{}
	// A session that ends before its screen has taken the watcher (an SSH counter closed just
	// after signing in) would never close it: it closes when ctx ends.
	context.AfterFunc(ctx, func() { w.Close() })
	return w, nil
}

// join takes the shared connection if no watcher holds it yet, and reads w's starting point.
func (h *watchHub) join(ctx context.Context, w *Watcher) error {
	if h.s.pg {
		if h.pg == nil {
			l, err := h.s.startListener(ctx)
			if err != nil {
				return err
			}
			h.pg = l
		}
		return nil
	}
	if h.conn == nil {
		conn, err := h.s.db.Conn(ctx)
		if err != nil {
			return dbError(err, h.s.path)
		}
		h.conn = conn
	}
	v, err := h.dataVersion(ctx)
	if err != nil && len(h.watchers) == 0 {
		h.conn.Close()
		h.conn = nil
	}
	w.version = v
	return err
}

func (h *watchHub) dataVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := h.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, dbError(err, h.s.path)
	}
	return v, nil
}

// Changed reports whether another connection committed since the last call (or since
// NewWatcher). It is cheap: one pragma on an open connection, no table is read; on PostgreSQL
// it reads a flag. While the server cannot be reached it says so; once it can again, it reports
// one change, for what may have been missed meanwhile.
func (w *Watcher) Changed() (bool, error) {
	h := w.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if w.closed {
		return false, &Error{Code: Internal, Key: "db.error", Detail: "watcher closed"}
	}
	if h.pg != nil {
		if down := h.pg.down; down != nil {
			return false, down
		}
		changed := w.changed
		w.changed = false
		return changed, nil
	}
	v, err := h.dataVersion(w.ctx)
	if err != nil {
		return false, err
	}
	changed := v != w.version
	w.version = v
	return changed, nil
}

// Close leaves the hub; the last watcher out gives the connection back. Changed fails afterwards.
func (w *Watcher) Close() error {
	h := w.hub
	h.mu.Lock()
	if w.closed {
		h.mu.Unlock()
		return nil
	}
	w.closed = true
	delete(h.watchers, w)
	if len(h.watchers) > 0 {
		h.mu.Unlock()
		return nil
	}
	release := h.detach()
	h.mu.Unlock()
	return release()
}

// closeAll, from Store.Close, closes every watcher still open and gives the connection back
// before the database closes, so nothing is left holding the file.
func (h *watchHub) closeAll() error {
	h.mu.Lock()
	for w := range h.watchers {
		w.closed = true
	}
	h.watchers = nil
	release := h.detach()
	h.mu.Unlock()
	return release()
}

// detach takes the shared connection out of the hub (h.mu held) and returns what gives it
// back, to be called without the lock: the listener's goroutine takes it to report.
func (h *watchHub) detach() func() error {
	conn, l := h.conn, h.pg
	h.conn, h.pg = nil, nil
	return func() error {
		if l != nil {
			l.close()
		}
		if conn != nil {
			return conn.Close()
		}
		return nil
	}
}
