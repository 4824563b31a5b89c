package store

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gigdesk/store/testdb"
)

// fixedNow is the tests' clock: a Saturday afternoon at the station.
var fixedNow = time.Date(2026, 11, 28, 14, 30, 0, 0, Shanghai)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(testdb.New(t), WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenMigratesFromEmptyAndReopensUnchanged(t *testing.T) {
	testdb.SkipOnPostgres(t, "a new file in a new folder, its pragmas and its bytes unchanged on reopening")
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "folder", "gigdesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := count(t, s, "schema_migrations"); got != len(mustMigrations(t)) {
		t.Fatalf("migrations applied = %d, want %d", got, len(mustMigrations(t)))
	}
	if got := count(t, s, "trades"); got != 14 {
		t.Fatalf("trades = %d, want the 14 of domain.md", got)
	}
	var journal, fk string
	s.db.QueryRow(`PRAGMA journal_mode`).Scan(&journal)
	s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if journal != "wal" || fk != "1" {
		t.Fatalf("journal_mode=%s foreign_keys=%s, want wal and 1", journal, fk)
	}
	// every pooled connection must carry the pragmas, not just the first
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		c, err := s.db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		conns[i] = c
		var sync int
		c.QueryRowContext(context.Background(), `PRAGMA synchronous`).Scan(&sync)
		if sync != 2 {
			t.Fatalf("connection %d synchronous=%d, want 2 (FULL)", i, sync)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	s.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("database mode %v, want 0600", info.Mode().Perm())
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got := count(t, s, "schema_migrations"); got != len(mustMigrations(t)) {
		t.Fatalf("reopen applied migrations again: %d", got)
	}
	if got := count(t, s, "trades"); got != 14 {
		t.Fatalf("reopen changed the trades: %d", got)
	}
}

func mustMigrations(t *testing.T) []migration {
	ms, err := migrations(SQLite)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestOpenRefusesNewerDatabaseAndLeavesItUntouched(t *testing.T) {
	path := testdb.New(t, "gigdesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if testdb.Postgres() { // no file to compare: the refusal is what counts
		if _, err = Open(path); ErrorCode(err) != Conflict || AsError(err).Key != "db.newer" {
			t.Fatalf("err = %v, want conflict db.newer", err)
		}
		return
	}
	before := must(os.ReadFile(path))(t)
	_, err = Open(path)
	if ErrorCode(err) != Conflict || AsError(err).Key != "db.newer" {
		t.Fatalf("err = %v, want conflict db.newer", err)
	}
	after := must(os.ReadFile(path))(t)
	if !bytes.Equal(before, after) {
		t.Fatal("a newer database was changed by opening it")
	}
}

func TestOpenBadFiles(t *testing.T) {
	testdb.SkipOnPostgres(t, "files that are not SQLite databases")
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("this is not a database, it is a shopping list"), 0o644)
	_, err := Open(text)
	if e := AsError(err); e == nil || e.Key != "db.not_sqlite" {
		t.Fatalf("text file: err = %v", err)
	}
	if b := must(os.ReadFile(text))(t); string(b) != "this is not a database, it is a shopping list" {
		t.Fatal("the text file was changed")
	}

	other := filepath.Join(dir, "other.db")
	db := must(sql.Open("sqlite", other))(t)
	must(db.Exec(`CREATE TABLE customers (id INTEGER)`))(t)
	db.Close()
	before := must(os.ReadFile(other))(t)
	_, err = Open(other)
	if e := AsError(err); e == nil || e.Key != "db.foreign" {
		t.Fatalf("another program's database: err = %v", err)
	}
	if after := must(os.ReadFile(other))(t); !bytes.Equal(before, after) {
		t.Fatal("another program's database was changed")
	}

	blocker := filepath.Join(dir, "blocker")
	os.WriteFile(blocker, nil, 0o644)
	_, err = Open(filepath.Join(blocker, "gigdesk.db"))
	if e := AsError(err); e == nil || e.Key != "db.folder" {
		t.Fatalf("folder under a file: err = %v", err)
	}
}

func TestOpenLockedDatabase(t *testing.T) {
	testdb.SkipOnPostgres(t, "another program holding the file locked")
	path := testdb.New(t, "gigdesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// another program holds an exclusive lock
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn := must(other.Conn(context.Background()))(t)
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `PRAGMA locking_mode=EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), `BEGIN EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	start := time.Now()
	q, err := openShortTimeout(path)
	if err == nil {
		q.Close()
		t.Fatal("opened a database another program holds locked")
	}
	if e := AsError(err); e == nil || e.Key != "db.locked" {
		t.Fatalf("err = %v, want db.locked", err)
	}
	if time.Since(start) > 30*time.Second {
		t.Fatal("waited far too long on a lock")
	}
}

// openShortTimeout opens like Open but with a short busy wait, so the lock test is quick.
func openShortTimeout(path string) (*Store, error) {
	s := &Store{path: path, now: time.Now, loc: Shanghai}
	if _, err := prepareFile(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(200)&_pragma=journal_mode(WAL)&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	s.db = db
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func TestEveryChangeIsAudited(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head, err := s.Setup(ctx, "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.CreateWorker(ctx, head.ID, Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1975,
		Trades: []WorkerTrade{{TradeID: 1, Years: 5}}, CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	w.Notes = "会电焊"
	if _, err := s.UpdateWorker(ctx, head.ID, w); err != nil {
		t.Fatal(err)
	}
	if err := s.SetWorkerStatus(ctx, head.ID, w.ID, Paused, "回老家一周"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RevealWorker(ctx, head.ID, w.ID, "phone"); err != nil {
		t.Fatal(err)
	}
	e, j, err := s.CreateJob(ctx, head.ID, Employer{Kind: Resident, Name: "李阿姨", Phone: "13900139000", Address: "后街社区3栋", CommunityID: 100},
		Job{TradeID: 1, Headcount: 1, StartsAt: fixedNow.Add(20 * time.Hour), Duration: 4 * time.Hour, PayFen: 30000, PayUnit: PerDay})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CloseJob(ctx, head.ID, j.ID, JobCancelled, "雇主不需要了"); err != nil {
		t.Fatal(err)
	}
	want := []struct{ action, entity string }{
		{"create", "staff"}, {"update", "settings"}, {"create", "worker"}, {"update", "worker"},
		{"status:paused", "worker"}, {"reveal:phone", "worker"}, {"create", "employer"}, {"create", "job"}, {"status:cancelled", "job"},
	}
	got, err := s.Audit(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("audit rows = %d, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		a := got[len(got)-1-i]
		if a.Action != w.action || a.Entity != w.entity || a.StaffID != head.ID || !a.At.Equal(fixedNow) {
			t.Errorf("audit %d = %+v, want %s %s by %d", i, a, w.action, w.entity, head.ID)
		}
	}
	for _, a := range got {
		if bytes.Contains([]byte(a.Detail), []byte("13800138000")) || bytes.Contains([]byte(a.Detail), []byte("13900139000")) {
			t.Fatalf("a phone number reached the audit log: %+v", a)
		}
	}
	if e.ID == 0 {
		t.Fatal("employer not saved with the job")
	}
}

func TestFailedChangeSavesNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
	before := count(t, s, "audit")
	// a job whose new employer is valid but whose trade does not exist: the employer must not be saved
	_, _, err := s.CreateJob(ctx, head.ID, Employer{Kind: Shop, Name: "老王面馆", Phone: "13700137000"},
		Job{TradeID: 999, Headcount: 1, StartsAt: fixedNow.Add(time.Hour), Duration: time.Hour, PayFen: 5000, PayUnit: PerHour})
	if err == nil {
		t.Fatal("job with an unknown trade was saved")
	}
	if n := count(t, s, "employers"); n != 0 {
		t.Fatalf("employers = %d after a failed job: half-saved", n)
	}
	if n := count(t, s, "audit"); n != before {
		t.Fatalf("audit rows written for a failed change")
	}
	// the same phone twice is a conflict that names the worker already there
	w1, err := s.CreateWorker(ctx, head.ID, Worker{Name: "陈静", Phone: "13512345678", BirthYear: 1980, Trades: []WorkerTrade{{TradeID: 9}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateWorker(ctx, head.ID, Worker{Name: "陈静", Phone: "135 1234 5678", BirthYear: 1980, Trades: []WorkerTrade{{TradeID: 9}}})
	if e := AsError(err); e == nil || e.Code != Conflict || e.Key != "worker.phone_taken" || e.Ref != w1.ID {
		t.Fatalf("duplicate phone: err = %v", err)
	}
}

func TestToday(t *testing.T) {
	// 23:30 UTC is already the next morning in Chongqing
	s, err := Open(testdb.New(t, "g.db"), WithClock(func() time.Time { return time.Date(2026, 11, 28, 23, 30, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.Today(); got != "2026-11-29" {
		t.Fatalf("Today = %s, want the station-local 2026-11-29", got)
	}
	start, end, err := s.DayRange("2026-11-29")
	if err != nil || end.Sub(start) != 24*time.Hour || start.UTC().Hour() != 16 {
		t.Fatalf("DayRange = %v %v %v", start, end, err)
	}
	if _, _, err := s.DayRange("2026-02-30"); ErrorCode(err) != Invalid {
		t.Fatalf("DayRange of 2月30日: %v", err)
	}
}

func TestOpenAppliesAMigrationMissedBelowTheNewest(t *testing.T) {
	path := testdb.New(t, "gigdesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ms := mustMigrations(t)
	// pretend the second migration was never applied, as on a file made by a build that lacked it
	second := ms[1].version
	if _, err := s.db.Exec(`DELETE FROM schema_migrations WHERE version = ?`, second); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM trade_aliases; DELETE FROM trade_relations; DELETE FROM trades; DELETE FROM places`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := count(t, s, "trades"); got != 14 {
		t.Fatalf("the missed migration was not applied: %d trades", got)
	}
}
