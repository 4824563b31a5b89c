package oplog

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

type person struct{ Name, Phone string }

func (person) PersonalData() {}

func TestMaskRemovesPersonalData(t *testing.T) {
	var buf bytes.Buffer
	l := New(&buf)
	l.Event("saved 张三", "who", person{"张三", "13800138001"}, "phone", "13800138001",
		"worker_name", "Li Na", "detail", "UNIQUE failed for 50010719850312123X at 后街社区",
		"err", errors.New("bad 13912345678"), "worker", 42)
	l.With("contact", "王老板").Info("later", "id_number", "x")
	out := buf.String()
	for _, bad := range []string{"张三", "13800138001", "Li Na", "50010719850312123X", "后街", "王老板", "13912345678"} {
		if strings.Contains(out, bad) {
			t.Errorf("log holds %q:\n%s", bad, out)
		}
	}
	for _, kept := range []string{`"worker":42`, "UNIQUE failed for # at *", Masked} {
		if !strings.Contains(out, kept) {
			t.Errorf("log lost %q:\n%s", kept, out)
		}
	}
}

func TestInternalCodeFileAndRecent(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(filepath.Join(dir, "station.db"))
	if err != nil {
		t.Fatal(err)
	}
	code := l.Internal("SaveWorker", errors.New("sql: database is closed"))
	if !regexp.MustCompile(`^E-[0-9A-F]{4}$`).MatchString(code) {
		t.Fatalf("code %q", code)
	}
	l.Close()
	path := filepath.Join(dir, "station.log")
	if fi, err := os.Stat(path); err != nil {
		t.Fatal(err)
	} else if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("log mode %v, want 0600", fi.Mode().Perm())
	}
	es, err := ReadRecent(path, 10)
	if err != nil || len(es) != 1 || es[0].Code != code || es[0].Op != "SaveWorker" || es[0].Cause != "sql: database is closed" {
		t.Fatalf("recent = %+v, %v", es, err)
	}
	var nilLog *Log
	nilLog.Event("nothing")
	if nilLog.Internal("x", nil) == "" || nilLog.Recent(3) != nil {
		t.Error("a nil log should still give a code and no entries")
	}
}

func TestPathFor(t *testing.T) {
	for in, want := range map[string]string{"a/station.db": "a/station.log", "a/x.log": "a/x.log.log", "a/db": "a/db.log"} {
		if got := PathFor(in); got != want {
			t.Errorf("PathFor(%q) = %q, want %q", in, got, want)
		}
	}
}
