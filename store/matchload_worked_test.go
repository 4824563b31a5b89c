package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"gigdesk/store/match"
	"gigdesk/store/testdb"
)

// The rotation factor's days worked come from the dispatches: each local day with one starting
// (not cancelled; a no-show counts) in the last 30 days, today included, once however many
// dispatches it holds. The cached pool, the one-worker load and the cache after a write agree,
// and a month later the window has moved on. The half-days a worker keeps load with them.
func TestPoolDaysWorked(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 11, 2, 7, 0, 0, 0, Shanghai)
	path := testdb.New(t, "gigdesk.db")
	s := must(Open(path, WithClock(func() time.Time { return clock })))(t)
	t.Cleanup(func() { s.Close() })
	must(s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468"))(t)
	staff := must(s.ListStaff(ctx))(t)[0].ID
	mk := func(name, phone string, avail int) int64 {
		w := regWorker(name, phone, 1980, 1)
		w.Availability = avail
		return must(s.CreateWorker(ctx, staff, w))(t).ID
	}
	a, b, c := mk("做工甲", "13600000011", 1<<14-1), mk("做工乙", "13600000012", 0b11), mk("做工丙", "13600000013", 0)
	n := 0
	dispatch := func(day, hour int, w int64) Dispatch {
		clock = time.Date(2026, 11, day, 7, 0, 0, 0, Shanghai)
		n++
		_, j := must2(s.CreateJob(ctx, staff, Employer{Kind: Resident, Name: "李阿姨", Phone: fmt.Sprintf("139000001%02d", n)},
			Job{TradeID: 1, Headcount: 1, CommunityID: 100, StartsAt: clock.Add(time.Duration(hour-7) * time.Hour), Duration: 2 * time.Hour, PayFen: 20000, PayUnit: PerDay}))(t)
		return must(s.Dispatch(ctx, staff, DispatchInput{JobID: j.ID, WorkerID: w}))(t)
	}
	dispatch(2, 9, a) // leaves the window on 2 December
	dispatch(20, 8, a)
	dispatch(20, 14, a) // the same day again
	dispatch(25, 9, a)
	must(s.MarkNoShow(ctx, staff, dispatch(26, 9, a).ID))(t)
	must(s.Cancel(ctx, staff, dispatch(27, 9, b).ID, "worker", "家里有事"))(t)
	dispatch(28, 9, c)
	clock = time.Date(2026, 11, 28, 18, 0, 0, 0, Shanghai)
	load := func(f PoolFilter) map[int64]match.Worker {
		t.Helper()
		mc := must(s.MatchContext(ctx))(t)
		pool := must(s.LoadWorkerPool(ctx, mc, f))(t)
		out := map[int64]match.Worker{}
		for _, w := range pool.Workers {
			out[w.ID] = w
		}
		return out
	}
	check := func(when string, want map[int64]int) {
		t.Helper()
		cached := load(PoolFilter{})
		// another process ranking one job (gigdesk match) reads the trade's rows cold: the days
		// come with each worker's row of worker_pool, written when their dispatches last changed
		other := must(Open(path, WithClock(func() time.Time { return clock })))(t)
		defer other.Close()
		mc := must(other.MatchContext(ctx))(t)
		byTrade := map[int64]match.Worker{}
		for _, w := range must(other.LoadWorkerPool(ctx, mc, PoolFilter{Trades: []int64{1}}))(t).Workers {
			byTrade[w.ID] = w
		}
		for id, days := range want {
			one := load(PoolFilter{WorkerID: id})[id]
			if cached[id].DaysWorked30 != days || one.DaysWorked30 != days || byTrade[id].DaysWorked30 != days {
				t.Errorf("%s: worker %d worked %d days (cached) / %d (alone) / %d (by trade, cold), want %d",
					when, id, cached[id].DaysWorked30, one.DaysWorked30, byTrade[id].DaysWorked30, days)
			}
		}
		if bad, n, err := s.CheckWorkerPool(ctx); err != nil || n != 0 {
			t.Errorf("%s: check finds %d rows unlike the records (%v): %v", when, n, bad, err)
		}
	}
	check("on the 28th", map[int64]int{a: 4, b: 0, c: 1}) // the 2nd, the 20th twice, the 25th, the no-show of the 26th
	if p := load(PoolFilter{}); p[a].Availability != 1<<14-1 || p[b].Availability != 0b11 || p[c].Availability != 1<<14-1 {
		t.Errorf("half-days %b %b %b, want all, Monday, all (none given is every half-day)", p[a].Availability, p[b].Availability, p[c].Availability)
	}
	dispatch(28, 15, b) // a write the cache patches in
	clock = time.Date(2026, 11, 28, 18, 0, 0, 0, Shanghai)
	check("after a dispatch", map[int64]int{a: 4, b: 1, c: 1})
	clock = time.Date(2026, 12, 2, 8, 0, 0, 0, Shanghai) // the 2nd of November has left the window
	check("on 2 December", map[int64]int{a: 3, b: 1, c: 1})
	clock = time.Date(2027, 1, 10, 8, 0, 0, 0, Shanghai)
	check("in January", map[int64]int{a: 0, b: 0, c: 0})
}
