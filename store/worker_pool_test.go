package store_test

import (
	"context"
	"gigdesk/store/testdb"
	"reflect"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/match"
)

// recordNow is a weekday morning at the demo station of this test.
var recordNow = time.Date(2026, 5, 20, 9, 0, 0, 0, store.Shanghai)

// historyRecords computes every worker's record from their dispatches, the slow way the pool
// once read it: one pass over all of them.
func historyRecords(t *testing.T, s *store.Store) map[int64]match.Worker {
	t.Helper()
	ds, err := s.Dispatches(context.Background(), store.DispatchFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]match.Worker{}
	for _, d := range ds {
		if d.Status == store.Cancelled {
			continue
		}
		w := out[d.WorkerID]
		switch d.Status {
		case store.DoneStatus:
			w.Dispatches++
			w.Completed++
		case store.NoShow:
			w.Dispatches++
			w.NoShows++
		}
		if d.WorkerRating > 0 {
			w.RatingSum += d.WorkerRating
			w.RatingCount++
		}
		if d.CreatedAt.After(w.LastDispatch) {
			w.LastDispatch = d.CreatedAt
		}
		out[d.WorkerID] = w
	}
	return out
}

// samePoolRecords fails when a pool worker's record differs from the one the history gives.
func samePoolRecords(t *testing.T, what string, pool *store.WorkerPool, want map[int64]match.Worker) {
	t.Helper()
	bad := 0
	for _, w := range pool.Workers {
		h := want[w.ID]
		if w.Dispatches != h.Dispatches || w.Completed != h.Completed || w.NoShows != h.NoShows ||
			w.RatingSum != h.RatingSum || w.RatingCount != h.RatingCount || !w.LastDispatch.Equal(h.LastDispatch) {
			if bad++; bad <= 3 {
				t.Errorf("%s: worker %d has %d/%d/%d rated %d×%d last %v; the history says %d/%d/%d rated %d×%d last %v", what, w.ID,
					w.Dispatches, w.Completed, w.NoShows, w.RatingSum, w.RatingCount, w.LastDispatch,
					h.Dispatches, h.Completed, h.NoShows, h.RatingSum, h.RatingCount, h.LastDispatch)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d workers differ from their history", what, bad, len(pool.Workers))
	}
}

// The records the store keeps (and the pool reads instead of the history) equal those computed
// from the dispatches on the demo database, after the load and after every kind of change to a
// dispatch, in the cached pool as in a freshly read one; check finds them equal, and a row
// put wrong by hand is found and rebuilt.
func TestWorkerRecordsEqualHistory(t *testing.T) {
	ctx := context.Background()
	clock := func() time.Time { return recordNow }
	path := testdb.New(t, "demo.db")
	s, err := store.Open(path, store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := demo.Defaults()
	o.Now = recordNow
	if _, err := demo.Generate(ctx, s, o); err != nil {
		t.Fatal(err)
	}
	mc, err := s.MatchContext(ctx)
	if err != nil {
		t.Fatal(err)
	}
	load := func(s *store.Store) *store.WorkerPool {
		t.Helper()
		pool, err := s.LoadWorkerPool(ctx, mc, store.PoolFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return pool
	}
	samePoolRecords(t, "after the demo load", load(s), historyRecords(t, s))

	head := staffHead(t, s)
	open, err := s.Dispatches(ctx, store.DispatchFilter{Day: s.Today()})
	if err != nil {
		t.Fatal(err)
	}
	steps := 0
	for _, d := range open {
		if d.Status != store.Dispatched {
			continue
		}
		var err error
		switch steps % 4 {
		case 0:
			if _, err = s.Done(ctx, head, d.ID); err == nil {
				_, err = s.Rate(ctx, head, d.ID, 2, 5)
			}
		case 1:
			_, err = s.MarkNoShow(ctx, head, d.ID)
		case 2:
			_, err = s.Cancel(ctx, head, d.ID, store.ByEmployer, "活取消了")
		case 3:
			_, err = s.CheckIn(ctx, head, d.ID)
		}
		if err != nil {
			t.Fatalf("step %d on dispatch %d: %v", steps, d.ID, err)
		}
		steps++
	}
	if steps < 4 {
		t.Fatalf("the demo has %d open dispatches today; the test needs 4", steps)
	}
	cached := load(s) // brought up to date from the audit rows, not read again
	want := historyRecords(t, s)
	samePoolRecords(t, "cached, after the changes", cached, want)
	other, err := store.Open(path, store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	samePoolRecords(t, "read afresh, after the changes", load(other), want)
	if ids, n, err := s.CheckWorkerPool(ctx); err != nil || n != 0 {
		t.Fatalf("check finds %d workers differ (%v): %v", n, ids, err)
	}

	db, err := store.OpenSQL(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE worker_pool SET facts = facts || ',99:1' WHERE worker_id = (SELECT min(worker_id) FROM worker_pool)`); err != nil {
		t.Fatal(err)
	}
	if _, n, err := s.CheckWorkerPool(ctx); err != nil || n != 1 {
		t.Fatalf("check finds %d workers differ after one row was spoilt: %v", n, err)
	}
	if err := s.RebuildWorkerPool(ctx, head); err != nil {
		t.Fatal(err)
	}
	if ids, n, err := s.CheckWorkerPool(ctx); err != nil || n != 0 {
		t.Fatalf("after the rebuild check finds %d workers differ (%v): %v", n, ids, err)
	}
}

// staffHead is the station head's staff id.
func staffHead(t testing.TB, s *store.Store) int64 {
	t.Helper()
	staff, err := s.ListStaff(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range staff {
		if st.Role == store.RoleHead {
			return st.ID
		}
	}
	t.Fatal("no head among the staff")
	return 0
}

// A process that ranks one job reads only the workers with a fitting trade; its ranking and
// the count of workers considered are those of the whole cached pool.
func TestRankingFromTradesEqualsWholePool(t *testing.T) {
	ctx := context.Background()
	path := testdb.New(t, "demo.db")
	clock := store.WithClock(func() time.Time { return recordNow })
	s, err := store.Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := demo.Defaults()
	o.Now = recordNow
	if _, err := demo.Generate(ctx, s, o); err != nil {
		t.Fatal(err)
	}
	jobs, err := s.Jobs(ctx, store.JobFilter{From: recordNow, Statuses: []store.JobStatus{store.JobOpen, store.JobPartly}})
	if err != nil || len(jobs) < 3 {
		t.Fatalf("%d open jobs: %v", len(jobs), err)
	}
	for _, j := range jobs[:3] {
		cold, err := store.Open(path, clock)
		if err != nil {
			t.Fatal(err)
		}
		a, err := cold.RankForJob(ctx, j.ID, 0)
		cold.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.WarmPool(ctx); err != nil {
			t.Fatal(err)
		}
		b, err := s.RankForJob(ctx, j.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if a.Pool != b.Pool || !reflect.DeepEqual(a.Candidates, b.Candidates) {
			t.Fatalf("job %d: from its trades %d considered, %d candidates; from the whole pool %d, %d", j.ID, a.Pool, len(a.Candidates), b.Pool, len(b.Candidates))
		}
		if len(a.Candidates) == 0 {
			t.Fatalf("job %d has no candidates: the test proves nothing", j.ID)
		}
	}
}
