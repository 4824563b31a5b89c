package testdb

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"
)

// Kept is the URL of a database named name on the test server that outlives the test run:
// the district benchmarks' hundred thousand workers are built once, by build, and reopened in
// a moment afterwards. It is built under another name and renamed when build succeeds, so a
// build cut short is never taken for the real one.
func Kept(tb testing.TB, name string, build func(url string) error) string {
	tb.Helper()
	admin := os.Getenv(Env)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	defer db.Close()
	var have bool
	if err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&have); err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	if !have {
		building := fmt.Sprintf("%s_building_%d", name, os.Getpid())
		if _, err := db.Exec(`CREATE DATABASE ` + building); err != nil {
			tb.Fatalf("create %s: %v", building, err)
		}
		if err := build(withDB(tb, admin, building)); err != nil {
			drop(tb, admin, building)
			tb.Fatalf("build %s: %v", name, err)
		}
		// the builder's pool may still hold a connection for a moment: RENAME refuses while one is open
		time.Sleep(100 * time.Millisecond)
		if _, err := db.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, building); err != nil {
			tb.Fatal(err)
		}
		if _, err := db.Exec(`ALTER DATABASE ` + building + ` RENAME TO ` + name); err != nil {
			drop(tb, admin, building)
			tb.Fatalf("rename %s: %v", building, err)
		}
	}
	return withDB(tb, admin, name)
}

// CopyOf is a fresh test database holding what the database at from holds (from must have no
// connection open: PostgreSQL copies a database only while nobody uses it), dropped when tb ends.
func CopyOf(tb testing.TB, from string) string {
	tb.Helper()
	u, err := url.Parse(from)
	if err != nil {
		tb.Fatal(err)
	}
	return create(tb, os.Getenv(Env), u.Path[1:])
}

func withDB(tb testing.TB, admin, name string) string {
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	u.Path = "/" + name
	return u.String()
}
