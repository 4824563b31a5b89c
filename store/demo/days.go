package demo

import (
	"sort"
	"time"

	"gigdesk/store"
)

// dispatchRate is how many dispatches a registered worker gets per day, on average.
const dispatchRate = 0.04

// dayRate is the places asked for per registered worker and day. A district pool of 100,000
// works at dispatchRate; a neighbourhood station's few hundred are busier (they come to the
// counter because there is work there), so a small demo looks like a busy day at the desk.
func dayRate(registered int) float64 {
	return dispatchRate + 0.24*300/float64(max(registered, 300))
}

// day writes the jobs that start on day d (0 = today) with their calls and dispatches,
// then that day's sign-ins and service visits.
func (g *gen) day(l *store.Loader, d int) error {
	day := g.today.AddDate(0, 0, d)
	registered := sort.Search(len(g.workerAt), func(i int) bool { return g.workerAt[i] > day.Unix() })
	var walkIns []walkIn
	err := g.dayJobs(day, registered, func(j *store.Job) error {
		if j.CreatedAt.After(g.now) {
			return nil // not posted yet
		}
		w, err := g.fill(l, j)
		walkIns = append(walkIns, w...)
		return err
	})
	if err != nil || d > 0 {
		return err
	}
	if err := g.signIns(l, day, walkIns, registered); err != nil {
		return err
	}
	return g.visits(l, day, registered)
}

// dayJobs draws the jobs that start on day until they ask for the day's places, handing each to do.
func (g *gen) dayJobs(day time.Time, registered int, do func(*store.Job) error) error {
	target := g.dayTarget(day, registered)
	for heads := 0.0; heads < target; {
		j, ok := g.newJob(day)
		if !ok {
			heads += 1
			continue
		}
		heads += float64(j.Headcount) * 0.8
		if err := do(j); err != nil {
			return err
		}
	}
	return nil
}

// dayTarget is how many places employers ask for on day (fewer at weekends), drawn once.
func (g *gen) dayTarget(day time.Time, registered int) float64 {
	target := dayRate(registered) * float64(registered) * (0.85 + 0.3*g.r.Float64())
	switch day.Weekday() {
	case time.Saturday:
		target *= 0.85
	case time.Sunday:
		target *= 0.75
	}
	return target
}

// signIns writes who came to the station on day: most workers dispatched there that day,
// and others who waited for work.
func (g *gen) signIns(l *store.Loader, day time.Time, walkIns []walkIn, registered int) error {
	sort.SliceStable(walkIns, func(a, b int) bool { return walkIns[a].created.Before(walkIns[b].created) })
	seen := map[int64]bool{}
	var recs []store.SignInRecord
	dayStr := day.Format(time.DateOnly)
	early := g.at(day, 6, 30)
	for _, w := range walkIns {
		if seen[w.worker.ID] || !g.chance(0.75) {
			continue
		}
		seen[w.worker.ID] = true
		in := w.created.Add(-g.minutes(5, 90))
		if in.Before(early) {
			in = early.Add(time.Duration(g.r.Int64N(int64(w.created.Sub(early)) + 1)).Truncate(time.Minute))
		}
		if in.Unix() < w.worker.created {
			in = time.Unix(w.worker.created, 0) // registered at the counter that morning
		}
		r := store.SignInRecord{WorkerID: w.worker.ID, Day: dayStr, InAt: in, StaffID: g.staffID()}
		if out := w.created.Add(g.minutes(2, 15)); !out.After(g.now) {
			r.OutAt = out
		}
		recs = append(recs, r)
	}
	// waiting for work: about 1% of a district pool, a good share of a small station's
	idle := int(float64(len(recs))*0.6 + float64(registered)*(0.012+0.08*300/float64(max(registered, 300)))*(0.7+0.6*g.r.Float64()) + 3)
	for range idle {
		if registered == 0 {
			break
		}
		w := g.workers[g.r.IntN(registered)]
		if seen[w.ID] || w.until < day.Unix() {
			continue
		}
		in := g.at(day, 6, 30).Add(g.minutes(0, 180))
		if in.After(g.now) || in.Unix() < w.created {
			continue
		}
		seen[w.ID] = true
		r := store.SignInRecord{WorkerID: w.ID, Day: dayStr, InAt: in, StaffID: g.staffID()}
		if out := in.Add(g.minutes(60, 240)); g.chance(0.4) && !out.After(g.now) {
			r.OutAt = out
		}
		recs = append(recs, r)
	}
	sort.SliceStable(recs, func(a, b int) bool {
		if !recs[a].InAt.Equal(recs[b].InAt) {
			return recs[a].InAt.Before(recs[b].InAt)
		}
		return recs[a].WorkerID < recs[b].WorkerID
	})
	for i := range recs {
		recs[i].ID = g.nextSignIn
		g.nextSignIn++
		if err := l.SignIn(&recs[i]); err != nil {
			return err
		}
	}
	g.counts.SignIns += len(recs)
	return nil
}

var visitKinds = []string{"guidance", "assessment", "interview", "startup", "policy"}
var visitWeights = newTable([]float64{30, 15, 15, 10, 30})

// visits writes the day's service visits: guidance, assessments, interviews, start-up, policy.
func (g *gen) visits(l *store.Loader, day time.Time, registered int) error {
	n := int(float64(registered)/300*(0.6+0.8*g.r.Float64())) + g.r.IntN(4)
	var recs []store.VisitRecord
	for range n {
		at := g.at(day, 8, 30).Add(g.minutes(0, 540))
		if at.After(g.now) {
			continue
		}
		kind := visitKinds[g.pick(visitWeights)]
		v := store.VisitRecord{Kind: kind, StaffID: g.staffID(), At: at}
		if g.chance(0.3) {
			v.Note = g.one(visitNotes[kind])
		}
		if k := sort.Search(len(g.workerAt), func(i int) bool { return g.workerAt[i] > at.Unix() }); k > 0 && g.chance(0.75) {
			v.WorkerID = g.workers[g.r.IntN(k)].ID
		}
		recs = append(recs, v)
	}
	sort.SliceStable(recs, func(a, b int) bool { return recs[a].At.Before(recs[b].At) })
	for i := range recs {
		recs[i].ID = g.nextVisit
		g.nextVisit++
		if err := l.Visit(&recs[i]); err != nil {
			return err
		}
	}
	g.counts.Visits += len(recs)
	return nil
}
