package main

import (
	"strings"
	"testing"
)

// TestRegisterInTerminal registers a walk-in in the real binary, finds them again by pinyin
// initials and signs them in, at 80x24 in Chinese and wide in English.
func TestRegisterInTerminal(t *testing.T) {
	for _, tc := range []struct {
		lang, form, card, found, signed, today string
		w, h                                   int
	}{
		{"zh", "新登记零工", "请告诉对方：工号 1", "找到 1 人", "已签到", "今日签到 1 人，在站 1 人", 80, 24},
		{"en", "Register a worker", "Read out: worker number 1", "1 found", "signed in at", "Signed in today: 1, here now: 1", 160, 48},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			db := stationDB(t, "station.db")
			tm := StartTerm(t, tc.w, tc.h, nil, "--db", db, "--lang", tc.lang)
			tm.FirstRun("后街零工市场", "王芳", "2468")
			tm.WaitFor("王芳", "Ctrl+N")
			tm.Keys("C-n")
			tm.WaitFor(tc.form)
			tm.Type("张三丰")
			tm.Keys("Enter")
			tm.Type("13800138000")
			tm.Keys("Enter")
			tm.Type("sd")
			tm.Keys("Enter", "Enter")
			tm.Type("hj")
			tm.Keys("Enter")
			tm.Keys("C-s")
			scr := tm.WaitFor(tc.card, "138****8000", "后街社区")
			if strings.Contains(scr, "13800138000") {
				t.Fatalf("the full phone number is on the card:\n%s", scr)
			}
			tm.Keys("Enter")
			tm.Type("zsf")
			tm.WaitFor(tc.found, "张三丰", "138****8000")
			tm.Keys("C-g")
			tm.WaitFor(tc.signed)
			tm.Keys("Escape")
			tm.WaitFor(tc.today, "张三丰")
			tm.Keys("F10")
			tm.WaitFor("EXIT=0")
		})
	}
}
