package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gigdesk/store"
)

// TestBadDatabaseFiles runs the real binary on files it must refuse: one clear line in the
// chosen language, a non-zero exit status, and the file exactly as it was.
func TestBadDatabaseFiles(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()

	blocker := filepath.Join(dir, "blocker")
	must(t, os.WriteFile(blocker, []byte("x"), 0o644))

	text := filepath.Join(dir, "notes.txt")
	must(t, os.WriteFile(text, []byte("不是数据库，是一张购物清单"), 0o644))

	newer := filepath.Join(dir, "newer.db")
	s, err := store.Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	db, err := sql.Open("sqlite", newer)
	must(t, err)
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)`); err != nil {
		t.Fatal(err)
	}
	must(t, db.Close())

	for _, tc := range []struct {
		name, path, zh, en string
	}{
		{"folder", filepath.Join(blocker, "sub", "gigdesk.db"), "无法创建数据文件夹", "data folder cannot be created"},
		{"not sqlite", text, "不是 gigdesk 数据库", "not a gigdesk database"},
		{"newer", newer, "更新版本的 gigdesk", "newer gigdesk"},
	} {
		for _, lang := range []string{"zh", "en"} {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				before, err := os.ReadFile(tc.path)
				if err != nil && tc.name != "folder" { // the folder case has no file at all
					t.Fatal(err)
				}
				cmd := exec.Command(bin, "--db", tc.path)
				cmd.Env = append(os.Environ(), "GIGDESK_LANG="+lang)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				err = cmd.Run()
				if code := exitCode(err); code == 0 {
					t.Fatalf("exit status 0 for a bad file")
				}
				out := strings.TrimSpace(stderr.String())
				want := tc.zh
				if lang == "en" {
					want = tc.en
				}
				if strings.Count(out, "\n") != 0 || !strings.Contains(out, want) {
					t.Fatalf("want one line with %q, got:\n%s", want, out)
				}
				if after, err := os.ReadFile(tc.path); (err != nil && tc.name != "folder") || !bytes.Equal(before, after) {
					t.Fatal("the file was changed")
				}
			})
		}
	}

	t.Run("locked", func(t *testing.T) {
		path := filepath.Join(dir, "locked.db")
		s, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		must(t, s.Close())
		other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
		must(t, err)
		defer other.Close()
		conn, err := other.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for _, q := range []string{`PRAGMA journal_mode=DELETE`, `PRAGMA locking_mode=EXCLUSIVE`, `BEGIN EXCLUSIVE`} {
			if _, err := conn.ExecContext(context.Background(), q); err != nil {
				t.Fatal(q, err)
			}
		}
		defer conn.ExecContext(context.Background(), `ROLLBACK`)
		cmd := exec.Command(bin, "--db", path)
		cmd.Env = append(os.Environ(), "GIGDESK_LANG=en")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if code := exitCode(cmd.Run()); code == 0 {
			t.Fatal("exit status 0 for a locked database")
		}
		if out := strings.TrimSpace(stderr.String()); !strings.Contains(out, "locked by another program") || strings.Contains(out, "\n") {
			t.Fatalf("want one line saying the database is locked, got:\n%s", out)
		}
	})
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}
