package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"gigdesk/store/testdb"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// traces are the bytes that must not survive an erase: name, pinyin search key, phone, ID number.
func traces(idno string) [][]byte {
	return [][]byte{[]byte("独特测试人"), []byte("独特测试"), []byte("ceshiren"), []byte("13912345678"), []byte(idno),
		[]byte("独特旧名"), []byte("13900001234")}
}

// leftIn names the traces found in the raw bytes of the file at path (and nothing when it is absent).
func leftIn(t *testing.T, path string, want [][]byte) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, w := range want {
		if bytes.Contains(b, w) {
			found = append(found, string(w))
		}
	}
	return found
}

func TestEraseLeavesNoByteBehind(t *testing.T) {
	testdb.SkipOnPostgres(t, "looks for the person in the bytes of the file, its WAL and its backups")
	dir := t.TempDir()
	path := filepath.Join(dir, "gigdesk.db")
	clock := fixedNow
	s, err := Open(path, WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	head := must(s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468"))(t)
	idno := regID("11010519800101123")
	// an earlier name and phone, then the real ones: old versions of the row must go too
	w := must(s.CreateWorker(ctx, head.ID, Worker{Name: "独特旧名", Phone: "13900001234", BirthYear: 1980, CommunityID: 100,
		Notes: "独特测试人的备注", Trades: []WorkerTrade{{TradeID: 1}}}))(t)
	w.Name, w.Phone, w.IDNumber = "独特测试人", "13912345678", idno
	w = must(s.UpdateWorker(ctx, head.ID, w))(t)
	for i := range 30 { // others around them, so their pages are shared
		must(s.CreateWorker(ctx, head.ID, regWorker("王"+string(rune('甲'+i)), fmt.Sprintf("137000%05d", i), 1970, 1)))(t)
	}
	must(s.LogVisit(ctx, head.ID, "guidance", w.ID, "独特测试人想学电工"))(t)
	bdir := BackupDir(path)
	older := must(s.Backup(ctx, bdir))(t)
	clock = clock.Add(time.Hour)
	must(s.Backup(ctx, bdir))(t)
	// a copy kept elsewhere (a USB stick) that the erase cannot reach: restore must still honour the ledger
	offsite := filepath.Join(t.TempDir(), "usb.db")
	if err := copyFile(older.Path, offsite); err != nil {
		t.Fatal(err)
	}
	if err := s.Export(ctx, head.ID, ExportRequest{Kind: ExportWorkers, File: "/tmp/exports/workers-1128.csv"}, func([]any) error { return nil }); err != nil {
		t.Fatal(err)
	}
	// a second counter holds the file open during the erase, having read the person
	other, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var name string
	if err := other.QueryRow(`SELECT name FROM workers WHERE id = ?`, w.ID).Scan(&name); err != nil || name != "独特测试人" {
		t.Fatalf("second connection reads %q, %v", name, err)
	}
	if got := leftIn(t, path+"-wal", traces(idno)); len(got) == 0 {
		if got = leftIn(t, path, traces(idno)); len(got) == 0 {
			t.Fatal("the person is nowhere on disk before the erase: the test proves nothing")
		}
	}
	clock = clock.Add(time.Hour)
	rep, err := s.ErasePerson(ctx, head.ID, PersonWorker, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.WALCleared || len(rep.Backups) != 2 || len(rep.BackupErrs) != 0 {
		t.Fatalf("erase report %+v", rep)
	}
	if len(rep.Exports) != 1 || rep.Exports[0].Path != "/tmp/exports/workers-1128.csv" {
		t.Fatalf("exports that may hold the person: %+v", rep.Exports)
	}
	files := []string{path, path + "-wal"}
	list := must(ListBackups(bdir, Shanghai))(t)
	for _, b := range list {
		files = append(files, b.Path, b.Path+"-wal")
	}
	for _, f := range files {
		if got := leftIn(t, f, traces(idno)); len(got) > 0 {
			t.Errorf("%s still holds %q", filepath.Base(f), got)
		}
	}
	// the other counter goes on writing and reading: nothing comes back into the log
	if _, err := other.Exec(`UPDATE settings SET value = value WHERE key = 'station_name'`); err != nil {
		t.Fatal(err)
	}
	if got := leftIn(t, path+"-wal", traces(idno)); len(got) > 0 {
		t.Errorf("the log holds %q after the other counter wrote", got)
	}
	ledger := must(s.Ledger(ctx))(t)
	if len(ledger) != 1 || ledger[0].RecordID != w.ID || ledger[0].StaffID != head.ID || ledger[0].IDHash != idHash(ledger[0].Salt, idno) {
		t.Fatalf("ledger %+v", ledger)
	}
	if lf := leftIn(t, LedgerPath(path), traces(idno)); len(lf) > 0 {
		t.Fatalf("the ledger file holds %q", lf)
	}
	s.Close()
	other.Close()

	// restoring the old copy brings nobody back, and says so
	res, err := Restore(ctx, offsite, path, true, clock.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reapplied) != 1 || res.Reapplied[0].RecordID != w.ID {
		t.Fatalf("restore re-applied %+v", res.Reapplied)
	}
	for _, f := range []string{path, path + "-wal"} {
		if got := leftIn(t, f, traces(idno)); len(got) > 0 {
			t.Errorf("restored %s holds %q", filepath.Base(f), got)
		}
	}
	r := must(Open(path, WithClock(func() time.Time { return clock })))(t)
	defer r.Close()
	got := must(r.Worker(ctx, w.ID))(t)
	if got.Name != ErasedName(w.ID) || got.Phone != "" || len(must(r.Ledger(ctx))(t)) != 1 {
		t.Fatalf("restored worker %+v", got)
	}
	if n := count(t, r, "workers"); n != 31 {
		t.Fatalf("restore kept %d workers, want 31 (only the erased one is wiped)", n)
	}
}

func TestEraseEmployerLeavesNoByteBehind(t *testing.T) {
	testdb.SkipOnPostgres(t, "looks for the person in the bytes of the file, its WAL and its backups")
	dir := t.TempDir()
	path := filepath.Join(dir, "gigdesk.db")
	s := must(Open(path, WithClock(func() time.Time { return fixedNow })))(t)
	defer s.Close()
	ctx := context.Background()
	head := must(s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468"))(t)
	e, _ := must2(s.CreateJob(ctx, head.ID, Employer{Kind: Resident, Name: "独特雇主甲", Contact: "独特联系人", Phone: "13987654321",
		Address: "独特小区9栋", CommunityID: 100, Notes: "独特备注"},
		Job{TradeID: 1, Headcount: 1, StartsAt: fixedNow.Add(20 * time.Hour), Duration: 4 * time.Hour, PayFen: 30000, PayUnit: PerDay, Address: "独特小区9栋"}))(t)
	must(s.Backup(ctx, BackupDir(path)))(t)
	rep := must(s.ErasePerson(ctx, head.ID, PersonEmployer, e.ID))(t)
	if len(rep.Backups) != 1 {
		t.Fatalf("report %+v", rep)
	}
	want := [][]byte{[]byte("独特雇主甲"), []byte("独特联系人"), []byte("13987654321"), []byte("独特小区"), []byte("独特备注")}
	files := []string{path, path + "-wal"}
	list := must(ListBackups(BackupDir(path), Shanghai))(t)
	for _, b := range list {
		files = append(files, b.Path)
	}
	for _, f := range files {
		if got := leftIn(t, f, want); len(got) > 0 {
			t.Errorf("%s still holds %q", filepath.Base(f), got)
		}
	}
}
