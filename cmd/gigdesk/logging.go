package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"gigdesk/store"
	"gigdesk/store/oplog"
	"gigdesk/tui/i18n"
)

// logBeside opens the operations log beside the database at db (once per process) and
// writes the start line. A log that cannot be opened is said once on stderr and the
// command goes on without it: a station must still be able to work on a full log folder.
func (env *Env) logBeside(db string) *oplog.Log {
	if env.Log != nil || env.noLog {
		return env.Log
	}
	db = store.LocalPath(db, dataDir())  // a PostgreSQL database's log is kept in the data folder
	os.MkdirAll(filepath.Dir(db), 0o700) // as store.Open would; if it cannot, store.Open says why
	l, err := oplog.Open(db)
	if err != nil {
		env.noLog = true
		if fi, serr := os.Stat(filepath.Dir(db)); serr == nil && fi.IsDir() {
			fmt.Fprintln(env.Stderr, "gigdesk: the log cannot be written: "+err.Error())
		}
		return nil
	}
	env.Log = l
	v, c, _ := buildInfo()
	l.Event("start", "command", env.Command, "version", v, "commit", c, "db", filepath.Base(db), "pid", os.Getpid())
	return l
}

// stopLog writes the stop line with how the command ended, and closes the log.
func (env *Env) stopLog(err error) {
	if env.Log == nil {
		return
	}
	args := []any{"command", env.Command, "ms", time.Since(env.started).Milliseconds()}
	switch se := store.AsError(err); {
	case err == nil || errors.Is(err, errQuiet):
		args = append(args, "outcome", "ok")
	case se != nil:
		args = append(args, "outcome", string(se.Code), "key", se.Key)
		if se.Trace != "" {
			args = append(args, "code", se.Trace)
		}
	default:
		cause := err
		if w, ok := err.(*worded); ok {
			cause = w.err // the English cause, not the line printed for staff
		}
		args = append(args, "outcome", "error", "cause", cause.Error())
	}
	env.Log.Event("stop", args...)
	env.Log.Close()
}

// catalog is the catalogue a command words its messages with, logging internal errors.
func (env *Env) catalog() *i18n.Catalog {
	cat := i18n.New(env.Lang)
	if env.Log != nil {
		cat.Log = env.Log
	}
	return cat
}

// printRecentErrors lists the last internal errors of the log beside db (gigdesk check);
// sayNone also says when there are none.
func printRecentErrors(w io.Writer, cat *i18n.Catalog, db string, sayNone bool) {
	db = store.LocalPath(db, dataDir())
	es, err := oplog.ReadRecent(oplog.PathFor(db), 10)
	if err != nil {
		fmt.Fprintln(w, cat.T("log.unreadable", oplog.PathFor(db), err.Error()))
		return
	}
	if len(es) == 0 {
		if !sayNone {
			return
		}
		fmt.Fprintln(w, cat.T("log.no_errors", oplog.PathFor(db)))
		return
	}
	fmt.Fprintln(w, cat.T("log.recent_errors", len(es), oplog.PathFor(db)))
	for _, e := range es {
		fmt.Fprintf(w, "  %s  %s  %s  %s\n", e.Code, e.Time.In(store.Shanghai).Format("2006-01-02 15:04:05"), e.Op, e.Cause)
	}
}
