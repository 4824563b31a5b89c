package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/store/testdb"
)

// TestPINPromptInTerminal: privacy erase asks the head's PIN on the terminal, the digits never
// show, and the erase then says what it reached and which files it could not.
func TestPINPromptInTerminal(t *testing.T) {
	path := setUpStation(t)
	s, _ := store.Open(path)
	head, _ := s.ListStaff(context.Background())
	w, err := s.CreateWorker(context.Background(), head[0].ID, store.Worker{Name: "独特测试人", Phone: "13912345678", BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 1}}})
	if err == nil && !testdb.Postgres() { // PostgreSQL is backed up with pg_dump, not by gigdesk
		_, err = s.Backup(context.Background(), store.BackupDir(path))
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	tm := StartTerm(t, 100, 30, []string{"GIGDESK_LANG=zh"}, "privacy", "erase", "--db", path, "--worker", "1", "--by", "王芳")
	tm.WaitFor("请输入 王芳 的密码")
	tm.Type("1357")
	tm.Keys("Enter")
	scr := tm.WaitFor("EXIT=1", "密码错误，还可以再试 4 次")
	if strings.Contains(scr, "1357") {
		t.Fatalf("the PIN was echoed:\n%s", scr)
	}
	tm = StartTerm(t, 100, 30, []string{"GIGDESK_LANG=zh"}, "privacy", "erase", "--db", path, "--worker", "1", "--by", "王芳")
	tm.WaitFor("请输入 王芳 的密码")
	tm.Type("2468")
	tm.Keys("Enter")
	want := []string{"EXIT=0", "已删除 零工 #1 的个人信息"}
	if !testdb.Postgres() {
		want = append(want, "已从 1 个备份中清除此人")
	}
	scr = tm.WaitFor(want...)
	if strings.Contains(scr, "2468") {
		t.Fatalf("the PIN was echoed:\n%s", scr)
	}
	t.Logf("erase in a terminal:\n%s", scr)
	for _, f := range []string{path, path + "-wal"} { // on PostgreSQL neither is a file: nothing read
		if b, _ := os.ReadFile(f); strings.Contains(string(b), "独特测试人") || strings.Contains(string(b), "13912345678") {
			t.Fatalf("%s still holds worker %d", f, w.ID)
		}
	}
}

// TestCLIAuthority: no PIN, no action; wrong PINs count towards the lock-out exactly as at the
// desk; a clerk may not do what only the head may; the audit log names who acted.
func TestCLIAuthority(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "")
	path := setUpStation(t)
	s, _ := store.Open(path)
	staff, _ := s.ListStaff(context.Background())
	if _, err := s.AddStaff(context.Background(), staff[0].ID, "李强", store.RoleStaff); err != nil {
		t.Fatal(err)
	}
	li, _ := s.ListStaff(context.Background())
	if err := s.SetPIN(context.Background(), staff[0].ID, li[1].ID, "1111"); err != nil {
		t.Fatal(err)
	}
	w, _ := s.CreateWorker(context.Background(), staff[0].ID, store.Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1975, Trades: []store.WorkerTrade{{TradeID: 1}}})
	s.Close()
	out := filepath.Join(t.TempDir(), "w.json")
	if _, err := gd(t, "privacy", "export", "--db", path, "--worker", "1", "--out", out); err == nil || !strings.Contains(err.Error(), "--by") {
		t.Fatalf("no --by: %v", err)
	}
	if _, err := gd(t, "privacy", "export", "--db", path, "--worker", "1", "--out", out, "--by", "王芳"); err == nil || !strings.Contains(err.Error(), "--pin-stdin") {
		t.Fatalf("no PIN from a pipe: %v", err)
	}
	if _, err := gdIn(t, "1111\n", "privacy", "export", "--db", path, "--worker", "1", "--out", out, "--by", "李强", "--pin-stdin"); err == nil || !strings.Contains(err.Error(), "只有站长") {
		t.Fatalf("a clerk exported: %v", err)
	}
	for i := 4; i >= 1; i-- {
		_, err := gdIn(t, "9999\n", "privacy", "export", "--db", path, "--worker", "1", "--out", out, "--by", "王芳", "--pin-stdin")
		if err == nil || !strings.Contains(err.Error(), "还可以再试") {
			t.Fatalf("wrong PIN %d: %v", 5-i, err)
		}
	}
	csv := filepath.Join(t.TempDir(), "w.csv")
	os.WriteFile(csv, []byte("姓名,手机\n李四,13900139000\n"), 0o600)
	if _, err := gdIn(t, "9999\n", "import", "workers", "--db", path, "--by", "王芳", "--pin-stdin", csv); err == nil || !strings.Contains(err.Error(), "已锁定") {
		t.Fatalf("fifth wrong PIN does not lock: %v", err)
	}
	if _, err := gdIn(t, "2468\n", withHead("privacy", "erase", "--db", path, "--worker", "1")...); err == nil || !strings.Contains(err.Error(), "已锁定") {
		t.Fatalf("the right PIN opens a locked name: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("an export was written without authority")
	}
	s, _ = store.Open(path)
	defer s.Close()
	audit, _ := s.Audit(context.Background(), store.AuditFilter{Entity: "staff"})
	wrong, locked := 0, 0
	for _, a := range audit {
		wrong += map[bool]int{true: 1}[a.Action == "signin:wrong"]
		locked += map[bool]int{true: 1}[a.Action == "signin:locked"]
	}
	if wrong != 4 || locked != 1 {
		t.Fatalf("audit: %d wrong PINs, %d lock-outs, want 4 and 1", wrong, locked)
	}
	if got, _ := s.Worker(context.Background(), w.ID); got.Name != "张三丰" {
		t.Fatalf("worker erased without authority: %+v", got)
	}
}

// TestRestoreReappliesErasures: a backup taken before an erase, restored, brings nobody back,
// and the restore says so.
func TestRestoreReappliesErasures(t *testing.T) {
	skipOnPostgres(t, "a backup is a copy of the station's SQLite file; PostgreSQL is backed up with pg_dump (TestBackupCheckRestoreCommands checks the line that says so)")
	t.Setenv("GIGDESK_LANG", "")
	path := setUpStation(t)
	s, _ := store.Open(path)
	staff, _ := s.ListStaff(context.Background())
	w, _ := s.CreateWorker(context.Background(), staff[0].ID, store.Worker{Name: "独特测试人", Phone: "13912345678", BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 1}}})
	b, err := s.Backup(context.Background(), t.TempDir()) // elsewhere: the erase cannot clean it
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if msg, err := gdIn(t, "2468\n", withHead("privacy", "erase", "--db", path, "--worker", "1")...); err != nil {
		t.Fatalf("erase: %v %s", err, msg)
	}
	msg, err := gdIn(t, "2468\n", withHead("restore", "--db", path, "--from", b.Path, "--force")...)
	if err != nil || !strings.Contains(msg, "已重新删除 1 人的个人信息（零工 #1）") {
		t.Fatalf("restore: %v\n%s", err, msg)
	}
	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), "独特测试人") || strings.Contains(string(raw), "13912345678") {
		t.Fatal("the restored file holds the erased worker")
	}
	s, _ = store.Open(path)
	defer s.Close()
	got, _ := s.Worker(context.Background(), w.ID)
	audit, _ := s.Audit(context.Background(), store.AuditFilter{Entity: "database"})
	if got.Name != store.ErasedName(w.ID) || len(audit) != 1 || audit[0].Action != "restore" || audit[0].StaffID != staff[0].ID {
		t.Fatalf("restored worker %q, audit %+v", got.Name, audit)
	}
}
