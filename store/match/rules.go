package match

import (
	"slices"
	"time"
)

// Reasons Eligible gives for turning a worker away, stable for the UI.
const (
	ReasonInactive = "inactive"
	ReasonTrade    = "trade"
	ReasonBusy     = "busy"
	ReasonDeclined = "declined"
	ReasonBooked   = "booked"
)

// Eligible applies the hard rules: the worker is active, has the job's trade
// or a related one, has no booked dispatch overlapping the job, has not
// declined it and is not already on it. reason is "" when ok.
func Eligible(job Job, w Worker, rel Relations) (ok bool, reason string) {
	jv := newJobView(&job, relatedTo(rel, job.Trade))
	reason, _ = jv.ineligible(&w)
	return reason == "", reason
}

// Score gives every factor's points for the worker on the job, whether or
// not Eligible allows the pair.
func Score(job Job, w Worker, rel Relations, wt Weights, now time.Time) Candidate {
	jv := newJobView(&job, relatedTo(rel, job.Trade))
	c := newClock(now)
	f := jv.tradeFit(&w)
	pts := jv.points(&w, f, &wt, &c)
	return Candidate{
		WorkerID:  w.ID,
		Score:     sum(&pts),
		Factors:   factors(&pts, nil),
		Requested: jv.requested(&w),
		Related:   f.match == relatedTrade,
	}
}

// relatedTo lists the trades related to trade, scanning the (small) relation map once.
func relatedTo(rel Relations, trade int64) []int64 {
	var out []int64
	for pair, ok := range rel {
		switch {
		case !ok || pair[0] == pair[1]:
		case pair[0] == trade:
			out = append(out, pair[1])
		case pair[1] == trade:
			out = append(out, pair[0])
		}
	}
	return out
}

// jobView is a job with what every worker is compared against worked out once.
type jobView struct {
	job        *Job
	related    []int64
	start, end time.Time
	minutes    int64 // job duration, for converting piece and fixed pay
	halfDay    int   // the Availability bit of the job's start
}

func newJobView(job *Job, related []int64) jobView {
	end := job.End
	if !end.After(job.Start) {
		end = job.Start // an instant, which still clashes with a dispatch covering it
	}
	return jobView{
		job:     job,
		related: related,
		start:   job.Start,
		end:     end,
		minutes: int64(job.End.Sub(job.Start) / time.Minute),
		halfDay: HalfDay(job.Start),
	}
}

// fit is how a worker's trades meet the job's.
type fit struct {
	match int // noTrade, relatedTrade or ownTrade
	years int // in the trade matched; the most among related ones
}

const (
	noTrade = iota
	relatedTrade
	ownTrade
)

func (jv *jobView) tradeFit(w *Worker) fit {
	var f fit
	for _, t := range w.Trades {
		if t.Trade == jv.job.Trade {
			return fit{ownTrade, t.Years}
		}
		if slices.Contains(jv.related, t.Trade) {
			f = fit{relatedTrade, max(f.years, t.Years)}
		}
	}
	return f
}

// ineligible returns the first hard rule the worker fails ("" for none) and,
// to spare scoring a second look, how their trades fit.
func (jv *jobView) ineligible(w *Worker) (string, fit) {
	if !w.Active {
		return ReasonInactive, fit{}
	}
	f := jv.tradeFit(w)
	if f.match == noTrade {
		return ReasonTrade, f
	}
	for _, b := range w.Busy {
		if jv.clashes(b) {
			return ReasonBusy, f
		}
	}
	if slices.Contains(jv.job.Declined, w.ID) {
		return ReasonDeclined, f
	}
	if slices.Contains(jv.job.Booked, w.ID) {
		return ReasonBooked, f
	}
	return "", f
}

// clashes reports whether a booked dispatch overlaps the job's time.
func (jv *jobView) clashes(b Interval) bool {
	if jv.end.After(jv.start) {
		return b.Start.Before(jv.end) && jv.start.Before(b.End)
	}
	return !jv.start.Before(b.Start) && jv.start.Before(b.End)
}

func (jv *jobView) requested(w *Worker) bool {
	return jv.job.RequestedWorker != 0 && jv.job.RequestedWorker == w.ID
}

// clock holds "today" in the station's time zone, taken from now.
type clock struct {
	now      time.Time
	midnight time.Time // start of now's local day
	tomorrow time.Time
}

func newClock(now time.Time) clock {
	y, m, d := now.Date()
	loc := now.Location()
	return clock{
		now:      now,
		midnight: time.Date(y, m, d, 0, 0, 0, 0, loc),
		tomorrow: time.Date(y, m, d+1, 0, 0, 0, 0, loc),
	}
}

func (c *clock) today(t time.Time) bool { return !t.Before(c.midnight) && t.Before(c.tomorrow) }

// idleDays counts local days since the last dispatch: yesterday is 1, never is the cap.
func (c *clock) idleDays(last time.Time) int {
	if last.IsZero() {
		return IdleCapDays
	}
	if !last.Before(c.midnight) {
		return 0
	}
	return min(IdleCapDays, 1+int(c.midnight.Sub(last)/(24*time.Hour)))
}

// points computes every factor for a worker whose trades fit the job as f.
func (jv *jobView) points(w *Worker, f fit, wt *Weights, c *clock) (p [numFactors]int) {
	switch f.match {
	case ownTrade:
		p[fTrade] = wt.Trade
	case relatedTrade:
		p[fTrade] = (wt.Trade + 1) / 2
	}
	if f.match != noTrade {
		p[fExperience] = wt.Experience * min(max(f.years, 0), ExperienceCapYears) / ExperienceCapYears
	}
	if w.PresentToday && c.today(jv.start) {
		p[fPresent] = wt.Present
	}
	p[fDistance] = distancePoints(jv.job, w, wt.Distance)
	p[fPay] = jv.payPoints(w, wt.Pay)
	p[fReliability] = reliabilityPoints(w, wt.Reliability)
	p[fRotation] = RotationPoints(w.DaysWorked30, wt.Rotation)
	if w.Priority {
		p[fPriority] = wt.Priority
	}
	if jv.requested(w) {
		p[fRequested] = wt.Requested
	}
	if slices.Contains(jv.job.Asked, w.ID) {
		p[fAsked] = wt.Asked
	}
	switch {
	case w.Availability == 0:
		p[fAvailable] = wt.Available / 2
	case w.Availability&jv.halfDay != 0:
		p[fAvailable] = wt.Available
	}
	return p
}

func distancePoints(j *Job, w *Worker, full int) int {
	switch Near(j, w) {
	case SameCommunity:
		return full
	case SameSubDistrict:
		return full * 2 / 3
	case SameDistrict:
		return full / 3
	}
	return 0
}

// Near is how close job j is to worker w's home.
func Near(j *Job, w *Worker) Nearness {
	return Closeness(Place{j.Community, j.SubDistrict, j.District}, Place{w.Community, w.SubDistrict, w.District})
}

// Place is a community with the sub-district (or town) and district that hold it; 0 = unknown.
type Place struct{ Community, SubDistrict, District int64 }

// Closeness is how close a job's place is to a home: the same community, then sub-district,
// then district; an unknown place is never near.
func Closeness(job, home Place) Nearness {
	switch {
	case job.Community != 0 && job.Community == home.Community:
		return SameCommunity
	case job.SubDistrict != 0 && job.SubDistrict == home.SubDistrict:
		return SameSubDistrict
	case job.District != 0 && job.District == home.District:
		return SameDistrict
	}
	return Far
}

// payMinutes is how many minutes an amount in unit pays for; 0 when unknown.
func (jv *jobView) payMinutes(u PayUnit) int64 {
	switch u {
	case PerHour:
		return 60
	case PerDay:
		return HoursPerDay * 60
	case PerPiece, Fixed:
		return jv.minutes
	}
	return 0
}

func (jv *jobView) payPoints(w *Worker, full int) int {
	neutral := full / 2
	jobFen, expFen := jv.job.PayFen, w.ExpectedPayFen
	if jobFen <= 0 || expFen <= 0 {
		return neutral
	}
	jobMin, expMin := int64(1), int64(1) // the same unit compares directly
	if jv.job.PayUnit != w.ExpectedPayUnit {
		jobMin, expMin = jv.payMinutes(jv.job.PayUnit), jv.payMinutes(w.ExpectedPayUnit)
	}
	if jobMin <= 0 || expMin <= 0 {
		return neutral
	}
	// Compare rates jobFen/jobMin and expFen/expMin by cross-multiplying.
	offered, expected := jobFen*expMin, expFen*jobMin
	if offered >= expected {
		return full
	}
	if 2*offered <= expected {
		return 0
	}
	return int(int64(full) * (2*offered - expected) / expected)
}

func reliabilityPoints(w *Worker, full int) int {
	if w.Dispatches < MinDispatchesForRecord {
		return full / 2
	}
	d := int64(w.Dispatches)
	completed := clamp(1000*int64(w.Completed)/d, 0, 1000) // per mille
	noShows := clamp(1000*int64(w.NoShows)/d, 0, 1000)
	rating := int64(500)
	if w.RatingCount > 0 {
		rating = clamp(1000*int64(w.RatingSum-w.RatingCount)/(4*int64(w.RatingCount)), 0, 1000)
	}
	score := (2*completed + (1000 - noShows) + rating) / 4
	return int((int64(full)*score + 500) / 1000)
}

// RotationPoints are the rotation factor's points for a worker with daysWorked days worked
// in the last WorkedWindowDays: full for none, sliding to 0 at WorkedCapDays.
func RotationPoints(daysWorked, full int) int {
	d := min(max(daysWorked, 0), WorkedCapDays)
	return full * (WorkedCapDays - d) / WorkedCapDays
}

// HalfDay is the Availability bit of the half-day t falls in: Monday morning is bit 0, its
// afternoon (from noon) bit 1, Sunday afternoon bit 13.
func HalfDay(t time.Time) int {
	d := (int(t.Weekday()) + 6) % 7
	if t.Hour() >= 12 {
		return 1 << (2*d + 1)
	}
	return 1 << (2 * d)
}

func clamp(v, lo, hi int64) int64 { return min(max(v, lo), hi) }

func sum(p *[numFactors]int) int {
	s := 0
	for _, v := range p {
		s += v
	}
	return s
}

// factors turns points into the listed form, using buf's space when it has it.
func factors(p *[numFactors]int, buf []Factor) []Factor {
	if cap(buf) < numFactors {
		buf = make([]Factor, numFactors)
	}
	buf = buf[:numFactors]
	for i, v := range p {
		buf[i] = Factor{Key: FactorKeys[i], Points: v}
	}
	return buf
}

// IdleDays is how many local days a worker has waited since their last
// dispatch, as the rotation factor counts them: yesterday is 1, never is IdleCapDays.
func IdleDays(last, now time.Time) int {
	c := newClock(now)
	return c.idleDays(last)
}
