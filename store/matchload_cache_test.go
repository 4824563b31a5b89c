package store

import (
	"testing"
	"time"

	"gigdesk/store/match"
)

// The static pool is kept between loads; every change that matching sees must show on the
// next load, and one load's bookings must never leak into another's.
func TestCachedPoolFollowsChanges(t *testing.T) {
	st := newDispatchStation(t)
	mc, err := st.s.MatchContext(st.ctx)
	if err != nil {
		t.Fatal(err)
	}
	window := PoolFilter{From: dispatchNow, To: dispatchNow.Add(48 * time.Hour)}
	load := func() *WorkerPool {
		t.Helper()
		pool, err := st.s.LoadWorkerPool(st.ctx, mc, window)
		if err != nil {
			t.Fatal(err)
		}
		return pool
	}
	find := func(pool *WorkerPool, id int64) *match.Worker {
		t.Helper()
		w, ok := pool.Find(id)
		if !ok {
			return nil
		}
		return w
	}
	a := st.worker("张三丰", 1, 100)
	if p := load(); len(p.Workers) != 1 || find(p, a.ID).Priority {
		t.Fatalf("first load: %+v", p.Workers)
	}
	// The same state twice: the second load must not share the first's slices.
	first := load()
	find(first, a.ID).Busy = append(find(first, a.ID).Busy, match.Interval{Start: dispatchNow, End: dispatchNow.Add(time.Hour)})
	if w := find(load(), a.ID); len(w.Busy) != 0 {
		t.Fatalf("a load sees another load's bookings: %v", w.Busy)
	}

	// A new worker, a changed worker.
	b := st.worker("李四", 2, 101)
	a.Groups, a.ExpectedPayFen, a.ExpectedPayUnit = []string{"low_income"}, 30000, PerDay
	a.Trades = []WorkerTrade{{TradeID: 1, Years: 3}, {TradeID: 6, Years: 1}}
	if _, err := st.s.UpdateWorker(st.ctx, st.head, a); err != nil {
		t.Fatal(err)
	}
	p := load()
	wa := find(p, a.ID)
	if len(p.Workers) != 2 || find(p, b.ID) == nil || !wa.Priority || wa.ExpectedPayFen != 30000 || len(wa.Trades) != 2 {
		t.Fatalf("after new and changed workers: %+v", p.Workers)
	}

	// A dispatch: booked in the window, counted in the rotation and the last dispatch.
	j := st.job(1, 1, dispatchNow.Add(3*time.Hour), 4)
	st.dispatch(j, Worker{ID: a.ID})
	wa = find(load(), a.ID)
	if len(wa.Busy) != 1 || wa.DispatchesLast7 != 1 || !wa.LastDispatch.Equal(dispatchNow) {
		t.Fatalf("after a dispatch: busy %v last7 %d last %v", wa.Busy, wa.DispatchesLast7, wa.LastDispatch)
	}

	// Signing in and pausing a worker.
	if _, err := st.s.SignIn(st.ctx, st.head, b.ID); err != nil {
		t.Fatal(err)
	}
	if w := find(load(), b.ID); w == nil || !w.PresentToday {
		t.Fatalf("signed in worker: %+v", w)
	}
	if err := st.s.SetWorkerStatus(st.ctx, st.head, b.ID, Paused, "回老家"); err != nil {
		t.Fatal(err)
	}
	if p := load(); find(p, b.ID) != nil || len(p.Workers) != 1 {
		t.Fatalf("paused worker still in the pool: %+v", p.Workers)
	}

	if n := st.s.poolCache().reads; n != 1 {
		t.Fatalf("the pool was read whole %d times; writes to workers and dispatches should patch it", n)
	}

	// Another store on the same file writes: this store's next load sees it.
	other, err := Open(st.s.Target(), WithClock(func() time.Time { return dispatchNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetWorkerStatus(st.ctx, st.head, b.ID, Active, ""); err != nil {
		t.Fatal(err)
	}
	if p := load(); find(p, b.ID) == nil {
		t.Fatalf("a change by another process is not seen: %+v", p.Workers)
	}

	// A record the cache cannot place to workers (a place added) reads every worker again.
	if _, err := st.s.AddPlace(st.ctx, st.head, 10, "新村社区"); err != nil {
		t.Fatal(err)
	}
	load()
	if n := st.s.poolCache().reads; n != 2 {
		t.Fatalf("after a new place the pool was read whole %d times, want 2", n)
	}
	if ids, n, err := st.s.CheckWorkerPool(st.ctx); err != nil || n != 0 {
		t.Fatalf("the pool's rows differ from the records for %d workers (%v): %v", n, ids, err)
	}
}
