package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"gigdesk/store/fairness"
	"gigdesk/store/testdb"
)

// fairStation is five days (11-24…11-28) of a small station, built through the store:
//
//	A low_income           signs in 5 days, dispatched 24 and 28
//	B disabled+low_income  signs in 27, 28; dispatched 28, cancelled
//	C —                    signs in 5 days, dispatched 24, 26, 27, a no-show on 28
//	D — (shoe repair)      signs in 5 days, no job in the trade
//	E veteran              signs in 26–28, declines the call of 27
func fairStation(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	clock := time.Date(2026, 11, 24, 7, 0, 0, 0, Shanghai)
	s := must(Open(testdb.New(t, "gigdesk.db"), WithClock(func() time.Time { return clock })))(t)
	t.Cleanup(func() { s.Close() })
	must(s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468"))(t)
	staff := must(s.ListStaff(ctx))(t)[0].ID
	mk := func(name, phone string, trade int64, groups ...string) int64 {
		w := regWorker(name, phone, 1975, trade)
		w.Groups = groups
		return must(s.CreateWorker(ctx, staff, w))(t).ID
	}
	a := mk("公平甲", "13600000001", 1, "low_income")
	b := mk("公平乙", "13600000002", 1, "disabled", "low_income")
	c := mk("公平丙", "13600000003", 1)
	d := mk("公平丁", "13600000004", 5)
	e := mk("公平戊", "13600000005", 1, "veteran")
	signIns := map[int][]int64{24: {a, c, d}, 25: {a, c, d}, 26: {a, c, d, e}, 27: {a, b, c, d, e}, 28: {a, b, c, d, e}}
	dispatch := map[int][]int64{24: {a, c}, 26: {c}, 27: {c}, 28: {a, b, c}}
	for day := 24; day <= 28; day++ {
		clock = time.Date(2026, 11, day, 7, 0, 0, 0, Shanghai)
		for _, w := range signIns[day] {
			must(s.SignIn(ctx, staff, w))(t)
		}
		_, j := must2(s.CreateJob(ctx, staff, Employer{Kind: Resident, Name: "李阿姨", Phone: fmt.Sprintf("139000000%02d", day)},
			Job{TradeID: 1, Headcount: 3, CommunityID: 100, StartsAt: clock.Add(2 * time.Hour), Duration: 4 * time.Hour, PayFen: 20000, PayUnit: PerDay}))(t)
		if day == 27 {
			must(s.RecordCall(ctx, staff, j.ID, e, Declined, ""))(t)
		}
		for _, w := range dispatch[day] {
			dp := must(s.Dispatch(ctx, staff, DispatchInput{JobID: j.ID, WorkerID: w}))(t)
			switch {
			case w == b:
				must(s.Cancel(ctx, staff, dp.ID, "worker", "家里有事"))(t)
			case w == c && day == 28:
				must(s.MarkNoShow(ctx, staff, dp.ID))(t)
			}
		}
	}
	clock = time.Date(2026, 11, 28, 18, 0, 0, 0, Shanghai)
	return s
}

func TestFairnessAgainstRecords(t *testing.T) {
	s := fairStation(t)
	ctx := context.Background()
	f := must(s.Fairness(ctx, "2026-11-24", "2026-11-28", 10))(t)
	// Among those signed in all 5 days, days worked are A 2, C 3, D 0: Σ|xi−xj| = 12 over
	// 2·3²·(5/3) = 30.
	if f.MinSignIns != 5 || f.GiniWorkers != 3 || !near(f.Gini, 0.4) {
		t.Errorf("Gini %v over %d (min %d), want 0.4 over 3 (min 5)", f.Gini, f.GiniWorkers, f.MinSignIns)
	}
	want := fairness.Shares{
		SignIns: 20, Dispatches: 6, // A 2, C 4 (the no-show was dispatched; B's was cancelled)
		Priority: fairness.GroupShare{SignIns: 10, Dispatches: 2, ShareOfSignIns: 0.5, ShareOfDispatches: 2.0 / 6},
		ByGroup: []fairness.GroupShare{
			{Group: "low_income", SignIns: 7, Dispatches: 2, ShareOfSignIns: 7.0 / 20, ShareOfDispatches: 2.0 / 6},
			{Group: "disabled", SignIns: 2, ShareOfSignIns: 0.1},
			{Group: "veteran", SignIns: 3, ShareOfSignIns: 0.15},
		},
	}
	if !reflect.DeepEqual(f.Shares, want) {
		t.Errorf("shares\n%+v\nwant\n%+v", f.Shares, want)
	}
	var got []string
	for _, w := range f.Waiting {
		got = append(got, fmt.Sprintf("%s %d %s", w.Name, w.SignInDays, w.Reason))
	}
	// B's top reason is the factor that lost most points: pay (the defaults weigh the record 0)
	if want := []string{"公平丁 5 no_trade", "公平戊 3 declined", "公平乙 2 pay"}; f.WaitingTotal != 3 || !reflect.DeepEqual(got, want) {
		t.Errorf("waiting %v (total %d), want %v", got, f.WaitingTotal, want)
	}
	if short := must(s.Fairness(ctx, "2026-11-24", "2026-11-28", 1))(t); len(short.Waiting) != 1 || short.WaitingTotal != 3 {
		t.Errorf("limit 1: %d listed of %d", len(short.Waiting), short.WaitingTotal)
	}

	// The day and the last 30 days, as the Summary carries them.
	sum := must(s.Summary(ctx, SpanDay, "2026-11-28"))(t)
	day := sum.Fairness
	// On the 28th all five signed in (min 1); only A worked: [1 0 0 0 0] gives 0.8.
	if day.MinSignIns != 1 || day.GiniWorkers != 5 || !near(day.Gini, 0.8) || day.Shares.SignIns != 5 || day.Shares.Dispatches != 2 {
		t.Errorf("the day: %+v", day)
	}
	if m := sum.Fairness30; m.From != "2026-10-30" || m.To != "2026-11-28" || !near(m.Gini, 0.4) || m.WaitingTotal != 3 {
		t.Errorf("30 days: %+v", m)
	}
	if _, err := s.Fairness(ctx, "2026-11-28", "2026-11-24", 10); err == nil {
		t.Error("a range that ends before it starts was accepted")
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
