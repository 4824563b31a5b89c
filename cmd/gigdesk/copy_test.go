package main

import (
	"bytes"
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/testdb"
)

// runCopy runs the real binary's copy with args; lang "" leaves the language at its default.
func runCopy(t *testing.T, lang string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"copy"}, args...)...)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIGDESK_LANG=") && !strings.HasPrefix(kv, "XDG_DATA_HOME=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "XDG_DATA_HOME="+t.TempDir())
	if lang != "" {
		cmd.Args = append(cmd.Args, "--lang", lang)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), exitCode(err)
}

func tableCounts(t *testing.T, target string) map[string]int64 {
	t.Helper()
	s, err := store.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.TableCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	delete(c, "schema_migrations")
	return c
}

// gigdesk copy through the real binary: a demo station to PostgreSQL (a second SQLite file
// when GIGDESK_TEST_PG is unset) and back, with the rows per table printed; then a copy into
// the now full database is refused with one line in zh by default and in en with --lang en.
func TestCopyCommand(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "station.db")
	now := time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)
	s, err := store.Open(orig, store.WithClock(func() time.Time { return now }))
	must(t, err)
	_, err = demo.Generate(context.Background(), s, demo.Options{Workers: 60, Employers: 10, Days: 5, Seed: 2, Now: now})
	must(t, err)
	must(t, s.Close())
	want := tableCounts(t, orig)

	mid := testdb.New(t) // PostgreSQL when GIGDESK_TEST_PG is set
	back := filepath.Join(dir, "back.db")
	for _, leg := range [][2]string{{orig, mid}, {mid, back}} {
		out, errOut, code := runCopy(t, "en", "--from", leg[0], "--to", leg[1])
		if code != 0 {
			t.Fatalf("copy %s → %s: exit %d\n%s%s", leg[0], leg[1], code, out, errOut)
		}
		if !strings.Contains(out, "Copied the station") || !strings.Contains(out, "workers") {
			t.Fatalf("copy printed:\n%s", out)
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if f := strings.Fields(line); len(f) == 3 && f[2] == "rows" && f[1] == "0" && want[f[0]] != 0 {
				t.Errorf("copy reports %s with 0 rows", f[0])
			}
		}
	}
	if got := tableCounts(t, back); !maps.Equal(got, want) {
		t.Errorf("after the round trip:\n  got  %v\n  want %v", got, want)
	}

	for _, tc := range []struct{ lang, want string }{
		{"", "目标数据库里已有驿站的记录"},
		{"en", "The destination already holds a station's records"},
	} {
		out, errOut, code := runCopy(t, tc.lang, "--from", orig, "--to", mid)
		line := strings.TrimSpace(errOut)
		if code != 1 || strings.Contains(line, "\n") || !strings.Contains(line, tc.want) {
			t.Errorf("copy into a full database (lang %q): exit %d, want one line with %q, got:\n%s%s", tc.lang, code, tc.want, out, errOut)
		}
	}
	if got := tableCounts(t, mid); !maps.Equal(got, want) {
		t.Errorf("the refused destination changed:\n  got  %v\n  want %v", got, want)
	}
}
