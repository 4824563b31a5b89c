package store

import (
	"math/rand"
	"reflect"
	"testing"
	"time"

	"gigdesk/store/match"
)

func (st *dispatchStation) signIn(w Worker) {
	st.t.Helper()
	err := st.s.Bulk(st.ctx, func(l *Loader) error {
		id, err := l.NextID("sign_ins")
		if err != nil {
			return err
		}
		return l.SignIn(&SignInRecord{ID: id, WorkerID: w.ID, Day: st.s.Today(), InAt: dispatchNow.Add(-time.Hour), StaffID: st.head})
	})
	if err != nil {
		st.t.Fatal(err)
	}
}

func TestRankForJobFromDatabase(t *testing.T) {
	st := newDispatchStation(t)
	j := st.job(1, 2, dispatchNow.Add(3*time.Hour), 4) // 水电 in 后街社区 (100), today
	near := st.worker("张三丰", 1, 100)                   // same community
	sub := st.worker("李四", 1, 101)                     // same sub-district
	far := st.worker("王五", 1, 130)                     // elsewhere in the district
	related := st.worker("赵六", 6, 100)                 // 管道疏通, related to 水电
	present := st.worker("钱七", 1, 130)                 // signed in today
	st.worker("孙八", 3, 100)                            // 木工: no trade fit
	paused := st.worker("周九", 1, 100)
	busy := st.worker("吴十", 1, 100)
	declined := st.worker("郑一", 1, 100)
	if err := st.s.SetWorkerStatus(st.ctx, st.head, paused.ID, Paused, "回老家"); err != nil {
		t.Fatal(err)
	}
	st.dispatch(st.job(2, 1, dispatchNow.Add(4*time.Hour), 2), busy)
	if _, err := st.s.RecordCall(st.ctx, st.head, j.ID, declined.ID, Declined, "没空"); err != nil {
		t.Fatal(err)
	}
	st.signIn(present)

	r, err := st.s.RankForJob(st.ctx, j.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, c := range r.Candidates {
		got = append(got, c.WorkerID)
	}
	// present 57 + distance 26·1/3 for the one at the station, then distance 26/17/8 and trade
	// 4 (related 2): the related trade next door passes the own trade farther off; the rest
	// equal for new workers
	want := []int64{present.ID, near.ID, related.ID, sub.ID, far.ID}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ranked %v, want %v", got, want)
	}
	if r.Pool != 8 {
		t.Errorf("pool of active workers %d, want 8", r.Pool)
	}
	c := r.Workers[present.ID]
	if !c.Match.PresentToday || c.Name != "钱七" || c.IdleDays != match.IdleCapDays || len(c.Trades) != 1 {
		t.Errorf("candidate details %+v", c)
	}
	if !r.Candidates[2].Related {
		t.Errorf("related-trade worker not marked related")
	}
	r2, err := st.s.RankForJob(st.ctx, j.ID, 0)
	if err != nil || !reflect.DeepEqual(r.Candidates, r2.Candidates) {
		t.Fatalf("same input, different ranking")
	}
	// limit keeps the best
	if r3 := must(st.s.RankForJob(st.ctx, j.ID, 2))(t); len(r3.Candidates) != 2 || r3.Candidates[1].WorkerID != near.ID {
		t.Fatalf("limit 2: %+v", r3.Candidates)
	}
}

func TestPoolRecordCountsKnownOutcomes(t *testing.T) {
	st := newDispatchStation(t)
	w := st.worker("张三丰", 1, 100)
	var ds []Dispatch
	for i := range 4 {
		ds = append(ds, st.dispatch(st.job(1, 1, dispatchNow.Add(time.Duration(1+i*5)*time.Hour), 4), w))
	}
	if _, err := st.s.Done(st.ctx, st.head, ds[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.s.Rate(st.ctx, st.head, ds[0].ID, 4, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.s.MarkNoShow(st.ctx, st.head, ds[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.s.Cancel(st.ctx, st.head, ds[2].ID, ByWorker, "病了"); err != nil {
		t.Fatal(err)
	}
	mc, err := st.s.MatchContext(st.ctx)
	if err != nil {
		t.Fatal(err)
	}
	pool, err := st.s.LoadWorkerPool(st.ctx, mc, PoolFilter{From: dispatchNow, To: dispatchNow.Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	mw, ok := pool.Find(w.ID)
	if !ok {
		t.Fatal("worker not in pool")
	}
	// done + no-show are known; the upcoming one and the cancelled one are not
	if mw.Dispatches != 2 || mw.Completed != 1 || mw.NoShows != 1 || mw.RatingSum != 4 || mw.RatingCount != 1 {
		t.Errorf("record %+v", mw)
	}
	if mw.DispatchesLast7 != 3 || !mw.LastDispatch.Equal(dispatchNow) || len(mw.Busy) != 3 {
		t.Errorf("rotation and bookings: last7 %d last %v busy %v", mw.DispatchesLast7, mw.LastDispatch, mw.Busy)
	}
	if mw.SubDistrict != 13 || mw.District != 1 {
		t.Errorf("areas %d %d", mw.SubDistrict, mw.District)
	}
}

// TestDispatchProperties dispatches at random and checks that nobody is booked twice at once,
// that every job's filled count is its live dispatches and never above its head-count.
func TestDispatchProperties(t *testing.T) {
	st := newDispatchStation(t)
	r := rand.New(rand.NewSource(7))
	var workers []Worker
	for i := range 12 {
		workers = append(workers, st.worker([]string{"张三", "李四", "王五", "赵六"}[i%4]+string(rune('甲'+i)), int64(1+i%3), 100))
	}
	var jobs []Job
	for i := range 10 {
		jobs = append(jobs, st.job(int64(1+i%3), 1+r.Intn(3), dispatchNow.Add(time.Duration(1+r.Intn(30))*time.Hour), 1+r.Intn(8)))
	}
	var live []Dispatch
	for range 300 {
		switch op := r.Intn(10); {
		case op < 6:
			j, w := jobs[r.Intn(len(jobs))], workers[r.Intn(len(workers))]
			if d, err := st.s.Dispatch(st.ctx, st.head, DispatchInput{JobID: j.ID, WorkerID: w.ID}); err == nil {
				live = append(live, d)
			} else if ErrorCode(err) != Conflict {
				t.Fatalf("dispatch: %v", err)
			}
		case op < 8 && len(live) > 0:
			d := live[r.Intn(len(live))]
			_, err := st.s.Cancel(st.ctx, st.head, d.ID, ByStation, "测试")
			if err != nil && ErrorCode(err) != Conflict {
				t.Fatal(err)
			}
		case len(live) > 0:
			d := live[r.Intn(len(live))]
			_, err := st.s.MarkNoShow(st.ctx, st.head, d.ID)
			if err != nil && ErrorCode(err) != Conflict {
				t.Fatal(err)
			}
		}
	}
	all, err := st.s.Dispatches(st.ctx, DispatchFilter{})
	if err != nil {
		t.Fatal(err)
	}
	seats := map[int64]int{}
	for i, a := range all {
		if a.Status == Dispatched || a.Status == CheckedIn || a.Status == DoneStatus {
			seats[a.JobID]++
		}
		for _, b := range all[i+1:] {
			if a.WorkerID == b.WorkerID && a.Status != Cancelled && b.Status != Cancelled &&
				a.StartsAt.Before(b.EndsAt) && b.StartsAt.Before(a.EndsAt) {
				t.Fatalf("worker %d booked twice: %d and %d", a.WorkerID, a.ID, b.ID)
			}
		}
	}
	for _, j := range jobs {
		got := st.jobNow(j.ID)
		if got.Filled != seats[j.ID] || got.Filled > got.Headcount || got.Status != jobStatusFor(got.Filled, got.Headcount) {
			t.Fatalf("job %d: filled %d, live %d, head %d, status %s", j.ID, got.Filled, seats[j.ID], got.Headcount, got.Status)
		}
	}
	if len(all) < 10 {
		t.Fatalf("only %d dispatches made: the test exercised too little", len(all))
	}
}

// TestPlanDayOptimal checks PlanDay against every possible assignment on small random stations.
func TestPlanDayOptimal(t *testing.T) {
	for seed := range int64(6) {
		st := newDispatchStation(t)
		r := rand.New(rand.NewSource(seed))
		day := time.Date(2026, 11, 28, 0, 0, 0, 0, Shanghai)
		var workers []Worker
		for i := range 5 {
			workers = append(workers, st.worker("工人"+string(rune('甲'+i)), int64(1+r.Intn(3)), []int64{100, 101, 130}[r.Intn(3)]))
		}
		for i := range 3 {
			st.job(int64(1+r.Intn(3)), 1+r.Intn(2), day.Add(time.Duration(8+3*i)*time.Hour), 2)
		}
		// an existing booking that day takes its worker out of the plan
		st.dispatch(st.job(workersTrade(workers[0]), 1, day.Add(20*time.Hour), 1), workers[0])
		p, err := st.s.PlanDay(st.ctx, "2026-11-28")
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range p.Proposal.Assignments {
			if a.WorkerID == workers[0].ID {
				t.Fatalf("seed %d: worker already dispatched that day planned again", seed)
			}
		}
		best := bruteForcePlan(p)
		if p.Proposal.Total != best {
			t.Fatalf("seed %d: plan total %d, best possible %d", seed, p.Proposal.Total, best)
		}
		p2 := must(st.s.PlanDay(st.ctx, "2026-11-28"))(t)
		if !reflect.DeepEqual(p.Proposal, p2.Proposal) {
			t.Fatalf("seed %d: same day planned differently", seed)
		}
	}
}

func workersTrade(w Worker) int64 { return w.Trades[0].TradeID }

// bruteForcePlan tries every way of giving each worker one job or none.
func bruteForcePlan(p DayPlan) int {
	mc := p.Context
	ws := p.Pool.Workers
	rem := map[int64]int{}
	for _, j := range p.Jobs {
		rem[j.Job.ID] = j.Remaining
	}
	var best int
	var try func(i, total int)
	try = func(i, total int) {
		if i == len(ws) {
			best = max(best, total)
			return
		}
		try(i+1, total)
		for _, pj := range p.Jobs {
			mj := p.MatchJob[pj.Job.ID]
			if rem[mj.ID] == 0 {
				continue
			}
			if ok, _ := match.Eligible(mj, ws[i], mc.Relations); !ok {
				continue
			}
			rem[mj.ID]--
			try(i+1, total+match.Score(mj, ws[i], mc.Relations, mc.Weights, mc.Now).Score)
			rem[mj.ID]++
		}
	}
	try(0, 0)
	return best
}

func TestRankJobsForWorker(t *testing.T) {
	st := newDispatchStation(t)
	w := st.worker("张三丰", 1, 100)
	nearJob := st.job(1, 1, dispatchNow.Add(2*time.Hour), 4)
	relatedJob := st.job(6, 1, dispatchNow.Add(2*time.Hour), 4)
	st.job(3, 1, dispatchNow.Add(2*time.Hour), 4) // 木工: not for a plumber
	r, err := st.s.RankJobsForWorker(st.ctx, w.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Candidates) != 2 || r.Candidates[0].JobID != nearJob.ID || r.Candidates[1].JobID != relatedJob.ID {
		t.Fatalf("jobs for worker: %+v", r.Candidates)
	}
	st.dispatch(nearJob, w)
	if r = must(st.s.RankJobsForWorker(st.ctx, w.ID, 10))(t); len(r.Candidates) != 0 {
		t.Fatalf("busy worker still offered %+v", r.Candidates)
	}
	if err := st.s.SetWorkerStatus(st.ctx, st.head, w.ID, Paused, ""); err != nil {
		t.Fatal(err)
	}
	_, err = st.s.RankJobsForWorker(st.ctx, w.ID, 10)
	wantDispatchKey(t, err, "dispatch.worker_paused")
}
