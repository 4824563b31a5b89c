package demo

import (
	"fmt"
	"time"

	"gigdesk/store"
)

// newJob makes a job that starts on day, posted by an employer registered four days before.
// It is not made (false) when no employer was registered yet or the one drawn was registered
// after the job would have been posted.
func (g *gen) newJob(day time.Time) (*store.Job, bool) {
	e := g.employer(day.AddDate(0, 0, -4).Unix())
	if e == nil {
		return nil, false
	}
	kind := 0
	switch e.Kind {
	case store.Shop:
		kind = 1
	case store.Firm:
		kind = 2
	}
	t := g.pick(g.jobTrade[kind])
	b := tradeSpecs[t].bands[g.pick(g.bandW[t])]
	j := &store.Job{EmployerID: e.ID, TradeID: g.trades[t], CommunityID: e.CommunityID, Address: e.Address, PayUnit: b.unit}
	j.PayFen = g.roundPay(b, g.r.Float64())
	j.Headcount = g.headcount(kind, t, b)
	if kind == 2 && g.chance(0.4) {
		c := g.comms[g.pick(g.commPick)]
		j.CommunityID = c.id
		j.Address = fmt.Sprintf("%s%d号工地", g.one(roads), g.between(1, 300))
	}
	j.StartsAt = g.startTime(day, t, b)
	g.jobTerms(j, t, b)
	created := g.postedAt(j, day)
	j.CreatedAt = created
	j.CreatedBy = g.staffID()
	j.ValidUntil = created.AddDate(0, 0, 7)
	if created.Unix() < e.created {
		return nil, false
	}
	return j, true
}

// headcount is how many places a job of trade t paid by b asks for: firms' labour and loading
// jobs many, a resident's job mostly one.
func (g *gen) headcount(kind, t int, b payBand) int {
	n := 1
	switch {
	case b.unit == store.Fixed && tradeSpecs[t].code != "moving", b.maxDur >= 720, b.unit == store.PerPiece:
	case kind == 0:
		if g.chance(0.12) || tradeSpecs[t].code == "moving" && g.chance(0.6) {
			n = g.between(2, 3)
		}
	case kind == 1:
		n = g.between(1, 2)
	case tradeSpecs[t].code == "labour" || tradeSpecs[t].code == "loading":
		n = g.between(2, 10)
		if g.chance(0.03) {
			n = 20
		}
	default:
		n = g.between(1, 4)
	}
	return n
}

// jobTerms sets how long the job lasts, what it requires, whether it is urgent and how it came in.
func (g *gen) jobTerms(j *store.Job, t int, b payBand) {
	step := 30
	if b.maxDur <= 60 {
		step = 15
	}
	j.Duration = time.Duration((b.minDur + step*g.r.IntN((b.maxDur-b.minDur)/step+1))) * time.Minute
	if g.chance(0.3) {
		if rs := requirements[g.trades[t]]; len(rs) > 0 {
			j.Requirements = g.one(rs)
		}
	}
	j.Urgent = g.chance(0.2)
	switch x := g.r.IntN(100); {
	case x < 55:
		j.Channel = store.ByPhone
	case x < 85:
		j.Channel = store.ByCounter
	default:
		j.Channel = store.Online
	}
}

// postedAt is when the job was posted: urgent jobs hours before, most the day before, some
// days ahead, never at night and at least 20 minutes before the start.
func (g *gen) postedAt(j *store.Job, day time.Time) time.Time {
	var created time.Time
	switch x := g.r.IntN(100); {
	case j.Urgent:
		created = j.StartsAt.Add(-g.minutes(30, 240))
	case x < 50:
		created = g.at(day.AddDate(0, 0, -1), 8, 0).Add(g.minutes(0, 780))
	case x < 85:
		created = g.at(day.AddDate(0, 0, -g.between(2, 3)), 8, 0).Add(g.minutes(0, 600))
	default:
		created = g.at(day, 7, 0).Add(g.minutes(0, 120))
	}
	if created.Hour() < 7 {
		created = g.at(created.AddDate(0, 0, -1), 19, 0).Add(g.minutes(0, 120))
	}
	if !created.Before(j.StartsAt.Add(-20 * time.Minute)) {
		created = j.StartsAt.Add(-g.minutes(20, 60))
	}
	return created
}

// startTime is when a job of trade t paid by b starts on day: care and night shifts at set hours.
func (g *gen) startTime(day time.Time, t int, b payBand) time.Time {
	switch {
	case b.maxDur >= 1440:
		return g.at(day, 8, 0)
	case b.maxDur >= 720:
		if g.chance(0.3) {
			return g.at(day, 20, 0)
		}
		return g.at(day, 8, 0)
	case tradeSpecs[t].code == "loading" && g.chance(0.3):
		return g.at(day, g.between(19, 21), 0) // tonight's loaders
	}
	hours := []int{7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 13, 14, 14, 15, 16}
	h := hours[g.r.IntN(len(hours))]
	if b.maxDur > 300 && h > 10 {
		h = 8
	}
	return g.at(day, h, 30*g.r.IntN(2))
}

// jobBit is the availability bit of a start time (Monday morning is bit 0).
func jobBit(t time.Time) int {
	d := (int(t.Weekday()) + 6) % 7
	if t.Hour() >= 12 {
		return 1 << (2*d + 1)
	}
	return 1 << (2 * d)
}

// statusFor is the status of a job that has not started with filled of headcount places taken.
func statusFor(filled, headcount int) store.JobStatus {
	switch {
	case filled <= 0:
		return store.JobOpen
	case filled < headcount:
		return store.JobPartly
	}
	return store.JobFilled
}

// commSub is the sub-district community id lies in.
func (g *gen) commSub(id int64) (int64, bool) {
	for _, c := range g.comms {
		if c.id == id {
			return c.sub, true
		}
	}
	return 0, false
}

// jobStatus sets the job's filled count, status and last change from its dispatches and the clock.
func (g *gen) jobStatus(p *placing, reason string, filled int) {
	j := p.job
	j.Filled = filled
	j.UpdatedAt = j.CreatedAt
	for _, d := range p.disp {
		if d.UpdatedAt.After(j.UpdatedAt) {
			j.UpdatedAt = d.UpdatedAt
		}
	}
	switch {
	case !p.cancelAt.IsZero():
		j.Status, j.StatusReason, j.UpdatedAt = store.JobCancelled, reason, p.cancelAt
	case j.StartsAt.After(g.now):
		j.Status = statusFor(filled, j.Headcount)
	case j.EndsAt().After(g.now):
		j.Status = store.JobInProgress
		if filled == 0 {
			j.Status = store.JobOpen
		}
	case filled > 0:
		j.Status = store.JobDone
	default:
		j.Status, j.StatusReason = store.JobExpired, expireReason
		if j.EndsAt().After(j.UpdatedAt) {
			j.UpdatedAt = j.EndsAt()
		}
	}
	if j.UpdatedAt.After(g.now) {
		j.UpdatedAt = g.now
	}
}
