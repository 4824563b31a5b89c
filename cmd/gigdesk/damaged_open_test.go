package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gigdesk/store"
)

// A file too damaged for store.Open (truncated, or its header page overwritten) gets one line
// that names the latest backup and the exact restore command; running that command brings the
// station back.
func TestDamagedFileNamesTheRestoreCommand(t *testing.T) {
	t.Setenv("GIGDESK_LANG", "en")
	good := filepath.Join(t.TempDir(), "good.db")
	s, err := store.Open(good)
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.SetupWithPIN(context.Background(), "后街零工市场", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 { // enough pages that a cut lands inside the tables
		if _, err := s.CreateWorker(context.Background(), head.ID, store.Worker{Name: "李四", Phone: fmt.Sprintf("1370000%04d", i), BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 2}}}); err != nil {
			t.Fatal(err)
		}
	}
	must(t, s.Close())
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"truncated", func(b []byte) []byte { return b[:len(b)/3] }},
		{"header", func(b []byte) []byte {
			b = append([]byte{}, b...)
			copy(b, strings.Repeat("\x5a", 100))
			return b
		}},
		{"first page", func(b []byte) []byte {
			b = append([]byte{}, b...)
			for i := 100; i < 4096 && i < len(b); i++ {
				b[i] = byte(i * 31)
			}
			return b
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "station one") // a space: the command must still paste
			path := filepath.Join(dir, "gigdesk.db")
			must(t, os.MkdirAll(dir, 0o700))
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			bs, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			b, err := bs.Backup(context.Background(), store.BackupDir(path))
			bs.Close()
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, tc.damage(raw), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err = gd(t, "--db", path)
			if err == nil {
				t.Fatal("a damaged file opened")
			}
			line := err.Error()
			want := `gigdesk restore --db "` + path + `" --from "` + b.Path + `" --force --by 王芳`
			if strings.Contains(line, "\n") || !strings.Contains(line, want) || !strings.Contains(line, "latest backup is "+b.Path) {
				t.Fatalf("message does not name the backup and the command:\n%s\nwant %s", line, want)
			}
			// the printed command, run as printed, restores the station
			cmd := line[strings.Index(line, "gigdesk restore"):]
			cmd = cmd[:strings.Index(cmd, "--by 王芳")+len("--by 王芳")]
			out, err := gdIn(t, "2468\n", append(splitShell(cmd)[1:], "--pin-stdin")...)
			if err != nil {
				t.Fatalf("%s: %v\n%s", cmd, err, out)
			}
			rs, err := store.Open(path)
			if err != nil {
				t.Fatalf("restored file does not open: %v", err)
			}
			defer rs.Close()
			if rep, err := rs.Check(context.Background()); err != nil || !rep.OK() {
				t.Fatalf("restored file check: %v %v", rep, err)
			}
		})
	}
	// the real binary prints exactly one line
	path := filepath.Join(t.TempDir(), "gigdesk.db")
	must(t, os.WriteFile(path, raw, 0o600))
	bs, err := store.Open(path)
	must(t, err)
	b, err := bs.Backup(context.Background(), store.BackupDir(path))
	bs.Close()
	if err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(path, raw[:len(raw)/3], 0o600))
	c := exec.Command(binary(t), "--db", path)
	c.Env = append(os.Environ(), "GIGDESK_LANG=zh")
	out, err := c.CombinedOutput()
	got := strings.TrimRight(string(out), "\n")
	if err == nil || strings.Count(got, "\n") != 0 || !strings.Contains(got, "gigdesk restore --db "+path+" --from "+b.Path+" --force --by 王芳") || !strings.Contains(got, "最近的备份") {
		t.Fatalf("binary: %v\n%q", err, got)
	}
}

// splitShell splits a command line on spaces outside double quotes.
func splitShell(s string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ' ' && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}
