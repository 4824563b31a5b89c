package store

import (
	"net/url"
	"testing"

	"gigdesk/store/testdb"
)

func TestPgQuery(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT a FROM t WHERE b = ? AND c = ?`, `SELECT a FROM t WHERE b = $1 AND c = $2`},
		{`UPDATE w SET name = ?2 WHERE id = ?1`, `UPDATE w SET name = $2 WHERE id = $1`},
		{`SELECT '?' , "a?b", ? -- what?` + "\n" + `, ?`, `SELECT '?' , "a?b", $1 -- what?` + "\n" + `, $2`},
		{`SELECT count(*) FROM dispatches INDEXED BY dispatches_cancelled WHERE x = ?`, `SELECT count(*) FROM dispatches WHERE x = $1`},
		{`FROM dispatches d INDEXED BY dispatches_still_open JOIN jobs j`, `FROM dispatches d JOIN jobs j`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
		{`UPDATE t SET c = coalesce(c, ?3) WHERE id = ?1`, `UPDATE t SET c = coalesce(c, $2) WHERE id = $1`},
		{`SELECT ?, 'unclosed ?`, `SELECT $1, 'unclosed ?`},
	} {
		if got := pgQuery(c.in); got != c.want {
			t.Errorf("pgQuery(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOpenPostgresServerDown(t *testing.T) {
	// nothing listens on port 1: the one line names the server, and nothing is left open
	_, err := Open("postgres://gigdesk@127.0.0.1:1/district?sslmode=disable&connect_timeout=5")
	e := AsError(err)
	if e == nil || e.Key != "db.unreachable" || e.Detail != "127.0.0.1:1/district" {
		t.Fatalf("Open with the server down: %v, want db.unreachable naming 127.0.0.1:1/district", err)
	}
}

func TestLocalPath(t *testing.T) {
	if got := LocalPath("/data/station.db", "/home/x"); got != "/data/station.db" {
		t.Errorf("a SQLite file's local path = %q", got)
	}
	if got, want := LocalPath("postgres://u:secret@db.district:5433/jiulongpo?sslmode=disable", "/home/x"), "/home/x/db.district_5433_jiulongpo/gigdesk.db"; got != want {
		t.Errorf("LocalPath = %q, want %q", got, want)
	}
}

// TestOpenPostgresWrongNameOrUser: a database the server lacks and a user it refuses are each
// named as such, not as a database error with a code to phone in. Only on PostgreSQL: a SQLite
// path has neither a database name nor a user.
func TestOpenPostgresWrongNameOrUser(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip("a PostgreSQL server's own refusals: runs with " + testdb.Env)
	}
	u, err := url.Parse(testdb.New(t))
	if err != nil {
		t.Fatal(err)
	}
	missing := *u
	missing.Path = "/gd_no_such_database"
	if _, err := Open(missing.String()); AsError(err) == nil || AsError(err).Key != "db.pg_no_database" {
		t.Errorf("Open of a database the server lacks: %v, want db.pg_no_database", err)
	}
	stranger := *u
	stranger.User = url.User("gd_no_such_user")
	if _, err := Open(stranger.String()); AsError(err) == nil || AsError(err).Key != "db.pg_auth" {
		t.Errorf("Open as a user the server refuses: %v, want db.pg_auth", err)
	}
}
