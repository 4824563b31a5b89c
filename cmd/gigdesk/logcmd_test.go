package main

import (
	"errors"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/store/oplog"
)

// check lists the internal errors of the log beside the database: the code a clerk read out,
// the operation and the cause.
func TestCheckListsRecentErrors(t *testing.T) {
	db := stationDB(t, "station.db")
	if out, err := gd(t, "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v %s", err, out)
	}
	out, err := gd(t, "check", "--db", db, "--lang", "en")
	if err != nil || !strings.Contains(out, "holds no internal errors") {
		t.Fatalf("check of a clean log: %v\n%s", err, out)
	}
	l, err := oplog.Open(store.LocalPath(db, dataDir()))
	if err != nil {
		t.Fatal(err)
	}
	code := l.Internal("SaveWorker", errors.New("disk I/O error"))
	l.Close()
	out, err = gd(t, "check", "--db", db, "--lang", "en")
	if err != nil || !strings.Contains(out, "The last 1 internal errors") || !strings.Contains(out, code+"  ") ||
		!strings.Contains(out, "SaveWorker  disk I/O error") {
		t.Fatalf("check does not list %s: %v\n%s", code, err, out)
	}
}

func TestVersionNamesCommitAndDate(t *testing.T) {
	out, err := gd(t, "version")
	if err != nil || !strings.HasPrefix(out, "gigdesk ") || !strings.Contains(out, "commit ") || !strings.Contains(out, "built ") {
		t.Fatalf("version: %v %q", err, out)
	}
}
