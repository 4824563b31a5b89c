package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"gigdesk/store"
)

// TestRightsInTerminal drives the built binary: first run, an insured dispatch with its insurer
// and policy number, a rights case opened from today's dispatch list (marked there), the case in
// Admin's ledger, and the Summary screen's rights figures, at 80x24 in Chinese and wide in English.
func TestRightsInTerminal(t *testing.T) {
	for _, tc := range []struct {
		lang, duty, insurer, mark, ledger, opened, insured string
		w, h                                               int
	}{
		{"zh", "值班：王芳", "保险公司（可空", "维权中", "待跟进（最久的在前）", "维权案件登记", "投保派工", 80, 24},
		{"en", "On duty: 王芳", "Insurer (optional", "case open", "To follow up (oldest first)", "Rights cases opened", "Insured dispatches", 160, 48},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			db := stationDB(t, "station.db")
			tm := StartTerm(t, tc.w, tc.h, nil, "--db", db, "--lang", tc.lang)
			tm.FirstRun("后街零工市场", "王芳", "7392")
			tm.WaitFor(tc.duty)
			s, job := matchStation(t, db, time.Now(), false)

			// accept and dispatch the first candidate, insured, with insurer and policy number
			tm.Keys("F4", "g")
			tm.Type(fmt.Sprint(job.ID))
			tm.Keys("Enter")
			tm.WaitFor("张*丰", "4/4")
			tm.Keys("a")
			tm.WaitFor("250.00")
			tm.Keys("Enter", "y")
			tm.WaitFor(tc.insurer)
			tm.Type("人保财险")
			tm.Keys("Enter")
			tm.Type("PICC-0001")
			tm.Keys("Enter")
			ctx := context.Background()
			var ds []store.Dispatch
			var err error
			for range 50 {
				if ds, err = s.Dispatches(ctx, store.DispatchFilter{JobID: job.ID}); err == nil && len(ds) == 1 {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			if err != nil || len(ds) != 1 {
				t.Fatalf("dispatches: %+v %v\n%s", ds, err, tm.Screen())
			}
			// the insurer is saved just after the dispatch
			var in store.Insurance
			for range 50 {
				if in, err = s.InsuranceOf(ctx, ds[0].ID); err == nil && in.PolicyNo != "" {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			must(t, err)
			if !in.Insured || in.Insurer != "人保财险" || in.PolicyNo != "PICC-0001" {
				t.Fatalf("insurance: %+v", in)
			}

			// a rights case from today's list: k, the kind (1 unpaid wages), worker, amount, words
			tm.Keys("t")
			tm.WaitFor("张*丰", "李阿姨")
			tm.Keys("k")
			tm.WaitFor("250.00")
			tm.Keys("1", "w", "Tab")
			tm.Type("雇主说下周再付")
			tm.Keys("C-s")
			scr := tm.WaitFor(tc.mark)
			t.Logf("%s %dx%d dispatches:\n%s", tc.lang, tc.w, tc.h, scr)
			cs, err := s.RightsCases(ctx, store.CaseFilter{DispatchID: ds[0].ID})
			must(t, err)
			if len(cs) != 1 || cs[0].Kind != store.CaseUnpaid || cs[0].AmountFen != 25000 {
				t.Fatalf("cases: %+v", cs)
			}

			// the head sees it in the ledger (F6: staff … privacy, guide pay, training, cases)
			tm.Keys("F6")
			for range 7 {
				tm.Keys("F6")
			}
			scr = tm.WaitFor(tc.ledger, "雇主说下周", "张*丰")
			t.Logf("%s ledger:\n%s", tc.lang, scr)
			tm.Keys("Enter")
			tm.WaitFor("#1", "250.00")
			tm.Keys("Escape")

			// the Summary screen counts the case and the insured dispatch today
			tm.Keys("F5")
			tm.WaitFor(tc.duty)
			for range 12 {
				if strings.Contains(tm.Screen(), tc.insured) {
					break
				}
				tm.Keys("NPage")
				time.Sleep(100 * time.Millisecond)
			}
			for range 4 { // a page may end between the two: a line up brings the first back
				if strings.Contains(tm.Screen(), tc.opened) {
					break
				}
				tm.Keys("Up")
				time.Sleep(100 * time.Millisecond)
			}
			scr = tm.WaitFor(tc.opened, tc.insured)
			t.Logf("%s summary:\n%s", tc.lang, scr)
			for _, label := range []string{tc.opened, tc.insured} {
				if !figureIs(scr, label, "1") {
					t.Errorf("%s is not 1 today:\n%s", label, scr)
				}
			}
			tm.Keys("F10")
			tm.WaitFor("EXIT=0")
		})
	}
}

// figureIs reports whether the Summary line of label shows want as today's figure.
func figureIs(scr, label, want string) bool {
	for _, l := range strings.Split(scr, "\n") {
		if i := strings.Index(l, label); i >= 0 {
			f := strings.Fields(l[i+len(label):])
			return len(f) > 0 && f[0] == want
		}
	}
	return false
}
