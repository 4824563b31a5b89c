package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gigdesk/store/demo"
	"gigdesk/store/oplog"
	"gigdesk/tui/i18n"
)

// TestFullDiskShowsCodeAndLogsCause fills a tiny disk under the running desk (a 12 MB tmpfs,
// where the machine lets the test mount one) and adds a staff member in Admin: the screen says
// in one sentence that the disk is full, with a code and what to do; the log beside the
// database holds that code with the operation and SQLite's cause, and not the name typed.
func TestFullDiskShowsCodeAndLogsCause(t *testing.T) {
	needTmux(t)
	disk := filepath.Join(t.TempDir(), "disk")
	os.MkdirAll(disk, 0o700)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command("umount", "-l", disk).Run() }) // after the terminal is gone
	// the demo is built off the small disk (its load's journal needs more room than the
	// finished file) and copied on: the test is of a disk that fills during the day's work
	built := filepath.Join(t.TempDir(), "station.db")
	if out, err := gd(t, "demo", "--db", built); err != nil {
		t.Fatalf("demo: %v %s", err, out)
	}
	db := filepath.Join(disk, "station.db")
	data, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cat := i18n.New(i18n.Zh)
	tm := StartTerm(t, 100, 30, nil, "--db", db, "--lang", "zh")
	tm.WaitFor("Enter")
	tm.Keys("Enter")
	tm.OnDuty(demo.PIN)
	tm.WaitFor(cat.T("app.on_duty", "刘红梅"))
	// the screen may still be settling after the PIN: press F6 until Admin is up
	for i := 0; !strings.Contains(tm.Screen(), cat.T("admin.title")); i++ {
		if i == 20 {
			t.Fatalf("Admin never opened:\n%s", tm.Screen())
		}
		tm.Keys("F6")
		time.Sleep(300 * time.Millisecond)
	}
	// the start-up backup is written by now; fill what is left of the disk
	exec.Command("dd", "if=/dev/zero", "of="+filepath.Join(disk, "filler"), "bs=4k").Run()
	tm.Keys("+")
	tm.Type("张小兵")
	tm.Keys("Enter")
	scr := tm.WaitFor(strings.TrimSuffix(cat.T("err.db.full"), "。"), "：请记下错误码")
	code := regexp.MustCompile(`E-[0-9A-F]{4}`).FindString(scr)
	if code == "" {
		t.Fatalf("no code on screen:\n%s", scr)
	}
	b, err := os.ReadFile(oplog.PathFor(db))
	if err != nil {
		t.Fatal(err)
	}
	line := lineWith(string(b), code)
	for _, want := range []string{`"op":"AddStaff"`, "database or disk is full", `"key":"db.full"`} {
		if !strings.Contains(line, want) {
			t.Fatalf("the log line for %s lacks %s:\n%s", code, want, b)
		}
	}
	if strings.Contains(string(b), "张小兵") {
		t.Fatalf("the log holds the name typed:\n%s", b)
	}
}

func lineWith(s, part string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}
