package store_test

import (
	"context"
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/testdb"

	gossh "golang.org/x/crypto/ssh"
)

var copyNow = time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)

func copyClock() store.Option { return store.WithClock(func() time.Time { return copyNow }) }

// copyStation builds a small demo station in a SQLite file, with a counter and guide pay so
// that every table holds rows; it returns the file's path.
func copyStation(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "station.db")
	s, err := store.Open(path, copyClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := demo.Generate(ctx, s, demo.Options{Workers: 150, Employers: 20, Days: 12, Seed: 5, Now: copyNow}); err != nil {
		t.Fatal(err)
	}
	head := must(s.ListStaff(ctx))(t)[0].ID
	seed := make([]byte, ed25519.SeedSize)
	key, err := gossh.NewPublicKey(ed25519.NewKeyFromSeed(seed).Public())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCounter(ctx, head, store.NewCounter{Name: "登记台", Key: string(gossh.MarshalAuthorizedKey(key))}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetGuidePay(ctx, head, 1, store.PayUnit("day"), 25000); err != nil {
		t.Fatal(err)
	}
	selfServiceRows(t, s, head)
	return path
}

// selfServiceRows gives the demo station a pre-registration and a request made at the
// self-service terminal, which the demo itself does not make.
func selfServiceRows(t *testing.T, s *store.Store, head int64) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.PreRegister(ctx, store.PreRegistration{Name: "陈新", Phone: "13700007777", Trades: []int64{1}, CommunityID: 100}); err != nil {
		t.Fatal(err)
	}
	e := must(s.Employer(ctx, 1))(t)
	_, j, err := s.CreateJob(ctx, head, e, store.Job{TradeID: 1, Headcount: 1, StartsAt: s.Now().Add(20 * time.Hour),
		Duration: 2 * time.Hour, PayFen: 30000, PayUnit: store.PerDay, Address: "后街3号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.CreateWorker(ctx, head, store.Worker{Name: "周自助", BirthYear: 1980, Phone: "13700008888", CommunityID: 100,
		Trades: []store.WorkerTrade{{TradeID: 1, Years: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AskForJob(ctx, w.ID, j.ID); err != nil {
		t.Fatal(err)
	}
}

// stationDump is every row of every table (but each database's own migrations), sorted.
func stationDump(t *testing.T, target string) map[string][]string {
	t.Helper()
	s, err := store.Open(target, copyClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	out := map[string][]string{}
	for _, tb := range must(s.Tables(ctx))(t) {
		if tb == "schema_migrations" || tb == "day_figures" { // each file's own; day_figures is counted again
			continue
		}
		rows := must(s.DumpTable(ctx, tb))(t)
		slices.Sort(rows) // the engines keep rows in different orders; every column is compared
		out[tb] = rows
	}
	return out
}

// sameStation fails t for every table whose rows differ between want and got.
func sameStation(t *testing.T, what string, want, got map[string][]string) {
	t.Helper()
	for tb, rows := range want {
		other, ok := got[tb]
		if !ok {
			t.Errorf("%s: table %s missing", what, tb)
			continue
		}
		if len(rows) != len(other) {
			t.Errorf("%s: table %s has %d rows, want %d", what, tb, len(other), len(rows))
			continue
		}
		for i := range rows {
			if rows[i] != other[i] {
				t.Errorf("%s: table %s differs:\n  want %s\n  got  %s", what, tb, rows[i], other[i])
				break
			}
		}
	}
	for tb := range got {
		if _, ok := want[tb]; !ok {
			t.Errorf("%s: table %s appeared", what, tb)
		}
	}
}

// copied runs a copy and checks it names every table of the source (but its migrations).
func copied(t *testing.T, from, to string) []store.CopyCount {
	t.Helper()
	counts, err := store.Copy(context.Background(), from, to, nil, copyClock())
	if err != nil {
		t.Fatalf("copy %s → %s: %v", from, to, err)
	}
	want := stationDump(t, from)
	for _, c := range counts {
		if int64(len(want[c.Table])) != c.Rows {
			t.Errorf("copy says %s: %d rows; the source has %d", c.Table, c.Rows, len(want[c.Table]))
		}
		delete(want, c.Table)
	}
	for tb := range want {
		t.Errorf("table %s was not copied: copy must take every table in the schema", tb)
	}
	return counts
}

func TestCopySQLiteToSQLite(t *testing.T) {
	orig := copyStation(t)
	want := stationDump(t, orig)
	for tb, rows := range want {
		if len(rows) == 0 && tb != "erasures" { // an erasure rebuilds the file: no place in a demo
			t.Errorf("table %s is empty in the demo station: the copy of it goes untested", tb)
		}
	}
	to := filepath.Join(t.TempDir(), "copy.db")
	copied(t, orig, to)
	sameStation(t, "sqlite → sqlite", want, stationDump(t, to))
}

// SQLite → PostgreSQL → SQLite: the PostgreSQL copy and the final file equal the original,
// row by row, and a record saved on the PostgreSQL copy takes a new id.
func TestCopyRoundTripThroughPostgres(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip("the PostgreSQL leg needs a server: set " + testdb.Env + " (TestCopySQLiteToSQLite covers SQLite alone)")
	}
	orig := copyStation(t)
	want := stationDump(t, orig)
	pg := testdb.New(t)
	copied(t, orig, pg)
	sameStation(t, "sqlite → postgres", want, stationDump(t, pg))
	back := filepath.Join(t.TempDir(), "back.db")
	copied(t, pg, back)
	sameStation(t, "sqlite → postgres → sqlite", want, stationDump(t, back))

	s, err := store.Open(pg, copyClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	clerk := must(s.ListStaff(ctx))(t)[1].ID
	w, err := s.CreateWorker(ctx, clerk, store.Worker{Name: "张三丰", BirthYear: 1975, Phone: "13800009999",
		CommunityID: 100, Trades: []store.WorkerTrade{{TradeID: 1, Years: 8}}})
	if err != nil {
		t.Fatalf("a worker saved after the copy: %v", err)
	}
	if n := int64(len(want["workers"])); w.ID <= n {
		t.Errorf("new worker took id %d, at or below the %d copied", w.ID, n)
	}
}

// A destination that holds a station is refused and left exactly as it was; so are a missing
// source, a file that is not a station, an older schema, a bad address and the same database.
func TestCopyRefuses(t *testing.T) {
	orig := copyStation(t)
	dir := t.TempDir()
	busy := testdb.New(t)
	if s, err := store.Open(busy, copyClock()); err != nil {
		t.Fatal(err)
	} else {
		_, err := s.Setup(context.Background(), "后街零工市场", "王芳")
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	before := stationDump(t, busy)
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("不是数据库"), 0o600); err != nil {
		t.Fatal(err)
	}
	older := filepath.Join(dir, "older.db")
	copied(t, orig, older)
	db, err := store.OpenSQL(older)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	fresh := filepath.Join(dir, "fresh.db")
	for _, tc := range []struct{ name, from, to, key string }{
		{"destination holds a station", orig, busy, "copy.not_empty"},
		{"no source", filepath.Join(dir, "nothing.db"), fresh, "copy.no_source"},
		{"not a database", notes, fresh, "db.not_sqlite"},
		{"older schema", older, filepath.Join(dir, "fresh2.db"), "copy.schema_differs"},
		{"bad address", orig, "postgres://me@host:notaport/db", "db.url"},
		{"not an address", orig, "mysql://me@host/db", "db.url"},
		{"same database", orig, orig, "copy.same"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := store.Copy(context.Background(), tc.from, tc.to, nil, copyClock())
			if se := store.AsError(err); se == nil || se.Key != tc.key {
				t.Fatalf("want %s, got %v", tc.key, err)
			}
		})
	}
	sameStation(t, "the refused destination", before, stationDump(t, busy))
	if _, err := os.Stat(fresh); err == nil {
		t.Error("a refused copy made the destination file")
	}
}

// A copy cancelled half-way leaves the destination with no station; run again, it finishes
// and equals the original.
func TestCopyInterruptedThenAgain(t *testing.T) {
	orig := copyStation(t)
	want := stationDump(t, orig)
	to := testdb.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	var written []string
	_, err := store.Copy(ctx, orig, to, func(c store.CopyCount) {
		written = append(written, c.Table)
		if c.Table == "workers" {
			cancel()
		}
	}, copyClock())
	cancel()
	if se := store.AsError(err); se == nil || se.Key != "copy.interrupted" || !errors.Is(err, context.Canceled) {
		t.Fatalf("want copy.interrupted, got %v", err)
	}
	if !slices.Contains(written, "workers") || len(written) >= len(want) {
		t.Fatalf("cancelled after %v: not half-way", written)
	}
	s, err := store.Open(to, copyClock())
	if err != nil {
		t.Fatal(err)
	}
	counts := must(s.TableCounts(context.Background()))(t)
	s.Close()
	for _, tb := range []string{"staff", "workers", "audit"} {
		if counts[tb] != 0 {
			t.Errorf("after the interrupted copy %s holds %d rows", tb, counts[tb])
		}
	}
	copied(t, orig, to)
	sameStation(t, "copied again", want, stationDump(t, to))
}
