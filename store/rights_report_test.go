package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"gigdesk/store/testdb"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
)

// TestRightsFiguresAgreeWithBruteForce loads a demo month, adds cases, referrals, insurance
// and jobs below the guide over ten days, and recounts every figure row by row in Go.
func TestRightsFiguresAgreeWithBruteForce(t *testing.T) {
	start := time.Date(2026, 11, 18, 9, 0, 0, 0, store.Shanghai)
	now := start
	path := testdb.New(t, "gigdesk.db")
	s, err := store.Open(path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	head, err := s.Setup(ctx, "后街零工驿站", "王站长")
	if err != nil {
		t.Fatal(err)
	}
	o := demo.Defaults()
	o.Workers, o.Employers, o.Days = 200, 30, 20
	if _, err := demo.Generate(ctx, s, o); err != nil {
		t.Fatal(err)
	}
	db, err := store.OpenSQL(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ids := func(q string, args ...any) []int64 {
		rows, err := db.Query(q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []int64
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			out = append(out, id)
		}
		return out
	}
	dispatches := ids(`SELECT id FROM dispatches WHERE status <> 'cancelled' ORDER BY id`)
	workers := ids(`SELECT id FROM workers ORDER BY id`)
	employers := ids(`SELECT id FROM employers ORDER BY id`)
	if len(dispatches) < 40 || len(workers) < 20 {
		t.Fatalf("demo too small: %d dispatches", len(dispatches))
	}
	if err := s.SetGuidePay(ctx, head.ID, 1, store.PerDay, 30000); err != nil {
		t.Fatal(err)
	}
	offer, err := s.SaveOffer(ctx, head.ID, store.TrainingOffer{Title: "低压电工作业培训", TradeID: 1})
	if err != nil {
		t.Fatal(err)
	}
	var open []int64
	k := 0
	for day := 0; day < 10; day++ {
		for i := 0; i <= day%4; i++ {
			now = start.AddDate(0, 0, day).Add(time.Duration(i*97) * time.Minute)
			k++
			c, err := s.OpenCase(ctx, head.ID, store.RightsCase{Kind: store.CaseKinds[k%len(store.CaseKinds)], OpenedBy: store.ByWorker,
				DispatchID: dispatches[k%len(dispatches)], Summary: fmt.Sprintf("case %d", k)})
			if err != nil {
				t.Fatal(err)
			}
			open = append(open, c.ID)
			if k%3 == 0 && len(open) > 1 { // resolve an older case today
				if _, err := s.UpdateCase(ctx, head.ID, open[0], store.CaseStep{Status: store.CaseResolved, Note: "已解决"}); err != nil {
					t.Fatal(err)
				}
				open = open[1:]
			}
			if k%5 == 0 {
				if _, err := s.UpdateCase(ctx, head.ID, open[0], store.CaseStep{Status: store.CaseReferred, ReferredTo: store.ReferMediation, Note: "转调解"}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.Refer(ctx, head.ID, workers[k%len(workers)], offer.ID, 0); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SetInsurance(ctx, head.ID, dispatches[(k*7)%len(dispatches)], k%2 == 0, "", ""); err != nil {
				t.Fatal(err)
			}
			pay := int64(30000)
			j := store.Job{TradeID: 1, Headcount: 1, StartsAt: now.Add(48 * time.Hour), Duration: 8 * time.Hour, PayFen: pay, PayUnit: store.PerDay}
			if k%2 == 1 {
				j.PayFen, j.Review.PayReason = 25000, "半天"
			}
			e, err := s.Employer(ctx, employers[k%len(employers)])
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.CreateJob(ctx, head.ID, e, j); err != nil {
				t.Fatal(err)
			}
		}
	}

	// brute force: every row, bucketed by its station-local day
	type tally map[string]*store.RightsFigures
	got := tally{}
	at := func(day string) *store.RightsFigures {
		if got[day] == nil {
			got[day] = &store.RightsFigures{}
		}
		return got[day]
	}
	dayOf := func(unix int64) string { return time.Unix(unix, 0).In(store.Shanghai).Format(time.DateOnly) }
	each := func(q string, fn func(r *sql.Rows)) {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			fn(rows)
		}
	}
	each(`SELECT opened_at, coalesce(resolved_at, 0), status FROM rights_cases`, func(r *sql.Rows) {
		var opened, resolved int64
		var status string
		r.Scan(&opened, &resolved, &status)
		at(dayOf(opened)).CasesOpened++
		if status == "resolved" {
			at(dayOf(resolved)).CasesResolved++
		}
	})
	each(`SELECT at FROM training_referrals`, func(r *sql.Rows) {
		var a int64
		r.Scan(&a)
		at(dayOf(a)).TrainingReferrals++
	})
	each(`SELECT created_at, insured, status FROM dispatches`, func(r *sql.Rows) {
		var c int64
		var ins bool
		var status string
		r.Scan(&c, &ins, &status)
		if ins && status != "cancelled" {
			at(dayOf(c)).InsuredDispatches++
		}
	})
	// below the guide recomputed from pay, not read from the flag
	each(`SELECT created_at, trade_id, pay_unit, pay_fen, duration_minutes FROM jobs`, func(r *sql.Rows) {
		var c, trade, fen int64
		var unit string
		var minutes int
		r.Scan(&c, &trade, &unit, &fen, &minutes)
		if c < start.Unix() {
			return // demo history predates the guide
		}
		j := store.Job{TradeID: trade, PayUnit: store.PayUnit(unit), PayFen: fen, Duration: time.Duration(minutes) * time.Minute}
		guide := int64(0)
		if trade == 1 && j.PayUnit == store.PerDay {
			guide = 30000
		}
		if store.CheckPay(j, guide, store.DefaultSettings().MinHourlyFen).Below() {
			at(dayOf(c)).BelowGuideJobs++
		}
	})
	var sum store.RightsFigures
	first, last := start.AddDate(0, 0, -o.Days), start.AddDate(0, 0, 10)
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		day := d.Format(time.DateOnly)
		want := store.RightsFigures{}
		if got[day] != nil {
			want = *got[day]
		}
		f, err := s.RightsFigures(ctx, day, day)
		if err != nil {
			t.Fatal(err)
		}
		if f != want {
			t.Errorf("%s: store %+v, brute force %+v", day, f, want)
		}
		sum.CasesOpened += want.CasesOpened
		sum.CasesResolved += want.CasesResolved
		sum.TrainingReferrals += want.TrainingReferrals
		sum.InsuredDispatches += want.InsuredDispatches
		sum.BelowGuideJobs += want.BelowGuideJobs
	}
	whole, err := s.RightsFigures(ctx, first.Format(time.DateOnly), last.Format(time.DateOnly))
	if err != nil || whole != sum {
		t.Fatalf("whole range %+v, sum of days %+v (%v)", whole, sum, err)
	}
	if sum.CasesOpened == 0 || sum.CasesResolved == 0 || sum.TrainingReferrals == 0 || sum.InsuredDispatches == 0 || sum.BelowGuideJobs == 0 {
		t.Fatalf("a figure never moved: %+v", sum)
	}
}
