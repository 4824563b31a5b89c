package store

import (
	"context"
	"fmt"
	"gigdesk/store/testdb"
	"testing"
	"time"
)

// forgotten makes, on a clock days ago, n dispatches of jobs that ran 08:00–12:00 that day
// and were never closed; it returns their ids, oldest first.
func forgotten(t *testing.T, path string, daysAgo []int) []int64 {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	for i, d := range daysAgo {
		morning := time.Date(2026, 11, 28-d, 7, 0, 0, 0, Shanghai)
		s := must(Open(path, WithClock(func() time.Time { return morning })))(t)
		staff := must(s.ListStaff(ctx))(t)[0].ID
		w := must(s.CreateWorker(ctx, staff, regWorker([]string{"忘关甲", "忘关乙", "忘关丙", "忘关丁"}[i], fmt.Sprintf("1360000%04d", i), 1980, 1)))(t)
		_, j := must2(s.CreateJob(ctx, staff, Employer{Kind: Resident, Name: "李阿姨", Phone: fmt.Sprintf("1390000%04d", i)},
			Job{TradeID: 1, Headcount: 1, StartsAt: morning.Add(time.Hour), Duration: 4 * time.Hour, PayFen: 20000, PayUnit: PerDay}))(t)
		ids = append(ids, must(s.Dispatch(ctx, staff, DispatchInput{JobID: j.ID, WorkerID: w.ID}))(t).ID)
		s.Close()
	}
	return ids
}

func must2[A, B any](a A, b B, err error) func(testing.TB) (A, B) {
	return func(t testing.TB) (A, B) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	}
}

func TestStillOpenDispatches(t *testing.T) {
	path := testdb.New(t, "gigdesk.db")
	s := must(Open(path, WithClock(func() time.Time { return fixedNow })))(t)
	ctx := context.Background()
	must(s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468"))(t)
	s.Close()
	ids := forgotten(t, path, []int{0, 400, 3, 1}) // today (ended 12:00), over a year ago, …
	s = must(Open(path, WithClock(func() time.Time { return fixedNow })))(t)
	defer s.Close()
	must(s.CheckIn(ctx, 1, ids[3]))(t) // checked in yesterday, never done: still open
	list, total := must2(s.StillOpenDispatches(ctx, "2026-11-28", 10))(t)
	var got []int64
	for _, o := range list {
		got = append(got, o.DispatchID)
	}
	if want := []int64{ids[1], ids[2], ids[3], ids[0]}; total != 4 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("still open %v (total %d), want %v oldest first", got, total, want)
	}
	if list[2].Status != CheckedIn || list[0].Worker != "忘关乙" {
		t.Fatalf("rows %+v", list)
	}
	// as of the end of yesterday, today's is not yet over; a closed one drops off
	must(s.Done(ctx, 1, ids[2]))(t)
	must(s.MarkNoShow(ctx, 1, ids[1]))(t)
	if _, total := must2(s.StillOpenDispatches(ctx, "2026-11-27", 10))(t); total != 1 {
		t.Fatalf("as of 11-27: %d still open, want 1 (the checked-in one)", total)
	}
	sum := must(s.Summary(ctx, SpanDay, "2026-11-28"))(t)
	if sum.StillOpenCount != 2 || len(sum.StillOpen) != 2 {
		t.Fatalf("summary still open %d %+v", sum.StillOpenCount, sum.StillOpen)
	}
}
