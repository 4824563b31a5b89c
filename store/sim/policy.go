package sim

import (
	"cmp"
	"slices"
	"time"

	"gigdesk/store/match"
)

// Policy is how the dispatcher orders the workers qualified for a job.
type Policy string

// The policies a month is run under.
const (
	Score    Policy = "score"    // gigdesk's ranking with the station's weights
	Best     Policy = "best"     // the same ranking with no rotation
	Rotation Policy = "rotation" // longest waiting first among the qualified (union halls)
	SignIn   Policy = "signin"   // those at the station in sign-in order, then the rest (machete centres)
	Lottery  Policy = "lottery"  // the qualified in a random order
	DayPlan  Policy = "plan"     // the exact day plan each morning, then the ranking for what is left
)

// Policies lists every policy in the order tables show them.
var Policies = []Policy{Score, Best, Rotation, SignIn, Lottery, DayPlan}

// ParsePolicy reads a policy's name; ok is false for one it does not know.
func ParsePolicy(s string) (Policy, bool) {
	p := Policy(s)
	return p, slices.Contains(Policies, p)
}

// order lists the workers (indexes into run.ws) the dispatcher will phone for job at t, in
// the policy's order. Every policy phones only the workers match.Rank finds eligible.
func (r *run) order(j *simJob, t time.Time) []int {
	wt := r.wt
	if r.p == Best {
		wt.Rotation = 0
	}
	cands := match.Rank(j.m, r.ws, r.m.rel, wt, t, 0)
	out := make([]int, 0, len(cands))
	for _, c := range cands {
		out = append(out, int(c.WorkerID-r.ws[0].ID))
	}
	switch r.p {
	case Rotation:
		slices.SortStableFunc(out, func(a, b int) int {
			return cmp.Or(cmp.Compare(lastKey(r.ws[a].LastDispatch), lastKey(r.ws[b].LastDispatch)), r.bySignIn(a, b))
		})
	case SignIn:
		slices.SortStableFunc(out, r.bySignIn)
	case Lottery:
		slices.SortStableFunc(out, func(a, b int) int {
			return cmp.Compare(unit(r.m.o.Seed, j.m.ID, r.ws[a].ID, 9), unit(r.m.o.Seed, j.m.ID, r.ws[b].ID, 9))
		})
	case DayPlan:
		planned := r.planned[j.m.ID]
		slices.SortStableFunc(out, func(a, b int) int {
			return cmp.Compare(rankIn(planned, a), rankIn(planned, b))
		})
	}
	return out
}

// bySignIn puts those signed in today first, earliest first, then the others by worker ID.
func (r *run) bySignIn(a, b int) int {
	sa, sb := r.signedAt[a], r.signedAt[b]
	switch {
	case sa.IsZero() != sb.IsZero():
		if sa.IsZero() {
			return 1
		}
		return -1
	case !sa.Equal(sb):
		return sa.Compare(sb)
	}
	return cmp.Compare(a, b)
}

// lastKey orders never-dispatched workers before everyone else.
func lastKey(t time.Time) int64 {
	if t.IsZero() {
		return -1 << 62
	}
	return t.Unix()
}

// rankIn is i's place in planned, after every planned worker when not in it.
func rankIn(planned []int, i int) int {
	if k := slices.Index(planned, i); k >= 0 {
		return k
	}
	return len(planned)
}

// plan proposes the morning's dispatch for the jobs phoned in before the desk opens, as the
// Match screen's day plan (match.Plan) does, and keeps who it planned for each job.
func (r *run) plan(day time.Time, jobs []simJob) {
	r.planned = map[int64][]int{}
	open := day.Add(7 * time.Hour)
	var morning []match.Job
	for i := range jobs {
		if !jobs[i].phoned.After(open) {
			morning = append(morning, jobs[i].m)
		}
	}
	r.present(open)
	for _, a := range match.Plan(morning, r.ws, r.m.rel, r.wt, open).Assignments {
		r.planned[a.JobID] = append(r.planned[a.JobID], int(a.WorkerID-r.ws[0].ID))
	}
}
