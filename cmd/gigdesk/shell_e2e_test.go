package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestShellInTerminal: first run, staff on duty, switching screens, help and quit, in zh and en.
func TestShellInTerminal(t *testing.T) {
	for _, tc := range []struct {
		lang, station, head, register, board, help, quitAsk string
		w, h                                                int
	}{
		{"zh", "后街零工市场", "王芳", "登记", "看板", "快捷键", "", 80, 24},
		{"en", "Back Street Gig Market", "Wang Fang", "Register", "Board", "Keys", "", 160, 48},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "data", "station.db")
			tm := StartTerm(t, tc.w, tc.h, nil, "--db", db, "--lang", tc.lang)
			tm.WaitFor(db)
			tm.FirstRun(tc.station, tc.head, "2468")
			scr := tm.WaitFor(tc.station, tc.head, tc.register)
			if !strings.Contains(scr, "F1") || !strings.Contains(scr, "F10") {
				t.Fatalf("footer keys missing:\n%s", scr)
			}
			tm.Keys("F3")
			tm.WaitFor(tc.board)
			tm.Keys("?")
			tm.WaitFor(tc.help)
			tm.Keys("Escape")
			tm.Keys("F10")
			tm.WaitFor("EXIT=0")
		})
	}
}
