package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/store/testdb"
)

// gd runs gigdesk in-process with args and returns its output and error.
func gd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	return gdIn(t, "", args...)
}

// gdIn runs gigdesk in-process with stdin as its standard input (a PIN for --pin-stdin).
func gdIn(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String() + errOut.String(), err
}

// asHead is the station head of setUpStation signing in for a command: name and PIN on stdin.
var asHead = []string{"--by", "王芳", "--pin-stdin"}

func withHead(args ...string) []string { return append(args, asHead...) }

func TestImportCommand(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "")
	path := setUpStation(t)
	csv := filepath.Join(t.TempDir(), "workers.csv")
	must(t, os.WriteFile(csv, []byte("\xef\xbb\xbf姓名,手机,工种,性别\n张三丰,13800138000,水电:5;力工,男\n李四,1380013,水电,\n王五,13700137000,飞行员,\n"), 0o600))
	out, err := gdIn(t, "2468\n", withHead("import", "workers", "--db", path, csv)...)
	if err == nil || !strings.Contains(out, "第 3 行：手机号码应为11位数字。") || !strings.Contains(out, "第 4 行：未知的工种。") {
		t.Fatalf("bad rows not listed: %v\n%s", err, out)
	}
	if !strings.Contains(err.Error(), "什么都没有导入") {
		t.Fatalf("err = %v", err)
	}
	out, err = gdIn(t, "2468\n", withHead("import", "workers", "--db", path, csv, "--skip-bad", "--lang", "en")...)
	if err != nil || !strings.Contains(out, "line 3: A mobile number has 11 digits.") || !strings.Contains(out, "1 added, 0 merged, 2 rows refused") {
		t.Fatalf("skip-bad: %v\n%s", err, out)
	}
	// again: the same person is merged, not doubled
	out, err = gdIn(t, "2468\n", withHead("import", "workers", "--skip-bad", "--lang", "en", "--db", path, csv)...)
	if err != nil || !strings.Contains(out, "0 added, 1 merged") {
		t.Fatalf("second import: %v\n%s", err, out)
	}
}

func TestPrivacyCommand(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "")
	path := setUpStation(t)
	s, err := store.Open(path)
	must(t, err)
	head, err := s.ListStaff(context.Background())
	must(t, err)
	w, err := s.CreateWorker(context.Background(), head[0].ID, store.Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1975, Trades: []store.WorkerTrade{{TradeID: 1}}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "zsf.json")
	id := "1"
	if w.ID != 1 {
		t.Fatalf("worker id %d", w.ID)
	}
	if msg, err := gdIn(t, "2468\n", withHead("privacy", "export", "--db", path, "--worker", id, "--out", out)...); err != nil {
		t.Fatalf("%v %s", err, msg)
	}
	b, err := os.ReadFile(out)
	must(t, err)
	var ex map[string]any
	if err := json.Unmarshal(b, &ex); err != nil || !strings.Contains(string(b), "13800138000") {
		t.Fatalf("export: %v\n%s", err, b)
	}
	info, err := os.Stat(out)
	must(t, err)
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Fatalf("export mode %v", info.Mode().Perm())
	}
	if _, err := gdIn(t, "2468\n", withHead("privacy", "export", "--db", path, "--worker", "1", "--employer", "2", "--out", out)...); err == nil {
		t.Fatal("both --worker and --employer accepted")
	}
	msg, err := gdIn(t, "2468\n", withHead("privacy", "erase", "--db", path, "--worker", id)...)
	if err != nil || !strings.Contains(msg, "已删除") {
		t.Fatalf("erase: %v %s", err, msg)
	}
	// the erase names the export written above: gigdesk cannot reach it, the clerk must
	if !strings.Contains(msg, "1 个 gigdesk 曾写出的文件可能仍有此人的信息") || !strings.Contains(msg, out) {
		t.Fatalf("erase does not name the export %s:\n%s", out, msg)
	}
	if _, err := gdIn(t, "2468\n", withHead("privacy", "erase", "--db", path, "--worker", id)...); err == nil || !strings.Contains(err.Error(), "已经删除过") {
		t.Fatalf("second erase: %v", err)
	}
}

func TestBackupCheckRestoreCommands(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "")
	path := setUpStation(t)
	dir := filepath.Join(t.TempDir(), "bk")
	if testdb.Postgres() {
		backupOnPostgres(t, path, dir)
		return
	}
	out, err := gd(t, "backup", "--db", path, "--to", dir)
	if err != nil || !strings.Contains(out, "已备份") {
		t.Fatalf("%v %s", err, out)
	}
	list, err := store.ListBackups(dir, store.Shanghai)
	must(t, err)
	if len(list) != 1 {
		t.Fatalf("backups %+v", list)
	}
	if out, err := gd(t, "check", "--db", path); err != nil || !strings.Contains(out, "检查通过") {
		t.Fatalf("check: %v %s", err, out)
	}
	if _, err := gdIn(t, "2468\n", withHead("restore", "--db", path, "--from", list[0].Path)...); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("restore without --force: %v", err)
	}
	out, err = gdIn(t, "2468\n", withHead("restore", "--db", path, "--from", list[0].Path, "--force", "--lang", "en")...)
	if err != nil || !strings.Contains(out, "kept as") {
		t.Fatalf("restore: %v %s", err, out)
	}
	// damage the database: check says so in one line and exits non-zero
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	b, err := os.ReadFile(list[0].Path)
	must(t, err)
	for off := 4096; off+4096 <= len(b); off += 2 * 4096 {
		for i := range 4096 {
			b[off+i] = byte(i * 13)
		}
	}
	must(t, os.WriteFile(damaged, b, 0o600))
	out, err = gd(t, "check", "--db", damaged)
	if err == nil || strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, "损坏") {
		t.Fatalf("check of a damaged file: %v %q", err, out)
	}
}

func TestImportStrictAndDemoLang(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "")
	path := setUpStation(t)
	csv := filepath.Join(t.TempDir(), "mixed.csv")
	gbkRow := []byte{0xc0, 0xee, 0xcb, 0xc4, ',', '1', '3', '9', '0', '0', '1', '3', '9', '0', '0', '0', ',', 0xb1, 0xa3, 0xbd, 0xe0, '\n'} // 李四,13900139000,保洁
	os.WriteFile(csv, append([]byte("姓名,手机,工种\n张三丰,13800138000,水电\n"), gbkRow...), 0o600)
	_, err := gdIn(t, "2468\n", withHead("import", "workers", "--db", path, csv)...)
	if err == nil || !strings.Contains(err.Error(), "混用了 UTF-8 和 GBK") || !strings.Contains(err.Error(), "第 1 行是 UTF-8，第 3 行是 GBK") {
		t.Fatalf("mixed file: %v", err)
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	out, err := gd(t, "demo", "--db", db, "--workers", "20", "--employers", "5", "--days", "2", "--lang", "zh")
	if err != nil || !strings.Contains(out, "演示数据") {
		t.Fatalf("demo --lang zh: %v %s", err, out)
	}
}

// backupOnPostgres: a PostgreSQL database is backed up with pg_dump; backup and restore say so in
// one line, in the clerk's language, and write nothing; check passes.
func backupOnPostgres(t *testing.T, path, dir string) {
	t.Helper()
	for _, tc := range []struct{ lang, want string }{{"zh", "pg_dump 备份和恢复"}, {"en", "pg_dump"}} {
		for _, args := range [][]string{{"backup", "--db", path, "--to", dir, "--lang", tc.lang},
			withHead("restore", "--db", path, "--from", filepath.Join(dir, "x.db"), "--force", "--lang", tc.lang)} {
			out, err := gdIn(t, "2468\n", args...)
			if err == nil || !strings.Contains(out+err.Error(), tc.want) || strings.Count(strings.TrimSpace(err.Error()), "\n") > 0 {
				t.Fatalf("%s on PostgreSQL: %v\n%s", args[0], err, out)
			}
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Fatal("a backup folder was made for a PostgreSQL database")
	}
	if out, err := gd(t, "check", "--db", path); err != nil || !strings.Contains(out, "检查通过") {
		t.Fatalf("check: %v %s", err, out)
	}
}
