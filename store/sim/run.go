package sim

import (
	"slices"
	"time"

	"gigdesk/store/fairness"
	"gigdesk/store/match"
)

// run is one policy's pass over the month.
type run struct {
	m       *Month
	p       Policy
	wt      match.Weights
	ws      []match.Worker // the people with their record so far, by ID
	planned map[int64][]int

	signedAt   []time.Time // today's sign-in, zero when not signed in today
	dispDays   [][]int     // per worker, the simulated days of their dispatches
	signInDays []int
	daysWorked []int
	dispatched []int
	lastWorked []int // the last day worked, -1 for none

	res     Result
	minutes []int64
	today   []booking
}

// booking is a dispatch made today, settled (done or no-show) at the end of the day.
type booking struct {
	worker int
	job    *simJob
}

// Run plays the month under policy p with weights wt (Best drops rotation from them).
func (m *Month) Run(p Policy, wt match.Weights) Result {
	n := len(m.people)
	r := &run{
		m: m, p: p, wt: wt, ws: make([]match.Worker, n), signedAt: make([]time.Time, n),
		dispDays: make([][]int, n), signInDays: make([]int, n), daysWorked: make([]int, n),
		dispatched: make([]int, n), lastWorked: make([]int, n),
	}
	for i := range m.people {
		r.ws[i] = m.people[i].base
		r.lastWorked[i] = -1
	}
	r.res = Result{Policy: p, Weights: wt}
	for di := range m.days {
		r.day(di)
	}
	r.finish()
	return r.res
}

// day plays one simulated day: sign-ins, the morning plan, the calls, then the outcomes.
func (r *run) day(di int) {
	d := &r.m.days[di]
	for i := range r.ws {
		r.signedAt[i] = time.Time{}
		r.ws[i].DispatchesLast7 = 0
		r.ws[i].DaysWorked30 = 0
		prev := -1
		for _, dd := range r.dispDays[i] {
			if dd > di-7 {
				r.ws[i].DispatchesLast7++
			}
			if dd > di-match.WorkedWindowDays && dd != prev {
				r.ws[i].DaysWorked30++
			}
			prev = dd
		}
		// a worker takes work once registered, and the paused and left none
		r.ws[i].Active = r.m.people[i].base.Active && r.m.people[i].from.Before(d.start.AddDate(0, 0, 1))
	}
	for _, s := range d.signIns {
		r.signedAt[s.worker] = s.at
		r.signInDays[s.worker]++
	}
	jobs := slices.Clone(d.jobs) // a run's calls and bookings stay its own
	if r.p == DayPlan {
		r.plan(d.start, jobs)
	}
	t := d.start.Add(7 * time.Hour)
	for ji := range jobs {
		t = r.dispatch(&jobs[ji], maxTime(t, jobs[ji].phoned), di)
	}
	r.settle(di)
}

// present marks who is signed in at the station by t.
func (r *run) present(t time.Time) {
	for i := range r.ws {
		r.ws[i].PresentToday = !r.signedAt[i].IsZero() && !r.signedAt[i].After(t)
	}
}

// Dispatcher limits: calls per place before giving up, and the last call before the start.
const (
	callsPerPlace = 8
	lastCall      = 10 * time.Minute
)

// dispatch phones candidates for j from t in the policy's order until its places are taken,
// the list or the patience runs out, or the job is about to start; it returns the clock.
func (r *run) dispatch(j *simJob, t time.Time, di int) time.Time {
	r.res.PlacesAsked += j.m.Headcount
	deadline := j.m.Start.Add(-lastCall)
	if !t.Before(deadline) {
		return t
	}
	r.present(t)
	filled, calls := 0, 0
	for _, w := range r.order(j, t) {
		if filled >= j.m.Headcount || calls >= callsPerPlace*j.m.Headcount || !t.Before(deadline) {
			break
		}
		calls++
		r.present(t)
		out := r.call(j, w, t)
		t = t.Add(out.minutes())
		if out != accepted {
			continue
		}
		filled++
		r.book(j, w, t, di)
	}
	r.res.Calls += calls
	return t
}

// book dispatches worker w to j at t.
func (r *run) book(j *simJob, w int, t time.Time, di int) {
	mw := &r.ws[w]
	mw.Busy = append(mw.Busy, match.Interval{Start: j.m.Start, End: j.m.End})
	mw.LastDispatch = t
	mw.DispatchesLast7++
	if k := len(r.dispDays[w]); k == 0 || r.dispDays[w][k-1] != di {
		mw.DaysWorked30++
	}
	r.dispDays[w] = append(r.dispDays[w], di)
	j.m.Booked = append(j.m.Booked, mw.ID)
	r.today = append(r.today, booking{worker: w, job: j})
	r.minutes = append(r.minutes, int64(t.Sub(j.phoned)/time.Minute))
	r.dispatched[w]++
	r.res.Dispatches++
	r.res.Distances.Add(fairness.Classify(j.place, r.m.people[w].place))
}

// settle closes the day's dispatches: done (and rated), or a no-show whose place stays unfilled.
func (r *run) settle(di int) {
	for _, b := range r.today {
		mw := &r.ws[b.worker]
		mw.Dispatches++
		if r.noShow(b) {
			mw.NoShows++
			r.res.NoShows++
			continue
		}
		mw.Completed++
		mw.RatingSum += 3 + int(unit(r.m.o.Seed, b.job.m.ID, mw.ID, 4)*3)
		mw.RatingCount++
		r.res.PlacesFilled++
		if r.lastWorked[b.worker] != di {
			r.lastWorked[b.worker] = di
			r.daysWorked[b.worker]++
		}
	}
	r.today = r.today[:0]
}

// finish works the month's figures out of the counts.
func (r *run) finish() {
	res := &r.res
	res.Unfilled = res.PlacesAsked - res.PlacesFilled
	res.FillRate = fairness.FillRate(res.PlacesFilled, res.PlacesAsked)
	res.CallsPerFilled = fairness.CallsPerFilled(res.Calls, res.PlacesFilled)
	res.MedianMinutes = fairness.Median(r.minutes)
	res.Workers = make([]fairness.Worker, len(r.ws))
	for i := range r.ws {
		res.Workers[i] = fairness.Worker{ID: r.ws[i].ID, Groups: r.m.people[i].groups, SignInDays: r.signInDays[i],
			DaysWorked: r.daysWorked[i], Dispatches: r.dispatched[i]}
	}
	res.Gini, res.GiniWorkers = fairness.DaysWorkedGini(res.Workers, r.m.o.MinSignIns)
	res.Shares = fairness.PriorityShares(res.Workers, priorityOrder)
	res.Waiting = len(fairness.Waiting(res.Workers, WaitingSignIns))
}
