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
	if _, err := db.ExecContext(ctx, `CREATE DATABASE `+dbname); err != nil {
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
