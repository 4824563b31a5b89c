package main

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/store/testdb"
)

// TestMain gives the tests, on PostgreSQL, a data folder of their own: there a station keeps the
// files a SQLite station keeps beside its file (the log, exports, slips, the serve host key).
func TestMain(m *testing.M) {
	if testdb.Postgres() {
		dir, err := os.MkdirTemp("", "gigdesk-data-")
		if err != nil {
			panic(err)
		}
		os.Setenv("XDG_DATA_HOME", dir)
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// stationDB is where a test's station lives: name, a SQLite file in a temp folder, or a fresh
// PostgreSQL database when GIGDESK_TEST_PG is set (store/testdb), dropped when the test ends.
func stationDB(t testing.TB, name string) string {
	t.Helper()
	return testdb.New(t, name)
}

// besideDB is the folder of the files the station keeps beside its database: the SQLite file's
// folder, or on PostgreSQL this PC's folder for that database (made here, as the first command
// run on it would make it).
func besideDB(db string) string {
	dir := filepath.Dir(store.LocalPath(db, dataDir()))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		panic(err)
	}
	return dir
}

// footerDB is how the footer names db: its path, or on PostgreSQL host/dbname, of which the
// database's name is enough to find it.
func footerDB(db string) string {
	if !store.IsPostgresURL(db) {
		return db
	}
	u, err := url.Parse(db)
	if err != nil {
		panic(err)
	}
	return "/" + strings.TrimPrefix(u.Path, "/")
}

// skipOnPostgres skips a test of what only a SQLite file has, saying why.
func skipOnPostgres(t testing.TB, why string) {
	t.Helper()
	if testdb.Postgres() {
		t.Skip("SQLite only: " + why)
	}
}
