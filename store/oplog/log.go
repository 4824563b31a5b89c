// Package oplog is the station's operations log: one JSON line per event (start, stop,
// migration, backup, restore, import, export, every internal error with its code), written
// beside the database to a size-bounded rotating file that only its owner can read. Every
// line passes through one masking handler, so names, phones and ID numbers never reach it.
package oplog

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"gopkg.in/natefinch/lumberjack.v2"
)

// Bounds of the file: 5 MB a file, the current one and three older ones.
const (
	maxMB      = 5
	maxBackups = 3
)

// Log is an open operations log. A nil *Log discards everything, so code that logs does not
// have to ask whether a log was opened (tests, tools).
type Log struct {
	*slog.Logger
	path string
	file *lumberjack.Logger

	mu     sync.Mutex
	recent []Entry // internal errors of this process, newest last
}

// PathFor is the log file beside the database at db: station.db → station.log.
func PathFor(db string) string {
	ext := filepath.Ext(db)
	if ext == ".log" || ext == "" {
		return db + ".log"
	}
	return strings.TrimSuffix(db, ext) + ".log"
}

// Open opens (creating if needed, mode 0600) the log beside the database at db.
func Open(db string) (*Log, error) {
	path := PathFor(db)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	// a file someone made readable to all is narrowed again: the log is the station's own
	if err := os.Chmod(path, 0o600); err != nil {
		return nil, err
	}
	lj := &lumberjack.Logger{Filename: path, MaxSize: maxMB, MaxBackups: maxBackups, LocalTime: true}
	l := New(lj)
	l.path, l.file = path, lj
	return l, nil
}

// New writes the log as JSON lines to w, through the masking handler.
func New(w io.Writer) *Log {
	h := slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})
	return &Log{Logger: slog.New(Mask(h))}
}

// Discard is a log that writes nothing.
func Discard() *Log { return New(io.Discard) }

// Path is the file the log writes to ("" for a log that is not a file).
func (l *Log) Path() string {
	if l == nil {
		return ""
	}
	return l.path
}

// Slog is the logger to hand to packages that take a *slog.Logger (the store).
func (l *Log) Slog() *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l.Logger
}

// Close flushes and closes the file.
func (l *Log) Close() error {
	if l == nil || l.file == nil {
		return nil
	}
	return l.file.Close()
}

// Event logs one thing the station did (start, stop, backup …) at info level.
func (l *Log) Event(msg string, args ...any) {
	if l == nil {
		return
	}
	l.Logger.Log(context.Background(), slog.LevelInfo, msg, args...)
}

// Internal logs an internal error with its operation and cause and returns the short code
// the screen shows beside it (E-7F3A), so a clerk can read it out and the head can find the line.
func (l *Log) Internal(op string, err error, args ...any) string {
	code := NewCode()
	if l == nil {
		return code
	}
	cause := ""
	if err != nil {
		cause = err.Error()
	}
	attrs := append([]any{KeyCode, code, KeyOp, op, KeyCause, cause}, args...)
	l.Logger.Log(context.Background(), slog.LevelError, MsgInternal, attrs...)
	e := Entry{Code: code, Op: op, Cause: Scrub(cause)}
	e.Time = now()
	l.mu.Lock()
	l.recent = append(l.recent, e)
	if len(l.recent) > keepRecent {
		l.recent = l.recent[len(l.recent)-keepRecent:]
	}
	l.mu.Unlock()
	return code
}

// The attribute keys and message of an internal error line, read back by Recent.
const (
	MsgInternal = "internal error"
	KeyCode     = "code"
	KeyOp       = "op"
	KeyCause    = "cause"
)

const keepRecent = 50

// NewCode is a fresh error code: E- and four hex digits.
func NewCode() string {
	var b [2]byte
	_, _ = rand.Read(b[:])
	return "E-" + strings.ToUpper(hex.EncodeToString(b[:]))
}
