package admin

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gigdesk/store/oplog"
	"gigdesk/tui/i18n"
)

// A store that fails underneath the desk (its connection closed) shows one sentence with a
// code and what to do; the log holds that code with the operation and the cause, and the
// head finds the same code in Admin's error section.
func TestInternalErrorShowsCodeLoggedAndListed(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			m, s := opened(t, lang, true, 80, 19)
			db := filepath.Join(t.TempDir(), "station.db")
			l, err := oplog.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			m.c.Log, m.c.Cat.Log = l, l
			s.Close()
			scr := show(t, m, secStaff)
			code := regexp.MustCompile(`E-[0-9A-F]{4}`).FindString(scr)
			want := strings.TrimSpace(upTo(m.c.T("err.trace")))
			if code == "" || !strings.Contains(scr, m.c.T("err.internal.db")) || !strings.Contains(scr, want) {
				t.Fatalf("no code and advice on screen:\n%s", scr)
			}
			// one sentence: the advice follows the code on the same line and ends it
			line := lineWith(scr, code)
			if end := strings.TrimSpace(line); !strings.HasSuffix(end, "。") && !strings.HasSuffix(end, ".") {
				t.Fatalf("the error line is cut or not one sentence: %q", line)
			}
			b, err := os.ReadFile(l.Path())
			if err != nil {
				t.Fatal(err)
			}
			logged := lineWith(string(b), code)
			for _, part := range []string{`"level":"ERROR"`, `"op":"AllStaff"`, "sql: database is closed"} {
				if !strings.Contains(logged, part) {
					t.Fatalf("log line for %s lacks %s: %s", code, part, b)
				}
			}
			scr = show(t, m, secErrors)
			if !strings.Contains(lineWith(scr, code), "AllStaff") {
				t.Fatalf("Admin's error section does not list %s:\n%s", code, scr)
			}
		})
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

// upTo is a catalogue text up to its first verb.
func upTo(s string) string {
	if i := strings.Index(s, "%"); i >= 0 {
		return s[:i]
	}
	return s
}
