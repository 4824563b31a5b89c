package demo

import (
	"fmt"
	"math"
	"sort"
	"time"

	"gigdesk/store"
)

// A job's places are filled by calls (no answer, declined, accepted), each accepted call a
// dispatch, and each dispatch played out as far as the clock allows.

type walkIn struct {
	worker  *genWorker
	created time.Time
}

// placing is one job's search for workers: what the calls need to know and what they made.
type placing struct {
	job        *store.Job
	trade      int   // spec index of the job's trade
	sub        int64 // the job's sub-district
	start, end int64
	bit        int       // the job's availability bit
	cancelAt   time.Time // zero unless the employer cancels
	limit      time.Time // no call after this: the start, now or the cancellation
	hard       float64   // a hard-to-fill job takes up to ten times as long
	usedIn     []int64   // workers called about this job already
	calls      []store.CallRecord
	disp       []*store.DispatchRecord
}

// fill calls workers for each place on the job, dispatches those who accept, plays the job
// out up to now (check-in, done, pay, ratings) and writes it all.
func (g *gen) fill(l *store.Loader, j *store.Job) ([]walkIn, error) {
	j.ID = g.nextJob
	g.nextJob++
	p := g.newPlacing(j)
	for slot := 0; slot < j.Headcount; slot++ {
		g.fillPlace(p)
	}
	reason := g.one(jobCancelReasons)
	filled := g.settle(p, reason)
	g.jobStatus(p, reason, filled)
	return g.writeJob(l, p)
}

// newPlacing decides whether the employer will cancel the job and whether it is hard to fill.
func (g *gen) newPlacing(j *store.Job) *placing {
	p := &placing{job: j, start: j.StartsAt.Unix(), end: j.EndsAt().Unix(), bit: jobBit(j.StartsAt), hard: 1}
	for i, id := range g.trades {
		if id == j.TradeID {
			p.trade = i
		}
	}
	p.sub, _ = g.commSub(j.CommunityID)
	if g.chance(0.04) {
		c := j.CreatedAt.Add(time.Duration(g.r.Int64N(int64(j.StartsAt.Sub(j.CreatedAt)))).Truncate(time.Minute))
		if !c.After(g.now) {
			p.cancelAt = c
		}
	}
	p.limit = j.StartsAt
	if g.now.Before(p.limit) {
		p.limit = g.now
	}
	if !p.cancelAt.IsZero() && p.cancelAt.Before(p.limit) {
		p.limit = p.cancelAt
	}
	if g.chance(0.07) {
		p.hard = 10
	}
	return p
}

func (g *gen) call(p *placing, w *genWorker, at time.Time, outcome, reason string) {
	p.calls = append(p.calls, store.CallRecord{JobID: p.job.ID, WorkerID: w.ID, Outcome: outcome, Reason: reason, StaffID: g.staffID(), At: at})
}

// fillPlace calls for one place until a worker accepts. Some workers drop out before the day;
// the place is then offered once more.
func (g *gen) fillPlace(p *placing) {
	from := p.job.CreatedAt
	for attempt := 0; attempt < 2; attempt++ {
		acceptAt := g.missedCalls(p, from)
		d, w := g.accept(p, acceptAt)
		if d == nil {
			return
		}
		c, dropped := g.dropOut(p, d, w, attempt == 0)
		if !dropped {
			return
		}
		from = c
	}
}

// missedCalls makes the calls nobody answered or that were declined before the place was
// taken, from `from` on, and returns when the accepted call comes.
func (g *gen) missedCalls(p *placing, from time.Time) time.Time {
	j := p.job
	var delay time.Duration
	if j.Urgent {
		delay = g.minutes(5, 50)
	} else {
		// places are filled over the time between posting and start, most of them early
		lead := float64(j.StartsAt.Sub(from))
		delay = time.Duration(lead*0.9*math.Pow(g.r.Float64(), 1.5)*p.hard + float64(5*time.Minute)).Truncate(time.Minute)
	}
	fails := 0
	switch x := g.r.IntN(100); {
	case x < 68:
	case x < 88:
		fails = 1
	case x < 96:
		fails = 2
	default:
		fails = 3
	}
	t := from.Add(delay - time.Duration(fails)*5*time.Minute)
	if t.Before(from.Add(time.Minute)) {
		t = from.Add(time.Minute)
	}
	for range fails {
		if t.After(p.limit) {
			break
		}
		w := g.candidate(p.trade, p.sub, t.Unix(), p.start, p.end, p.bit, p.usedIn, false)
		if w != nil {
			p.usedIn = append(p.usedIn, w.ID)
			if g.chance(0.55) {
				g.call(p, w, t, "no_answer", "")
			} else {
				g.call(p, w, t, "declined", g.one(declineReasons))
			}
		}
		t = t.Add(g.minutes(1, 5))
	}
	return t
}

// accept finds a free worker who takes the place at acceptAt and dispatches them; nil when
// the time has run out or nobody is free.
func (g *gen) accept(p *placing, acceptAt time.Time) (*store.DispatchRecord, *genWorker) {
	j := p.job
	created := acceptAt.Add(g.minutes(0, 2))
	if created.After(p.limit) {
		return nil, nil
	}
	w := g.candidate(p.trade, p.sub, acceptAt.Unix(), p.start, p.end, p.bit, p.usedIn, true)
	if w == nil {
		return nil, nil
	}
	p.usedIn = append(p.usedIn, w.ID)
	g.call(p, w, acceptAt, "accepted", "")
	w.busy = append(w.busy, span{p.start, p.end, j.ID})
	d := &store.DispatchRecord{JobID: j.ID, WorkerID: w.ID, Status: "dispatched", StartsAt: j.StartsAt, EndsAt: j.EndsAt(),
		AgreedPayFen: j.PayFen, CreatedBy: g.staffID(), CreatedAt: created, UpdatedAt: created}
	if j.PayUnit != store.PerHour && g.chance(0.08) {
		d.AgreedPayFen += 1000 // talked up by 10 元
	}
	p.disp = append(p.disp, d)
	return d, w
}

// dropOut cancels a few first dispatches on the worker's side, at least an hour before the
// start, and says when (the place is offered again from then).
func (g *gen) dropOut(p *placing, d *store.DispatchRecord, w *genWorker, first bool) (time.Time, bool) {
	if room := p.job.StartsAt.Sub(d.CreatedAt); first && room > 2*time.Hour && g.chance(0.03) {
		c := d.CreatedAt.Add(time.Duration(g.r.Int64N(int64(room - time.Hour))).Truncate(time.Minute))
		if !c.After(p.limit) {
			d.Status, d.CancelledBy, d.CancelReason, d.UpdatedAt = "cancelled", "worker", g.one(workerCancelReasons), c
			w.unbook(p.job.ID)
			return c, true
		}
	}
	return time.Time{}, false
}

// settle cancels every live dispatch of a job the employer cancelled and plays the others
// out; it returns how many places are filled (held by a dispatch neither cancelled nor a no-show).
func (g *gen) settle(p *placing, reason string) int {
	filled := 0
	for _, d := range p.disp {
		if d.Status == "cancelled" {
			continue
		}
		if !p.cancelAt.IsZero() {
			d.Status, d.CancelledBy, d.CancelReason, d.UpdatedAt = "cancelled", "employer", reason, p.cancelAt
			g.workers[d.WorkerID-g.workers[0].ID].unbook(p.job.ID)
			continue
		}
		g.playOut(p.job, d)
		if d.Status != "no_show" { // as store.MarkNoShow does, a no-show gives the place back
			filled++
		}
	}
	return filled
}

// writeJob writes the job, its calls in time order and its dispatches, and returns the
// workers dispatched at the counter on the job's own day (they signed in there).
func (g *gen) writeJob(l *store.Loader, p *placing) ([]walkIn, error) {
	j, calls := p.job, p.calls
	if err := l.Job(j); err != nil {
		return nil, err
	}
	g.counts.Jobs++
	sort.SliceStable(calls, func(a, b int) bool { return calls[a].At.Before(calls[b].At) })
	for i := range calls {
		calls[i].ID = g.nextCall
		g.nextCall++
		if err := l.Call(&calls[i]); err != nil {
			return nil, err
		}
	}
	g.counts.Calls += len(calls)
	var walkIns []walkIn
	for _, d := range p.disp {
		d.ID = g.nextDispatch
		g.nextDispatch++
		if d.Insured {
			d.PolicyNo = fmt.Sprintf("%s%s%07d", d.PolicyNo, d.StartsAt.In(g.loc).Format("20060102"), d.ID)
		}
		if err := l.Dispatch(d); err != nil {
			return nil, err
		}
		g.counts.Dispatches++
		c := d.CreatedAt.In(g.loc)
		if c.Year() == j.StartsAt.Year() && c.YearDay() == j.StartsAt.In(g.loc).YearDay() && c.Hour() >= 7 {
			walkIns = append(walkIns, walkIn{g.workers[d.WorkerID-g.workers[0].ID], d.CreatedAt})
		}
	}
	return walkIns, nil
}

// owed is what the job pays for one worker at the agreed rate.
func owed(j *store.Job, agreed int64, pieces int64) int64 {
	switch j.PayUnit {
	case store.PerHour:
		return agreed * int64(j.Duration/time.Minute) / 60
	case store.PerPiece:
		return agreed * pieces
	}
	return agreed
}

func (g *gen) rating(bad bool) int {
	if bad {
		return g.between(1, 3)
	}
	switch x := g.r.IntN(100); {
	case x < 2:
		return 1
	case x < 5:
		return 2
	case x < 13:
		return 3
	case x < 43:
		return 4
	}
	return 5
}

// playOut moves a dispatch on as far as the clock allows: check-in, done, paid, rated.
func (g *gen) playOut(j *store.Job, d *store.DispatchRecord) {
	if g.chance(0.6) {
		ins := insurers[g.r.IntN(len(insurers))]
		d.Insured, d.Insurer, d.PolicyNo = true, ins.name, ins.code
	}
	if j.StartsAt.After(g.now) {
		return
	}
	if g.chance(0.03) && !j.StartsAt.Add(30*time.Minute).After(g.now) {
		d.Status, d.UpdatedAt = "no_show", j.StartsAt.Add(30*time.Minute)
		if g.chance(0.5) {
			d.WorkerRating = 1
		}
		return
	}
	in := j.StartsAt.Add(g.minutes(0, 15))
	if in.After(g.now) {
		return
	}
	d.Status, d.CheckedInAt, d.UpdatedAt = "checked_in", in, in
	if j.EndsAt().After(g.now) {
		return
	}
	done := j.EndsAt().Add(g.minutes(-20, 20))
	if done.Before(in.Add(10 * time.Minute)) {
		done = in.Add(10 * time.Minute)
	}
	if done.After(g.now) {
		done = g.now
	}
	d.Status, d.DoneAt, d.UpdatedAt = "done", done, done
	due := owed(j, d.AgreedPayFen, int64(g.between(2, 6)))
	var paidAt time.Time
	switch x := g.r.IntN(1000); {
	case x < 35: // 欠薪: not paid
	case x < 95:
		paidAt = done.Add(time.Duration(g.between(1, 5)) * 24 * time.Hour)
	default:
		paidAt = done.Add(g.minutes(0, 60))
	}
	if paidAt.After(g.now) {
		paidAt = time.Time{}
	}
	if !paidAt.IsZero() {
		d.Paid, d.PaidFen, d.PaidAt, d.UpdatedAt = true, due, paidAt, paidAt
	}
	if g.chance(0.015) {
		d.Disputed, d.DisputeNote = true, g.one(disputeNotes)
		if d.Paid {
			d.PaidFen = max(due-due*int64(g.between(1, 3))/10/1000*1000, 100)
			if r := paidAt.Add(time.Duration(g.between(1, 7)) * 24 * time.Hour); g.chance(0.6) && !r.After(g.now) {
				d.DisputeResolvedAt, d.UpdatedAt = r, r
			}
		}
	}
	if g.chance(0.8) {
		d.WorkerRating = g.rating(d.Disputed)
	}
	if g.chance(0.7) {
		d.EmployerRating = g.rating(d.Disputed || !d.Paid)
	}
}
