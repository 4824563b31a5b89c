package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// The loader's writer: rows are buffered per table and written as multi-row INSERTs through
// prepared statements by a second goroutine, parents' rows before their children's.

// maxBulkVars stays under SQLite's default limit of 32766 bound parameters per statement.
const maxBulkVars = 30000

// batcher buffers rows of one table and hands them to the loader's writer as multi-row INSERTs.
type batcher struct {
	l       *Loader
	table   string
	cols    int
	columns []string // their names, for COPY
	prefix  string   // INSERT INTO t (a, b) VALUES
	rowSQL  string   // (?, ?)
	suffix  string   // ON CONFLICT …, if any
	perStmt int
	stmts   [5]*sql.Stmt // one per size, prepared and used by the writer only
	buf     []any
	rows    int
	spare   chan []any // buffers the writer has finished with
	made    int
	deps    []*batcher         // parents whose rows must be written first (foreign keys are checked per statement)
	refs    []ref              // a fresh load's foreign keys, checked in memory (bulk_refs.go)
	keep    map[int64]struct{} // the ids of this table, if others point at it
}

// buffersPerTable bounds how far generation may run ahead of SQLite.
const buffersPerTable = 4

func (b *batcher) add(args ...any) error {
	if len(args) != b.cols {
		return fmt.Errorf("bulk %s: %d values for %d columns", b.table, len(args), b.cols)
	}
	if b.l.refs != nil {
		if err := b.see(args); err != nil {
			return err
		}
	}
	if b.buf == nil {
		b.buf = b.buffer()
	}
	b.buf = append(b.buf, args...)
	b.rows++
	if b.rows == b.perStmt {
		return b.flush()
	}
	return nil
}

func (b *batcher) buffer() []any {
	select {
	case buf := <-b.spare:
		return buf
	default:
	}
	if b.made < buffersPerTable {
		b.made++
		return make([]any, 0, b.perStmt*b.cols)
	}
	return <-b.spare
}

// flush queues the buffered rows (after any rows of parent tables) for the writer.
func (b *batcher) flush() error {
	if b.rows == 0 {
		return b.l.failed()
	}
	for _, d := range b.deps {
		if err := d.flush(); err != nil {
			return err
		}
	}
	if err := b.l.failed(); err != nil {
		return err
	}
	b.l.work <- write{b: b, args: b.buf, rows: b.rows}
	b.buf, b.rows = nil, 0
	return nil
}

// exec runs on the writer goroutine. A short batch (a table flushed early because a child
// table's rows need it) goes through a few prepared sizes instead of a one-off statement.
// On PostgreSQL a table without an ON CONFLICT clause takes its rows by COPY instead.
func (b *batcher) exec(args []any, rows int) error {
	if b.copies() {
		return b.copyRows(args, rows)
	}
	off := 0
	for i, n := range b.sizes() {
		for rows-off >= n {
			if b.stmts[i] == nil {
				st, err := b.l.tx.PrepareContext(b.l.ctx, b.insertSQL(n))
				if err != nil {
					return fmt.Errorf("bulk %s: %w", b.table, err)
				}
				b.stmts[i] = st
			}
			if _, err := b.stmts[i].ExecContext(b.l.ctx, args[off*b.cols:(off+n)*b.cols]...); err != nil {
				return fmt.Errorf("bulk %s: %w", b.table, err)
			}
			off += n
		}
	}
	return nil
}

// sizes are the statement sizes (rows) a batch is cut into, largest first.
func (b *batcher) sizes() []int {
	out := []int{b.perStmt}
	for _, n := range []int{64, 16, 4, 1} {
		if n < b.perStmt {
			out = append(out, n)
		}
	}
	return out
}

func (b *batcher) insertSQL(rows int) string {
	var sb strings.Builder
	sb.Grow(len(b.prefix) + rows*(len(b.rowSQL)+1))
	sb.WriteString(b.prefix)
	for i := range rows {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(b.rowSQL)
	}
	sb.WriteString(b.suffix)
	return sb.String()
}

// write is one statement for the writer, or (b == nil) a barrier it closes when it gets there.
type write struct {
	b       *batcher
	args    []any
	rows    int
	reached chan struct{}
}

func (l *Loader) writer() {
	defer close(l.stopped)
	for w := range l.work {
		if w.b == nil {
			close(w.reached)
			continue
		}
		if l.failed() == nil {
			if err := w.b.exec(w.args, w.rows); err != nil {
				l.mu.Lock()
				l.err = err
				l.mu.Unlock()
			}
		}
		clear(w.args)
		w.b.spare <- w.args[:0]
	}
}

func (l *Loader) failed() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// sync flushes every table and waits until the writer has run all it was given.
func (l *Loader) sync() error {
	for _, b := range l.all {
		if err := b.flush(); err != nil {
			return err
		}
	}
	reached := make(chan struct{})
	l.work <- write{reached: reached}
	<-reached
	return l.failed()
}

// stop ends the writer; rows still queued (after an error in fn) are dropped, not written.
func (l *Loader) stop() {
	l.mu.Lock()
	if l.err == nil {
		l.err = errors.New("bulk: loader stopped")
	}
	l.mu.Unlock()
	close(l.work)
	<-l.stopped
}
