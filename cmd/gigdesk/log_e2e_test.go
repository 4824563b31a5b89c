package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/oplog"
	"gigdesk/store/testdb"
)

// personalValues is every name, phone and ID number the station holds: workers, employers
// (and their contacts) and staff, read straight from the file.
func personalValues(t *testing.T, db string) []string {
	t.Helper()
	conn, err := store.OpenSQL(db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var out []string
	for _, q := range []string{
		`SELECT name, coalesce(phone, ''), coalesce(id_number, '') FROM workers`,
		`SELECT name, contact, coalesce(phone, '') FROM employers`,
		`SELECT name, '', '' FROM staff`,
	} {
		rows, err := conn.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var a, b, c string
			if err := rows.Scan(&a, &b, &c); err != nil {
				t.Fatal(err)
			}
			for _, v := range []string{a, b, c} {
				if len([]rune(v)) >= 2 {
					out = append(out, v)
				}
			}
		}
		rows.Close()
	}
	return out
}

// assertLogClean checks the log beside db exists, is the owner's alone, holds a start and a
// stop line, and holds none of the station's names, phones or ID numbers (nor extra, typed
// values the file no longer holds, such as an ID number corrected before saving).
func assertLogClean(t *testing.T, db string, extra ...string) string {
	t.Helper()
	path := oplog.PathFor(store.LocalPath(db, dataDir()))
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no log beside the database: %v", err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("log %s has mode %v, want 0600", path, fi.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	log := string(b)
	if !strings.Contains(log, `"msg":"start"`) || !strings.Contains(log, `"msg":"stop"`) {
		t.Errorf("log lacks start or stop:\n%s", log)
	}
	values := append(personalValues(t, db), extra...)
	if len(values) < 3 {
		t.Fatalf("only %d personal values to look for", len(values))
	}
	for _, v := range values {
		if strings.Contains(log, v) {
			t.Errorf("the log holds %q:\n%s", v, log)
		}
	}
	return log
}

// TestDemoDayLogHoldsNoPersonalData: demo data, an afternoon at the desk in the real binary
// (every screen, a search by name, Admin's error section), then backup, export, report and
// check; the log holds each step and none of the demo people.
func TestDemoDayLogHoldsNoPersonalData(t *testing.T) {
	needTmux(t)
	db := stationDB(t, "station.db")
	if out, err := gd(t, "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v %s", err, out)
	}
	people := personalValues(t, db)
	tm := StartTerm(t, 120, 36, nil, "--db", db, "--lang", "zh")
	tm.WaitFor("Enter")
	tm.Keys("Enter")
	tm.OnDuty(demo.PIN)
	tm.WaitFor("值班")
	tm.Keys("C-f")
	tm.Type(people[0])
	for _, k := range []string{"Escape", "F2", "F3", "F4", "F5", "F1"} {
		tm.Keys(k)
	}
	tm.Keys("F6")
	tm.WaitFor("站长管理")
	tm.Keys("F10")
	tm.WaitFor("EXIT=0")
	for _, args := range [][]string{
		{"export", "workers", "--db", db, "--out", filepath.Join(t.TempDir(), "w.csv")},
		{"report", "--db", db},
		{"check", "--db", db},
	} {
		if out, err := gd(t, args...); err != nil {
			t.Fatalf("%v: %v %s", args, err, out)
		}
	}
	if !testdb.Postgres() { // PostgreSQL is backed up with pg_dump: gigdesk backup only says so
		if out, err := gd(t, "backup", "--db", db); err != nil {
			t.Fatalf("backup: %v %s", err, out)
		}
	}
	log := assertLogClean(t, db)
	wants := []string{`"command":"ui"`, `"msg":"export done"`, `"command":"report"`, `"msg":"migration applied"`}
	if !testdb.Postgres() {
		wants = append(wants, `"msg":"backup written"`)
	}
	for _, want := range wants {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %s:\n%s", want, log)
		}
	}
}
