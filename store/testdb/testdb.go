// Package testdb hands each test a fresh, empty database to open the store on: a file in the
// test's temp folder, or, when GIGDESK_TEST_PG holds a PostgreSQL URL, a new database on that
// server, dropped when the test ends. The same suite so runs on both engines:
//
//	GIGDESK_TEST_PG=postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable go test ./store/...
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create and drop test databases
)

// Env is the variable that points the tests at a PostgreSQL server.
const Env = "GIGDESK_TEST_PG"

// Postgres reports whether the tests run on PostgreSQL.
func Postgres() bool { return os.Getenv(Env) != "" }

// New returns where a fresh database for t lives: a SQLite path (name in t's temp folder, the
// file not yet made) or the URL of a new PostgreSQL database. Open the store on it.
func New(t testing.TB, name ...string) string {
	t.Helper()
	admin := os.Getenv(Env)
	if admin == "" {
		file := "gigdesk.db"
		if len(name) > 0 {
			file = name[0]
		}
		return filepath.Join(t.TempDir(), file)
	}
	return create(t, admin, "")
}

// create makes a new test database on the server at admin, a copy of template if one is named,
// and returns its URL; it is dropped when t ends.
func create(t testing.TB, admin, template string) string {
	t.Helper()
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	defer db.Close()
	var b [6]byte
	rand.Read(b[:])
	dbname := "gd_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	q := `CREATE DATABASE ` + dbname
	if template != "" {
		q += ` TEMPLATE ` + template
	}
	_, err = db.ExecContext(ctx, q)
	// a template still in use (a reader of it just closed is leaving) is refused for a moment
	for try := 0; err != nil && template != "" && strings.Contains(err.Error(), "being accessed") && try < 20; try++ {
		time.Sleep(250 * time.Millisecond)
		_, err = db.ExecContext(ctx, q)
	}
	if err != nil {
		t.Fatalf("create test database on %s: %v", u.Redacted(), err)
	}
	t.Cleanup(func() { drop(t, admin, dbname) })
	u.Path = "/" + dbname
	return u.String()
}

// drop removes a test's database, closing any connection the test left open.
func drop(t testing.TB, admin, dbname string) {
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Errorf("drop %s: %v", dbname, err)
		return
	}
	defer db.Close()
	if _, err := db.Exec(`DROP DATABASE IF EXISTS ` + dbname + ` WITH (FORCE)`); err != nil {
		t.Errorf("drop %s: %v", dbname, err)
	}
}

// SkipOnPostgres skips t when the tests run on PostgreSQL; why says what only SQLite has.
func SkipOnPostgres(t testing.TB, why string) {
	t.Helper()
	if Postgres() {
		t.Skip("SQLite only: " + why)
	}
}

// EndSessions ends every connection open to the PostgreSQL database at target, as a server
// restart or a dropped network does to a station's PCs; the server itself and other databases
// on it are left alone. New connections are let in at once.
func EndSessions(t testing.TB, target string) {
	t.Helper()
	admin(t, target, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`)
}

// LoseServer makes the PostgreSQL database at target unreachable, as a server lost mid-session:
// no new connection is let in and every open one is ended. back lets connections in again (the
// server is back); the test's cleanup does so too.
func LoseServer(t testing.TB, target string) (back func()) {
	t.Helper()
	name := dbName(t, target)
	admin(t, target, `ALTER DATABASE `+name+` ALLOW_CONNECTIONS false`)
	EndSessions(t, target)
	back = func() { admin(t, target, `ALTER DATABASE `+name+` ALLOW_CONNECTIONS true`) }
	t.Cleanup(back)
	return back
}

// admin runs query, given target's database name as $1 if it takes one, on the test server's
// admin database (GIGDESK_TEST_PG), never on target itself.
func admin(t testing.TB, target, query string) {
	t.Helper()
	if !Postgres() {
		t.Fatalf("testdb: %s needs PostgreSQL", query)
	}
	db, err := sql.Open("pgx", os.Getenv(Env))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var args []any
	if strings.Contains(query, "$1") {
		args = append(args, dbName(t, target))
	}
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("testdb: %s: %v", query, err)
	}
}

// dbName is the database a test URL from New names.
func dbName(t testing.TB, target string) string {
	t.Helper()
	u, err := url.Parse(target)
	name := strings.TrimPrefix(u.Path, "/")
	if err != nil || !strings.HasPrefix(name, "gd_test_") {
		t.Fatalf("testdb: %q is not a test database made by New", target)
	}
	return name
}
