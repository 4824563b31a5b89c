package store

import (
	"context"
	"fmt"
	"gigdesk/store/testdb"
	"strings"
	"testing"
	"time"
)

// dispatchNow is the fixed clock of these tests: a Friday morning at the station.
var dispatchNow = time.Date(2026, 11, 27, 9, 0, 0, 0, Shanghai)

// station is a temp database with a head on duty, some workers and one employer.
type dispatchStation struct {
	t        *testing.T
	s        *Store
	ctx      context.Context
	head     int64
	employer Employer
	phones   int
}

func newDispatchStation(t *testing.T) *dispatchStation {
	t.Helper()
	s, err := Open(testdb.New(t, "gigdesk.db"), WithClock(func() time.Time { return dispatchNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	head, err := s.Setup(ctx, "后街零工驿站", "王站长")
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.SaveEmployer(ctx, head.ID, Employer{Kind: Resident, Name: "李阿姨", Phone: "13912345678", Address: "后街12号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	return &dispatchStation{t: t, s: s, ctx: ctx, head: head.ID, employer: e}
}

func (st *dispatchStation) worker(name string, trade int64, community int64) Worker {
	st.t.Helper()
	st.phones++
	w, err := st.s.CreateWorker(st.ctx, st.head, Worker{Name: name, BirthYear: 1980, Phone: fmt.Sprintf("1380000%04d", st.phones),
		CommunityID: community, Trades: []WorkerTrade{{TradeID: trade, Years: 3}}})
	if err != nil {
		st.t.Fatal(err)
	}
	return w
}

func (st *dispatchStation) job(trade int64, head int, start time.Time, hours int) Job {
	st.t.Helper()
	_, j, err := st.s.CreateJob(st.ctx, st.head, st.employer, Job{TradeID: trade, Headcount: head, StartsAt: start,
		Duration: time.Duration(hours) * time.Hour, PayFen: 20000, PayUnit: PerDay, Address: "后街12号", CommunityID: 100})
	if err != nil {
		st.t.Fatal(err)
	}
	return j
}

func (st *dispatchStation) dispatch(j Job, w Worker) Dispatch {
	st.t.Helper()
	d, err := st.s.Dispatch(st.ctx, st.head, DispatchInput{JobID: j.ID, WorkerID: w.ID})
	if err != nil {
		st.t.Fatal(err)
	}
	return d
}

func (st *dispatchStation) jobNow(id int64) Job {
	st.t.Helper()
	j, err := st.s.Job(st.ctx, id)
	if err != nil {
		st.t.Fatal(err)
	}
	return j
}

func wantDispatchKey(t *testing.T, err error, key string) {
	t.Helper()
	e := AsError(err)
	if e == nil || e.Key != key {
		t.Fatalf("error %v, want key %q", err, key)
	}
}

// snapshot is every row the dispatch rules may touch, to prove a refusal changed nothing.
func (st *dispatchStation) snapshot() string {
	st.t.Helper()
	out := ""
	for _, table := range []string{"jobs", "dispatches", "call_attempts", "audit"} {
		rows, err := st.s.DumpTable(st.ctx, table)
		if err != nil {
			st.t.Fatal(err)
		}
		out += fmt.Sprint(table, rows)
	}
	return out
}

func TestDispatchFillsJob(t *testing.T) {
	st := newDispatchStation(t)
	j := st.job(1, 2, dispatchNow.Add(2*time.Hour), 4)
	a, b := st.worker("张三丰", 1, 100), st.worker("李四", 1, 101)
	d := st.dispatch(j, a)
	if d.Status != Dispatched || d.AgreedPayFen != 20000 || !d.EndsAt.Equal(j.EndsAt()) || d.WorkerName != "张三丰" || d.EmployerPhone != "13912345678" {
		t.Fatalf("dispatch %+v", d)
	}
	if got := st.jobNow(j.ID); got.Filled != 1 || got.Status != JobPartly {
		t.Fatalf("after one: filled %d status %s", got.Filled, got.Status)
	}
	if _, err := st.s.Dispatch(st.ctx, st.head, DispatchInput{JobID: j.ID, WorkerID: b.ID, AgreedPayFen: 25000, Insured: true}); err != nil {
		t.Fatal(err)
	}
	if got := st.jobNow(j.ID); got.Filled != 2 || got.Status != JobFilled {
		t.Fatalf("after two: filled %d status %s", got.Filled, got.Status)
	}
}

func TestDispatchRefusals(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(st *dispatchStation, j Job, w Worker) DispatchInput
		key   string
	}{
		{"paused worker", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			if err := st.s.SetWorkerStatus(st.ctx, st.head, w.ID, Paused, "生病"); err != nil {
				t.Fatal(err)
			}
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.worker_paused"},
		{"left worker", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			if err := st.s.SetWorkerStatus(st.ctx, st.head, w.ID, Left, "搬走了"); err != nil {
				t.Fatal(err)
			}
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.worker_left"},
		{"booked at an overlapping time", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			other := st.job(1, 1, j.StartsAt.Add(time.Hour), 2)
			st.dispatch(other, w)
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.busy"},
		{"declined", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			if _, err := st.s.RecordCall(st.ctx, st.head, j.ID, w.ID, Declined, "太远"); err != nil {
				t.Fatal(err)
			}
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.declined"},
		{"cancelled job", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			if err := st.s.CloseJob(st.ctx, st.head, j.ID, JobCancelled, "雇主不要了"); err != nil {
				t.Fatal(err)
			}
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.job_cancelled"},
		{"expired job", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			if err := st.s.CloseJob(st.ctx, st.head, j.ID, JobExpired, ""); err != nil {
				t.Fatal(err)
			}
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.job_expired"},
		{"filled job", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			st.dispatch(j, st.worker("王五", 1, 100))
			st.dispatch(j, st.worker("赵六", 1, 100))
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.job_filled"},
		{"duplicate", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			st.dispatch(j, w)
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.duplicate"},
		{"cancelled before", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			d := st.dispatch(j, w)
			if _, err := st.s.Cancel(st.ctx, st.head, d.ID, ByWorker, "家里有事"); err != nil {
				t.Fatal(err)
			}
			return DispatchInput{JobID: j.ID, WorkerID: w.ID}
		}, "dispatch.cancelled_before"},
		{"absurd agreed pay", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			return DispatchInput{JobID: j.ID, WorkerID: w.ID, AgreedPayFen: 1 << 40}
		}, "pay.too_high"},
		{"negative agreed pay", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			return DispatchInput{JobID: j.ID, WorkerID: w.ID, AgreedPayFen: -100}
		}, "pay.negative"},
		{"no such job", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			return DispatchInput{JobID: j.ID + 99, WorkerID: w.ID}
		}, "job.not_found"},
		{"no such worker", func(st *dispatchStation, j Job, w Worker) DispatchInput {
			return DispatchInput{JobID: j.ID, WorkerID: w.ID + 99}
		}, "worker.not_found"},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := newDispatchStation(t)
			j := st.job(1, 2, dispatchNow.Add(3*time.Hour), 4)
			w := st.worker("张三丰", 1, 100)
			in := c.setup(st, j, w)
			before := st.snapshot()
			_, err := st.s.Dispatch(st.ctx, st.head, in)
			wantDispatchKey(t, err, c.key)
			if after := st.snapshot(); after != before {
				t.Errorf("a refused dispatch changed the database")
			}
		})
	}
}

func TestDeclinedThenAccepted(t *testing.T) {
	st := newDispatchStation(t)
	j := st.job(1, 1, dispatchNow.Add(3*time.Hour), 4)
	w := st.worker("张三丰", 1, 100)
	for _, o := range []CallOutcome{NoAnswer, Declined, Accepted} {
		if _, err := st.s.RecordCall(st.ctx, st.head, j.ID, w.ID, o, ""); err != nil {
			t.Fatal(err)
		}
	}
	st.dispatch(j, w) // the last call decides
	if _, err := st.s.RecordCall(st.ctx, st.head, j.ID, w.ID, "maybe", ""); AsError(err) == nil || AsError(err).Key != "call.outcome" {
		t.Fatalf("bad outcome: %v", err)
	}
}

func TestLifecycle(t *testing.T) {
	st := newDispatchStation(t)
	j := st.job(1, 2, dispatchNow.Add(time.Hour), 4)
	a, b := st.worker("张三丰", 1, 100), st.worker("李四", 1, 100)
	da, db := st.dispatch(j, a), st.dispatch(j, b)

	if _, err := st.s.Pay(st.ctx, st.head, da.ID, 20000); AsError(err) == nil || AsError(err).Key != "dispatch.state_dispatched" {
		t.Fatalf("pay before done: %v", err)
	}
	d, err := st.s.CheckIn(st.ctx, st.head, da.ID)
	if err != nil || d.Status != CheckedIn || d.CheckedInAt.IsZero() {
		t.Fatalf("check-in: %+v %v", d, err)
	}
	if got := st.jobNow(j.ID); got.Status != JobInProgress {
		t.Fatalf("job after check-in: %s", got.Status)
	}
	if _, err := st.s.MarkNoShow(st.ctx, st.head, da.ID); AsError(err) == nil {
		t.Fatal("no-show after check-in accepted")
	}
	if d, err = st.s.Done(st.ctx, st.head, da.ID); err != nil || d.Status != DoneStatus {
		t.Fatalf("done: %v", err)
	}
	if got := st.jobNow(j.ID); got.Status != JobInProgress {
		t.Fatalf("job with one still out: %s", got.Status)
	}
	follow, err := st.s.Dispatches(st.ctx, DispatchFilter{FollowUp: true})
	if err != nil || len(follow) != 1 || follow[0].ID != da.ID {
		t.Fatalf("follow-up: %v %v", follow, err)
	}
	if d, err = st.s.MarkNoShow(st.ctx, st.head, db.ID); err != nil || d.Status != NoShow {
		t.Fatalf("no-show: %v", err)
	}
	if got := st.jobNow(j.ID); got.Status != JobDone || got.Filled != 1 {
		t.Fatalf("job after all finished: %s filled %d", got.Status, got.Filled)
	}
	for _, c := range []struct {
		paid int64
		key  string
	}{{-100, "dispatch.pay_negative"}, {0, "dispatch.pay_zero"}, {20000*MaxPaidFactor + 1, "dispatch.pay_absurd"}} {
		before := st.snapshot()
		_, err := st.s.Pay(st.ctx, st.head, da.ID, c.paid)
		wantDispatchKey(t, err, c.key)
		if st.snapshot() != before {
			t.Errorf("refused pay %d changed the database", c.paid)
		}
	}
	if d, err = st.s.Pay(st.ctx, st.head, da.ID, 18000); err != nil || !d.Paid || d.PaidFen != 18000 {
		t.Fatalf("pay: %+v %v", d, err)
	}
	_, err = st.s.Pay(st.ctx, st.head, da.ID, 18000)
	wantDispatchKey(t, err, "dispatch.already_paid")
	_, err = st.s.Rate(st.ctx, st.head, da.ID, 6, 0)
	wantDispatchKey(t, err, "dispatch.rating")
	if d, err = st.s.Rate(st.ctx, st.head, da.ID, 5, 4); err != nil || d.WorkerRating != 5 || d.EmployerRating != 4 {
		t.Fatalf("rate: %+v %v", d, err)
	}
	if d, err = st.s.Rate(st.ctx, st.head, da.ID, 0, 2); err != nil || d.WorkerRating != 5 || d.EmployerRating != 2 {
		t.Fatalf("rate one side: %+v %v", d, err)
	}
	if follow = must(st.s.Dispatches(st.ctx, DispatchFilter{FollowUp: true}))(t); len(follow) != 0 {
		t.Fatalf("paid dispatch still to follow up: %v", follow)
	}
	_, err = st.s.Dispute(st.ctx, st.head, da.ID, "  ")
	wantDispatchKey(t, err, "dispatch.note_needed")
	if d, err = st.s.Dispute(st.ctx, st.head, da.ID, "少给了20元"); err != nil || !d.FollowUp() {
		t.Fatalf("dispute: %+v %v", d, err)
	}
	if follow = must(st.s.Dispatches(st.ctx, DispatchFilter{FollowUp: true}))(t); len(follow) != 1 {
		t.Fatalf("dispute not on follow-up: %v", follow)
	}
	if d, err = st.s.ResolveDispute(st.ctx, st.head, da.ID, "已补齐"); err != nil || d.FollowUp() || d.DisputeNote != "少给了20元 / 已补齐" {
		t.Fatalf("resolve: %+v %v", d, err)
	}
	_, err = st.s.ResolveDispute(st.ctx, st.head, da.ID, "")
	wantDispatchKey(t, err, "dispatch.no_dispute")
	audit := must(st.s.Audit(st.ctx, AuditFilter{Entity: "dispatch", EntityID: da.ID}))(t)
	if len(audit) < 7 {
		t.Fatalf("audit rows for the dispatch: %d", len(audit))
	}
	for _, a := range audit {
		if strings.Contains(a.Detail, "1380000") || strings.Contains(a.Detail, "13912345678") {
			t.Fatalf("phone in audit: %+v", a)
		}
	}
}

func TestCancelFreesSeat(t *testing.T) {
	st := newDispatchStation(t)
	j := st.job(1, 1, dispatchNow.Add(2*time.Hour), 4)
	w := st.worker("张三丰", 1, 100)
	d := st.dispatch(j, w)
	if got := st.jobNow(j.ID); got.Status != JobFilled {
		t.Fatalf("status %s", got.Status)
	}
	_, err := st.s.Cancel(st.ctx, st.head, d.ID, ByEmployer, "")
	wantDispatchKey(t, err, "dispatch.reason_needed")
	_, err = st.s.Cancel(st.ctx, st.head, d.ID, "neighbour", "x")
	wantDispatchKey(t, err, "dispatch.cancel_by")
	if d, err = st.s.Cancel(st.ctx, st.head, d.ID, ByEmployer, "不需要了"); err != nil || d.CancelledBy != ByEmployer {
		t.Fatalf("cancel: %+v %v", d, err)
	}
	if got := st.jobNow(j.ID); got.Status != JobOpen || got.Filled != 0 {
		t.Fatalf("after cancel: %s %d", got.Status, got.Filled)
	}
	// The worker is free again for another job at that time.
	other := st.job(1, 1, dispatchNow.Add(2*time.Hour), 4)
	st.dispatch(other, w)
	today, err := st.s.Dispatches(st.ctx, DispatchFilter{Day: "2026-11-27"})
	if err != nil || len(today) != 2 {
		t.Fatalf("today's dispatches: %d %v", len(today), err)
	}
}

func TestMatchWeightsSetting(t *testing.T) {
	st := newDispatchStation(t)
	w, err := st.s.MatchWeights(st.ctx)
	if def, _ := ParseWeights(""); err != nil || w != def {
		t.Fatalf("default weights: %+v %v", w, err)
	}
	w.Distance = 40
	if err := st.s.SaveMatchWeights(st.ctx, st.head, w); err != nil {
		t.Fatal(err)
	}
	if got := must(st.s.MatchWeights(st.ctx))(t); got != w {
		t.Fatalf("saved %+v, read %+v", w, got)
	}
	bad := w
	bad.Pay = -1
	err = st.s.SaveMatchWeights(st.ctx, st.head, bad)
	if e := AsError(err); e == nil || e.Key != "match.weight" || e.Field != "pay" {
		t.Fatalf("bad weight: %v", err)
	}
	bad = w
	bad.Trade = 0
	if e := AsError(st.s.SaveMatchWeights(st.ctx, st.head, bad)); e == nil || e.Field != "trade" {
		t.Fatalf("zero trade weight: %v", e)
	}
	if _, err := ParseWeights(`{"trade": "x"}`); AsError(err) == nil {
		t.Fatal("bad JSON accepted")
	}
	if got, err := ParseWeights(`{"pay": 3}`); err != nil || got.Pay != 3 || got.Trade != 4 || got.Available != 30 {
		t.Fatalf("partial JSON: %+v %v", got, err)
	}
}
