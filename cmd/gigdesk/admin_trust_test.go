package main

import (
	"strings"
	"testing"
)

// TestFirstRunPINAndAdminInTerminal types first-run setup with the head's PIN into the real
// binary, opens Admin with F6 and reads the audit section, at 80x24 in Chinese and wide in English.
func TestFirstRunPINAndAdminInTerminal(t *testing.T) {
	for _, tc := range []struct {
		lang, first, station, head, admin, audit string
		w, h                                     int
	}{
		{"zh", "首次使用", "后街零工市场", "王芳", "站长管理", "操作记录只能查看", 80, 24},
		{"en", "First run", "Back Street", "Wang Fang", "Station head's admin", "The audit log is read-only", 140, 40},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			db := stationDB(t, "gigdesk.db")
			tm := StartTerm(t, tc.w, tc.h, nil, "--db", db, "--lang", tc.lang)
			tm.WaitFor(tc.first)
			tm.FirstRun(tc.station, tc.head, "2468")
			scr := tm.WaitFor(tc.head, tc.station)
			if strings.Contains(scr, "2468") {
				t.Fatalf("the PIN shows on screen:\n%s", scr)
			}
			tm.Keys("F6")
			tm.WaitFor(tc.admin)
			tm.Keys("F6", "F6", "F6") // settings, trades & places, audit
			pinSet := map[string]string{"zh": "设置密码", "en": "PIN set"}[tc.lang]
			scr = tm.WaitFor(tc.audit, pinSet)
			t.Logf("%s %dx%d:\n%s", tc.lang, tc.w, tc.h, scr)
			tm.Keys("F1")
			tm.WaitFor(tc.head)
		})
	}
}
