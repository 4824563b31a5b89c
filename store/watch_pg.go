package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"sync"
	"time"
)

// On PostgreSQL every write transaction sends NOTIFY on changesChannel, which the server delivers
// to every listening connection when (and only if) the transaction commits. A Watcher there
// holds one connection of its own that LISTENs; a goroutine waits on it and raises a flag that
// Changed reads, so Changed never touches the network.
const changesChannel = "gigdesk_changes"

// reconnectEvery is how long the listener waits between tries while the server cannot be reached.
const reconnectEvery = 500 * time.Millisecond

// notifyChange, inside a write transaction on PostgreSQL, tells every Watcher at commit.
func notifyChange(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `NOTIFY `+changesChannel)
	return err
}

// pgListener is the PostgreSQL side of a Watcher.
type pgListener struct {
	db   *sql.DB
	path string

	mu      sync.Mutex
	changed bool  // a notification, or a reconnect that may have missed some, since the last Changed
	down    error // the server could not be reached on the last try; nil while listening
	closed  bool

	stop context.CancelFunc
	done chan struct{} // closed when the goroutine has given its connection up
}

// newPGWatcher LISTENs before it returns, so every commit after NewWatcher is seen. A server
// that cannot be reached now gives a watcher all the same, that says so until it can.
func (s *Store) newPGWatcher(ctx context.Context) (*Watcher, error) {
	l := &pgListener{db: s.db, path: s.path, done: make(chan struct{})}
	conn, err := l.listen(ctx)
	if err != nil {
		if AsError(err).Key != "db.unreachable" {
			return nil, err
		}
		l.down = err
	}
	lctx, stop := context.WithCancel(ctx)
	l.stop = stop
	go l.run(lctx, conn)
	w := &Watcher{ctx: ctx, path: s.path, pg: l}
	context.AfterFunc(ctx, func() { w.Close() })
	return w, nil
}

// listen takes a connection out of the pool and LISTENs on it.
func (l *pgListener) listen(ctx context.Context) (*sql.Conn, error) {
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return nil, dbError(err, l.path)
	}
	if _, err := conn.ExecContext(ctx, `LISTEN `+changesChannel); err != nil {
		discard(conn)
		return nil, dbError(err, l.path)
	}
	return conn, nil
}

// run waits for notifications on conn until ctx ends; when the connection drops (or there was
// none) it takes a new one, and reports a change once, since commits may have gone by unheard.
func (l *pgListener) run(ctx context.Context, conn *sql.Conn) {
	defer close(l.done)
	for {
		if conn != nil {
			l.wait(ctx, conn)
			discard(conn) // never back to the pool: it is listening, or dead
		}
		if conn = l.relisten(ctx); conn == nil {
			return // ctx ended
		}
		l.set(true, nil)
	}
}

// relisten tries every reconnectEvery until it listens again, saying meanwhile why it cannot;
// nil when ctx ends first.
func (l *pgListener) relisten(ctx context.Context) *sql.Conn {
	for ctx.Err() == nil {
		conn, err := l.listen(ctx)
		if err == nil {
			return conn
		}
		if ctx.Err() != nil {
			return nil
		}
		l.set(false, err)
		select {
		case <-ctx.Done():
		case <-time.After(reconnectEvery):
		}
	}
	return nil
}

// wait returns when ctx ends or the connection fails; each notification raises the flag.
func (l *pgListener) wait(ctx context.Context, conn *sql.Conn) {
	conn.Raw(func(dc any) error {
		pc, ok := dc.(*pgConn)
		if !ok {
			return driver.ErrBadConn
		}
		for {
			if _, err := pc.Conn.Conn().WaitForNotification(ctx); err != nil {
				return err
			}
			l.set(true, nil)
		}
	})
}

// discard closes conn and has the pool drop its driver connection instead of keeping it.
func discard(conn *sql.Conn) {
	conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}

func (l *pgListener) set(changed bool, down error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.changed = l.changed || changed
	l.down = down
}

// check is Changed on PostgreSQL: the flag, cleared; or why the server cannot be heard now.
func (l *pgListener) check() (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return false, &Error{Code: Internal, Key: "db.error", Detail: "watcher closed"}
	}
	if l.down != nil {
		return false, l.down
	}
	changed := l.changed
	l.changed = false
	return changed, nil
}

// close stops the goroutine and waits until its connection is given up; a second Close (the
// screen's, and the one when the session's ctx ends) waits as well.
func (l *pgListener) close() error {
	l.mu.Lock()
	l.closed = true
	l.mu.Unlock()
	l.stop()
	<-l.done
	return nil
}
