package store

import (
	"context"
	"gigdesk/store/testdb"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

func TestBackupWhileWritingIsConsistent(t *testing.T) {
	testdb.SkipOnPostgres(t, "backups are SQLite files (VACUUM INTO); PostgreSQL is backed up with pg_dump, as TestBackupOnPostgresSaysPgDump checks")
	s := openTest(t)
	ctx := context.Background()
	head, err := s.Setup(ctx, "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "backups")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() { // another counter keeps registering people
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			w := Worker{Name: "张三", Phone: phoneN(i), BirthYear: 1980, Trades: []WorkerTrade{{TradeID: 1}}}
			if _, err := s.CreateWorker(ctx, head.ID, w); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var taken []Backup
	for range 3 {
		b, err := s.Backup(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		taken = append(taken, b)
	}
	close(stop)
	wg.Wait()
	for _, b := range taken {
		rep, err := CheckFile(ctx, b.Path)
		if err != nil || !rep.OK() {
			t.Fatalf("%s: %v %s", b.Path, err, rep.Summary())
		}
		info := must(os.Stat(b.Path))(t)
		if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
			t.Fatalf("backup mode %v, want 0600", info.Mode().Perm())
		}
		c, err := Open(b.Path)
		if err != nil {
			t.Fatalf("backup does not open: %v", err)
		}
		var workers, keys int
		c.db.QueryRow(`SELECT count(*) FROM workers`).Scan(&workers)
		c.db.QueryRow(`SELECT count(DISTINCT worker_id) FROM worker_keys`).Scan(&keys)
		c.Close()
		if workers != keys { // a torn copy would hold a worker without its search keys
			t.Fatalf("backup holds %d workers but keys for %d", workers, keys)
		}
	}
	list := must(ListBackups(dir, Shanghai))(t)
	if len(list) != 3 {
		t.Fatalf("listed %d backups", len(list))
	}
}

func phoneN(i int) string {
	const digits = "0123456789"
	b := []byte("13700000000")
	for p := 10; i > 0; p-- {
		b[p] = digits[i%10]
		i /= 10
	}
	return string(b)
}

func TestDailyBackupAndPrune(t *testing.T) {
	testdb.SkipOnPostgres(t, "backups are SQLite files; PostgreSQL is backed up with pg_dump")
	now := fixedNow
	s, err := Open(testdb.New(t, "gigdesk.db"), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	dir := BackupDir(s.Path())
	for day := range 5 {
		now = fixedNow.AddDate(0, 0, day)
		_, made, err := s.DailyBackup(ctx, dir, 3)
		if err != nil || !made {
			t.Fatalf("day %d: made=%v err=%v", day, made, err)
		}
		now = now.Add(2 * time.Hour)
		if _, made, err := s.DailyBackup(ctx, dir, 3); err != nil || made {
			t.Fatalf("day %d: a second start made a second backup (err %v)", day, err)
		}
	}
	list := must(ListBackups(dir, Shanghai))(t)
	if len(list) != 3 || s.DayOf(list[0].Taken) != "2026-12-02" || s.DayOf(list[2].Taken) != "2026-11-30" {
		t.Fatalf("kept %+v", list)
	}
	if b, ok := LatestBackup(dir, Shanghai); !ok || b.Path != list[0].Path {
		t.Fatal("latest backup")
	}
}

func TestRestore(t *testing.T) {
	testdb.SkipOnPostgres(t, "restore replaces a SQLite file; PostgreSQL is restored with pg_restore")
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.Setup(ctx, "后街零工市场", "王芳"); err != nil {
		t.Fatal(err)
	}
	b, err := s.Backup(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	target := filepath.Join(t.TempDir(), "station.db")
	os.WriteFile(target, []byte("SQLite format 3\x00 today's work"), 0o600)
	os.WriteFile(target+"-wal", []byte("old log"), 0o600)
	if _, err := Restore(ctx, b.Path, target, false, fixedNow); keyOf(err) != "backup.would_overwrite" {
		t.Fatalf("restore over a database without --force: %v", err)
	}
	res, err := Restore(ctx, b.Path, target, true, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	aside := res.Aside
	if got := must(os.ReadFile(aside))(t); string(got) != "SQLite format 3\x00 today's work" {
		t.Fatalf("replaced file not kept aside at %s", aside)
	}
	if fileExists(target+"-wal") || !fileExists(aside+"-wal") {
		t.Fatal("the old write-ahead log must move aside with the old file")
	}
	r, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if st := must(r.Settings(ctx))(t); st.StationName != "后街零工市场" {
		t.Fatalf("restored settings %+v", st)
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("not a database"), 0o600)
	if _, err := Restore(ctx, bad, filepath.Join(t.TempDir(), "x.db"), true, fixedNow); keyOf(err) != "db.not_sqlite" {
		t.Fatalf("restore from a non-database: %v", err)
	}
}

// damage overwrites the middle of a database file, as a failing disk would.
func damage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info := must(f.Stat())(t)
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*7 + 3)
	}
	for off := int64(4096); off < info.Size(); off += 3 * 4096 {
		f.WriteAt(junk, off)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	testdb.SkipOnPostgres(t, "damage is spoilt bytes of a SQLite file and its backup")
	ctx := context.Background()
	s := openTest(t)
	head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
	for i := range 300 {
		must(s.CreateWorker(ctx, head.ID, Worker{Name: "李四", Phone: phoneN(i), BirthYear: 1980, Trades: []WorkerTrade{{TradeID: 2}}}))(t)
	}
	b, err := s.Backup(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if rep := must(s.QuickCheck(ctx))(t); !rep.OK() {
		t.Fatalf("fresh database: %s", rep.Summary())
	}
	damage(t, b.Path)
	rep, err := CheckFile(ctx, b.Path)
	if err == nil && rep.OK() {
		t.Fatal("damage not found")
	}
	t.Log(rep.Summary(), err)
}

func TestBackupOnPostgresSaysPgDump(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip("PostgreSQL only: on SQLite, Backup copies the file (the tests above)")
	}
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.Backup(ctx, t.TempDir()); keyOf(err) != "backup.pg_dump" {
		t.Fatalf("Backup on PostgreSQL: %v, want backup.pg_dump", err)
	}
	if _, made, err := s.DailyBackup(ctx, t.TempDir(), 7); made || err != nil {
		t.Fatalf("DailyBackup on PostgreSQL: made=%v err=%v, want nothing done", made, err)
	}
	if _, err := Restore(ctx, "x.db", s.Target(), true, fixedNow); keyOf(err) != "backup.pg_dump" {
		t.Fatalf("Restore on PostgreSQL: %v, want backup.pg_dump", err)
	}
}
