package main

import (
	"strings"
	"testing"
)

// TestJobsInTerminal takes a phone job from a new employer in the real binary, then the same
// caller's usual job, in zh at 80x24 and en wide.
func TestJobsInTerminal(t *testing.T) {
	for _, tc := range []struct {
		lang, name, addr, when, dur, empty, newEmp, known, card1, card2 string
		w, h                                                            int
	}{
		{"zh", "张阿姨", "后街12号", "明天9:00", "4小时", "今天还没有需求", "新雇主", "老雇主：张阿姨", "需求编号 1", "需求编号 2", 80, 24},
		{"en", "Zhang", "12 Back Street", "tomorrow 9:00", "4h", "No jobs today yet", "New employer", "Known employer: Zhang", "Job number 1", "Job number 2", 160, 48},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			db := stationDB(t, "station.db")
			tm := StartTerm(t, tc.w, tc.h, nil, "--db", db, "--lang", tc.lang)
			tm.FirstRun("后街零工市场", "王芳", "2468")
			tm.WaitFor("王芳", "F2")
			tm.Keys("F2")
			tm.WaitFor(tc.empty)

			// a new employer calls
			tm.Keys("n")
			tm.Type("13800138000")
			tm.Keys("Enter")
			tm.WaitFor(tc.newEmp)
			tm.Keys("Enter") // a resident
			tm.Type(tc.name)
			tm.Keys("Enter", "Enter") // no separate contact
			tm.Type(tc.addr)
			tm.Keys("Enter")
			tm.Type("hj")
			tm.WaitFor("后街社区")
			tm.Keys("Enter")
			tm.Type("sd")
			tm.Keys("Enter")
			tm.Type("2")
			tm.Keys("Enter")
			tm.Type(tc.when)
			tm.Keys("Enter")
			tm.Type(tc.dur)
			tm.Keys("Enter", "Enter", "Enter")
			tm.Type("300")
			tm.Keys("C-s")
			scr := tm.WaitFor(tc.card1, "138****8000")
			if strings.Contains(scr, "13800138000") {
				t.Fatalf("the list shows the full phone:\n%s", scr)
			}

			// the same caller again: the usual job, tomorrow at the usual hour
			tm.Keys("n")
			tm.Type("13800138000")
			tm.Keys("Enter")
			tm.WaitFor(tc.known)
			tm.Keys("C-s")
			tm.WaitFor(tc.card2)
			tm.Keys("F10")
			tm.WaitFor("EXIT=0")
		})
	}
}
