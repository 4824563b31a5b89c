package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"time"
)

// On PostgreSQL every write transaction sends NOTIFY on changesChannel, which the server delivers
// to every listening connection when (and only if) the transaction commits. The store's watchers
// share one listening connection; a goroutine waits on it and raises every watcher's flag, so
// Changed never touches the network.
const changesChannel = "gigdesk_changes"

// reconnectEvery is how long the listener waits between tries while the server cannot be reached.
const reconnectEvery = 500 * time.Millisecond

// notifyChange, inside a write transaction on PostgreSQL, tells every Watcher at commit.
func notifyChange(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `NOTIFY `+changesChannel)
	return err
}

// pgListener is the hub's listening connection on PostgreSQL. Its down field (read and written
// under the hub's lock) says why the server cannot be heard now; nil while listening.
type pgListener struct {
	hub  *watchHub
	db   *sql.DB
	path string
	down error

	stop context.CancelFunc
	done chan struct{} // closed when the goroutine has given its connection up
}

// startListener LISTENs before it returns, so every commit after NewWatcher is heard. A server
// that cannot be reached now gives a listener all the same, that says so until it can.
func (s *Store) startListener(ctx context.Context) (*pgListener, error) {
	l := &pgListener{hub: &s.watch, db: s.db, path: s.path, done: make(chan struct{})}
	conn, err := l.listen(ctx)
	if err != nil {
		if AsError(err).Key != "db.unreachable" {
			return nil, err
		}
		l.down = err
	}
	// the listener outlives the watcher that started it: it stops with the last one
	lctx, stop := context.WithCancel(context.Background())
	l.stop = stop
	go l.run(lctx, conn)
	return l, nil
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
		l.report(true, nil)
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
		l.report(false, err)
		select {
		case <-ctx.Done():
		case <-time.After(reconnectEvery):
		}
	}
	return nil
}

// wait returns when ctx ends or the connection fails; each notification raises the flags.
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
			l.report(true, nil)
		}
	})
}

// discard closes conn and has the pool drop its driver connection instead of keeping it.
func discard(conn *sql.Conn) {
	conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}

// report raises every watcher's flag on a change and records whether the server can be heard.
// A listener already detached from the hub (its last watcher closed) reports to no one.
func (l *pgListener) report(changed bool, down error) {
	h := l.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.pg != l {
		return
	}
	l.down = down
	if changed {
		for w := range h.watchers {
			w.changed = true
		}
	}
}

// close stops the goroutine and waits until its connection is given up.
func (l *pgListener) close() {
	l.stop()
	<-l.done
}
