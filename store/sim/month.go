// Package sim runs a station's month in memory: the demo town's workers sign in, its
// employers phone in jobs, and a dispatcher phones candidates in the order a policy gives,
// each call answered, declined or missed, some dispatched workers not showing up. Every
// policy runs on the same month (same people, sign-ins and jobs; the same worker called
// about the same job answers the same way), so their figures compare.
//
// It ranks with store/match itself (Rank, Plan, Eligible through Rank, Score for the
// worker's view of pay): the functions are pure, so the month needs no database and a run
// takes milliseconds. It must not read the wall clock or keep state between runs.
package sim

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/fairness"
	"gigdesk/store/match"
)

// Options size the simulated month.
type Options struct {
	Days      int       // simulated days, 1..MaxDays
	Seed      uint64    // the same seed gives the same month and the same figures
	Workers   int       // the demo town's workers; 0 = demo.Defaults
	Employers int       // and employers; 0 = demo.Defaults
	Start     time.Time // the first simulated day; any time of it
	// MinSignIns: the Gini of days worked counts the workers who signed in at least this
	// many days (those looking for work); 0 = DefaultMinSignIns.
	MinSignIns int
}

// Limits and defaults of Options.
const (
	MaxDays           = 366
	DefaultMinSignIns = 5
	WaitingSignIns    = 10 // "signed in at least 10 days and never dispatched"
)

// person is one worker of the town with what the month cannot change and how they behave.
type person struct {
	base   match.Worker // trades, place, expectation, priority; no record yet
	groups []string
	place  fairness.Place
	avail  int       // store.Worker.Availability: 14 bits, Monday morning first
	from   time.Time // registered
	miss   float64   // chance of missing a call when away from the station
	choosy float64   // taken off the chance of saying yes
	noShow float64   // chance of not turning up once dispatched
}

// simJob is one phoned-in job and when the dispatcher can start on it.
type simJob struct {
	m      match.Job
	phoned time.Time
	place  fairness.Place
}

type signIn struct {
	worker int // index into Month.people
	at     time.Time
}

type simDay struct {
	start   time.Time // local midnight
	signIns []signIn  // by time
	jobs    []simJob  // by phoned, then ID
}

// Month is the simulated month every policy runs on.
type Month struct {
	o      Options
	people []person
	days   []simDay
	rel    match.Relations
}

// NewMonth builds the month from the demo town of the same seed and the catalogue.
func NewMonth(o Options, cat *store.Catalog, loc *time.Location) (*Month, error) {
	if o.Days < 1 || o.Days > MaxDays {
		return nil, store.Errorf(store.Invalid, "sim.days", "days %d outside 1–%d", o.Days, MaxDays)
	}
	d := demo.Defaults()
	o.Workers, o.Employers = cmp.Or(o.Workers, d.Workers), cmp.Or(o.Employers, d.Employers)
	o.MinSignIns = cmp.Or(o.MinSignIns, DefaultMinSignIns)
	y, mo, dd := o.Start.In(loc).Date()
	first := time.Date(y, mo, dd, 0, 0, 0, 0, loc)
	town, err := demo.NewTown(demo.Options{Workers: o.Workers, Employers: o.Employers, Days: 30, Seed: o.Seed, Now: first.Add(7 * time.Hour)}, cat, loc)
	if err != nil {
		return nil, err
	}
	m := &Month{o: o, rel: match.Relations(cat.Related)}
	r := rand.New(rand.NewPCG(o.Seed, 0x5eed_f00d))
	for _, w := range town.Workers {
		m.people = append(m.people, newPerson(r, w, cat))
	}
	for i := range o.Days {
		day := first.AddDate(0, 0, i)
		m.days = append(m.days, simDay{start: day, signIns: m.signIns(r, day), jobs: dayJobs(town.DayJobs(day), day, cat)})
	}
	return m, nil
}

// Options are the month's options with their defaults filled in.
func (m *Month) Options() Options { return m.o }

// newPerson gives a worker a habit: a third come most days, a third now and then, the rest rarely.
func newPerson(r *rand.Rand, w store.Worker, cat *store.Catalog) person {
	p := person{groups: w.Groups, avail: w.Availability, from: w.CreatedAt}
	p.base = match.Worker{
		ID: w.ID, Active: w.Status == store.Active, Community: w.CommunityID,
		Availability: w.Availability, ExpectedPayFen: w.ExpectedPayFen, ExpectedPayUnit: match.PayUnit(w.ExpectedPayUnit), Priority: len(w.Groups) > 0,
	}
	for _, t := range w.Trades {
		p.base.Trades = append(p.base.Trades, match.TradeYears{Trade: t.TradeID, Years: t.Years})
	}
	if w.CommunityID != 0 {
		p.base.SubDistrict, p.base.District = cat.Area(w.CommunityID)
	}
	p.place = fairness.Place{Community: p.base.Community, SubDistrict: p.base.SubDistrict, District: p.base.District}
	p.miss = 0.2 + 0.3*r.Float64()
	p.choosy = 0.25 * r.Float64() * r.Float64()
	switch x := r.IntN(100); {
	case x < 80:
		p.noShow = 0.02
	case x < 95:
		p.noShow = 0.12
	default:
		p.noShow = 0.35
	}
	return p
}

// habit is a person's chance of signing in on a day they can work, drawn from their ID so
// that it does not move when the draws before it change.
func (m *Month) habit(i int) float64 {
	switch u := unit(m.o.Seed, 0, m.people[i].base.ID, 0); {
	case u < 0.3:
		return 0.8
	case u < 0.65:
		return 0.35
	}
	return 0.08
}

// signIns are who come to the station on day, between 6:30 and 9:30, by time.
func (m *Month) signIns(r *rand.Rand, day time.Time) []signIn {
	var out []signIn
	bits := 3 << (2 * ((int(day.Weekday()) + 6) % 7))
	for i := range m.people {
		p := &m.people[i]
		ok := p.base.Active && p.avail&bits != 0 && p.from.Before(day.AddDate(0, 0, 1))
		if u := r.Float64(); !ok || u >= m.habit(i) {
			continue
		}
		at := day.Add(6*time.Hour + 30*time.Minute + time.Duration(r.IntN(180))*time.Minute)
		out = append(out, signIn{worker: i, at: maxTime(at, p.from)})
	}
	slices.SortStableFunc(out, func(a, b signIn) int { return a.at.Compare(b.at) })
	return out
}

// dayJobs turns the town's jobs into what the dispatcher works on: a job phoned in before
// 7:00 on its day waits for the desk to open.
func dayJobs(js []store.Job, day time.Time, cat *store.Catalog) []simJob {
	open := day.Add(7 * time.Hour)
	out := make([]simJob, 0, len(js))
	for _, j := range js {
		sj := simJob{phoned: maxTime(j.CreatedAt, open), m: match.Job{
			ID: j.ID, Trade: j.TradeID, Start: j.StartsAt, End: j.EndsAt(), Headcount: j.Headcount,
			Community: j.CommunityID, PayFen: j.PayFen, PayUnit: match.PayUnit(j.PayUnit),
		}}
		if j.CommunityID != 0 {
			sj.m.SubDistrict, sj.m.District = cat.Area(j.CommunityID)
		}
		sj.place = fairness.Place{Community: sj.m.Community, SubDistrict: sj.m.SubDistrict, District: sj.m.District}
		out = append(out, sj)
	}
	slices.SortStableFunc(out, func(a, b simJob) int {
		return cmp.Or(a.phoned.Compare(b.phoned), cmp.Compare(a.m.ID, b.m.ID))
	})
	return out
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// unit is a number in [0, 1) fixed by its arguments (splitmix64), so the same worker called
// about the same job answers the same way under every policy.
func unit(seed uint64, job, worker int64, k uint64) float64 {
	x := seed ^ uint64(job)*0x9e3779b97f4a7c15 ^ uint64(worker)*0xbf58476d1ce4e5b9 ^ k*0x94d049bb133111eb
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11) / (1 << 53)
}
