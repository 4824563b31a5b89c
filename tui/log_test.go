package tui

import (
	"errors"
	"path/filepath"
	"regexp"
	"testing"

	"gigdesk/store"
	"gigdesk/store/oplog"
	"gigdesk/tui/i18n"
)

// The log handed to New reaches every screen: the catalogue words internal errors with a
// code it logged, and Admin reads the same log.
func TestLogReachesScreens(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "station.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l, err := oplog.Open(filepath.Join(dir, "station.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	c := New(Options{Store: s, Lang: i18n.En, Log: l}).Common()
	if c.Log != l {
		t.Fatal("Common has no log")
	}
	msg := c.Cat.Err(&store.Error{Code: store.Internal, Key: "db.error", Op: "Worker", Err: errors.New("disk I/O error")})
	code := regexp.MustCompile(`E-[0-9A-F]{4}`).FindString(msg)
	if es := l.Recent(1); code == "" || len(es) != 1 || es[0].Code != code || es[0].Op != "Worker" {
		t.Fatalf("%q, logged %+v", msg, es)
	}
	if plain := New(Options{Store: s, Lang: i18n.En}).Common().Cat.Err(errors.New("x")); regexp.MustCompile(`E-`).MatchString(plain) {
		t.Fatalf("without a log no code is promised: %q", plain)
	}
}
