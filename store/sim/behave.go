package sim

import (
	"time"

	"gigdesk/store/fairness"
	"gigdesk/store/match"
)

// outcome is how a call went.
type outcome int

const (
	missed outcome = iota
	declined
	accepted
)

// minutes is how long the dispatcher spends on a call that went so.
func (o outcome) minutes() time.Duration {
	switch o {
	case accepted:
		return 3 * time.Minute
	case declined:
		return 2 * time.Minute
	}
	return time.Minute
}

// payView weighs only pay, to read from match.Score how the job's pay meets the worker's
// expectation (0 at half of it or less, 100 at or above it, 50 when they cannot be compared).
var payView = match.Weights{Trade: 1, Pay: 100}

// call plays one phone call to worker w about j at t. Someone at the station nearly always
// answers; the others miss calls by habit. Yes is likelier near home, at the pay they
// expect, in their own trade, in the half-day they said they work, and from those not
// already busy this week; a choosy worker says no more often.
func (r *run) call(j *simJob, w int, t time.Time) outcome {
	p := &r.m.people[w]
	mw := &r.ws[w]
	seed := r.m.o.Seed
	miss, yes := p.miss, 0.5
	if mw.PresentToday {
		miss, yes = 0.03, 0.85
	}
	if unit(seed, j.m.ID, mw.ID, 1) < miss {
		return missed
	}
	switch fairness.Classify(j.place, p.place) {
	case fairness.SameCommunity:
		yes += 0.05
	case fairness.SameDistrict:
		yes -= 0.15
	case fairness.Farther:
		yes -= 0.35
	}
	sc := match.Score(j.m, *mw, r.m.rel, payView, t)
	yes += 0.4 * (float64(factor(sc, match.KeyPay))/100 - 0.5)
	if sc.Related {
		yes -= 0.1
	}
	if p.avail&match.HalfDay(j.m.Start) == 0 {
		yes -= 0.5
	}
	if mw.DispatchesLast7 >= 3 {
		yes -= 0.1
	}
	yes = min(max(yes-p.choosy, 0.02), 0.97)
	if unit(seed, j.m.ID, mw.ID, 2) < yes {
		return accepted
	}
	j.m.Declined = append(j.m.Declined, mw.ID)
	return declined
}

// noShow draws whether a dispatched worker fails to turn up; the far ones a little more often.
func (r *run) noShow(b booking) bool {
	p := &r.m.people[b.worker]
	chance := p.noShow
	if fairness.Classify(b.job.place, p.place) >= fairness.SameDistrict {
		chance += 0.05
	}
	return unit(r.m.o.Seed, b.job.m.ID, p.base.ID, 3) < chance
}

func factor(c match.Candidate, key string) int {
	for _, f := range c.Factors {
		if f.Key == key {
			return f.Points
		}
	}
	return 0
}
