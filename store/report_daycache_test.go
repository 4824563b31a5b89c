package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/testdb"
)

// The day's Summary compares with the day before and the seven before from the totals kept in
// day_figures. Whatever the counter does to the records of those days — finish, pay, cancel,
// a no-show, a dispute, a new dispatch to a job posted on one of them, a job closed — and as
// the clock passes jobs' starts, the compared figures stay those counted from the records.
func TestKeptDaysFollowTheRecords(t *testing.T) {
	ctx := context.Background()
	now := reportNow
	s, _ := keptStation(t, "kept.db", &now)
	head := staffHead(t, s)
	sameAsCounted := func(step string, wantKept int) {
		t.Helper()
		sum, err := s.SummaryFigures(ctx, store.SpanDay, s.Today())
		if err != nil {
			t.Fatal(step, err)
		}
		for _, got := range []store.Figures{sum.Prev, sum.Last7} {
			want := recounted(t, s, got)
			t.Run(step+" "+got.From+".."+got.To, func(t *testing.T) { compareFigures(t, got, want) })
		}
		for _, d := range sum.Trend {
			want, err := s.DayFigures(ctx, d.Day, d.Day)
			if err != nil {
				t.Fatal(err)
			}
			if d.Count != want.Dispatched {
				t.Errorf("%s: the trend says %d dispatched on %s, the records %d", step, d.Count, d.Day, want.Dispatched)
			}
		}
		if n, err := store.KeptDays(ctx, s); err != nil || n < wantKept {
			t.Fatalf("%s: %d days kept (%v), want at least %d", step, n, err, wantKept)
		}
	}
	sameAsCounted("first read", 29)

	yesterday := s.DayOf(now.AddDate(0, 0, -1))
	past, err := s.Dispatches(ctx, store.DispatchFilter{Day: yesterday})
	if err != nil {
		t.Fatal(err)
	}
	did := map[string]bool{}
	for _, d := range past {
		var step string
		switch {
		case d.Status == store.Dispatched && !did["done"]:
			step = "done"
			_, err = s.Done(ctx, head, d.ID)
		case d.Status == store.Dispatched && !did["no-show"]:
			step = "no-show"
			_, err = s.MarkNoShow(ctx, head, d.ID)
		case d.Status == store.Dispatched && !did["cancel"]:
			step = "cancel"
			_, err = s.Cancel(ctx, head, d.ID, store.ByEmployer, "活取消了")
		case d.Status == store.DoneStatus && d.PaidAt.IsZero() && !did["pay"]:
			step = "pay"
			_, err = s.Pay(ctx, head, d.ID, 12000)
		case d.Status == store.DoneStatus && !did["dispute"]:
			step = "dispute"
			_, err = s.Dispute(ctx, head, d.ID, "工钱少给了")
		default:
			continue
		}
		if err != nil {
			t.Fatalf("%s on dispatch %d: %v", step, d.ID, err)
		}
		did[step] = true
		sameAsCounted(step, 7)
	}
	if len(did) < 4 {
		t.Fatalf("only %v tried: the demo's yesterday should have dispatches to finish, pay and dispute", did)
	}

	// a worker dispatched yesterday is put into a priority group: yesterday's priority count moves
	for _, d := range past {
		w, err := s.Worker(ctx, d.WorkerID)
		if err != nil {
			t.Fatal(err)
		}
		if len(w.Groups) > 0 || d.Status == store.Cancelled {
			continue
		}
		w.Groups = []string{"veteran"}
		if _, err := s.UpdateWorker(ctx, head, w); err != nil {
			t.Fatal(err)
		}
		sameAsCounted("a worker put into a priority group", 7)
		break
	}

	// a job posted before today, still open: a new dispatch fills a place of its posting day,
	// and closing another drops its places from that day's figures
	jobs, err := s.Jobs(ctx, store.JobFilter{From: now, Statuses: []store.JobStatus{store.JobOpen, store.JobPartly}})
	if err != nil {
		t.Fatal(err)
	}
	start, _, _ := s.DayRange(s.Today())
	filled, closed := false, false
	for _, j := range jobs {
		if !j.CreatedAt.Before(start) || !j.CreatedAt.After(start.AddDate(0, 0, -8)) {
			continue
		}
		if !filled {
			r, err := s.RankForJob(ctx, j.ID, 20)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range r.Candidates {
				if _, err := s.Dispatch(ctx, head, store.DispatchInput{JobID: j.ID, WorkerID: c.WorkerID}); err == nil {
					filled = true
					sameAsCounted("a place filled of a job posted "+s.DayOf(j.CreatedAt), 7)
					break
				}
			}
			continue
		}
		if err := s.CloseJob(ctx, head, j.ID, store.JobCancelled, "雇主不用了"); err != nil {
			t.Fatal(err)
		}
		closed = true
		sameAsCounted("a job posted "+s.DayOf(j.CreatedAt)+" cancelled", 7)
		break
	}
	if !filled || !closed {
		t.Fatalf("filled %v, closed %v: the demo should have open jobs posted in the last week", filled, closed)
	}

	// time passes jobs' starts (places become missed) and then a whole day: yesterday's
	// figures are the day before's now, and today's are kept once it is over
	now = now.Add(5 * time.Hour)
	sameAsCounted("five hours later", 7)
	now = now.Add(24 * time.Hour)
	sameAsCounted("the next day", 7)

	// a kept row put wrong (by hand, or a fault) is found by the check and counted again
	if err := store.SpoilKeptDay(ctx, s); err != nil {
		t.Fatal(err)
	}
	n, err := s.CheckDayFigures(ctx)
	if err != nil || n != 1 {
		t.Fatalf("check found %d spoilt days (%v), want 1", n, err)
	}
	sameAsCounted("after the check", 7)
	if n, err := s.CheckDayFigures(ctx); err != nil || n != 0 {
		t.Fatalf("a second check found %d (%v)", n, err)
	}
}

// Writers at two counters finish and pay past dispatches while two screens draw the Summary:
// whatever interleaving the engines give, no kept day outlives a write that fell on it (the
// check finds nothing to drop) and the last draw equals the recount.
func TestKeptDaysUnderConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	now := reportNow
	s, path := keptStation(t, "race.db", &now)
	head := staffHead(t, s)
	var open []store.Dispatch
	seen := map[int64]bool{} // a dispatch made one day for another is listed on both
	for back := 1; back <= 6; back++ {
		ds, err := s.Dispatches(ctx, store.DispatchFilter{Day: s.DayOf(now.AddDate(0, 0, -back))})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if !seen[d.ID] && (d.Status == store.Dispatched || (d.Status == store.DoneStatus && d.PaidAt.IsZero())) {
				seen[d.ID] = true
				open = append(open, d)
			}
		}
	}
	if len(open) < 8 {
		t.Fatalf("only %d past dispatches to finish or pay", len(open))
	}
	other, err := store.Open(path, store.WithClock(func() time.Time { return now })) // a second process
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w, st := range []*store.Store{s, other} {
		wg.Go(func() { // a counter
			for i := w; i < len(open); i += 2 {
				d := open[i]
				var err error
				if d.Status == store.Dispatched {
					_, err = st.Done(ctx, head, d.ID)
				} else {
					_, err = st.Pay(ctx, head, d.ID, 10000)
				}
				if err != nil {
					errs <- err
				}
			}
		})
		wg.Go(func() { // a Summary screen
			for range 6 {
				if err := store.ForgetKeptDays(ctx, st); err != nil {
					errs <- err
				}
				if _, err := st.SummaryFigures(ctx, store.SpanDay, st.Today()); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, err := s.CheckDayFigures(ctx); err != nil || n != 0 {
		t.Fatalf("after the race the check dropped %d kept days (%v): a write was lost on them", n, err)
	}
	sum, err := s.SummaryFigures(ctx, store.SpanDay, s.Today())
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []store.Figures{sum.Prev, sum.Last7} {
		compareFigures(t, got, recounted(t, s, got))
	}
}

// keptStation is a demo station of its own (both engines) at the clock *now, and where it is.
func keptStation(t *testing.T, name string, now *time.Time) (*store.Store, string) {
	t.Helper()
	path := testdb.New(t, name)
	s, err := store.Open(path, store.WithClock(func() time.Time { return *now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	o := demo.Defaults()
	o.Now = *now
	if _, err := demo.Generate(context.Background(), s, o); err != nil {
		t.Fatal(err)
	}
	return s, path
}
