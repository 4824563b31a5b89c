package match

import (
	"math/rand"
	"time"
)

// world is the shape of random test data: how many trades and places there are.
type world struct {
	trades      int
	communities int // 10 communities to a sub-district, 10 sub-districts to a district
	day         time.Time
}

var (
	smallWorld = world{trades: 4, communities: 6, day: at(11, 0, 0)}
	// Jiulongpo-like: the seeded 14 trades and a few hundred communities.
	cityWorld = world{trades: 14, communities: 300, day: at(11, 0, 0)}
	// 水电↔管道疏通 and 装卸↔搬家↔力工 in the seed's numbering; small worlds use 1..4.
	cityRel  = Relations{{1, 6}: true, {8, 10}: true, {2, 8}: true, {10, 2}: true}
	smallRel = Relations{{1, 2}: true, {4, 3}: true}
)

var payUnits = []PayUnit{PerHour, PerDay, PerPiece, Fixed}

func (wd world) place(r *rand.Rand) (community, sub, district int64) {
	c := int64(1 + r.Intn(wd.communities))
	return c, 1000 + (c-1)/10, 2000 + (c-1)/100
}

// slot is a random working stretch on the world's day (or the next).
func (wd world) slot(r *rand.Rand) (time.Time, time.Time) {
	start := wd.day.Add(time.Duration(r.Intn(48))*30*time.Minute).AddDate(0, 0, r.Intn(2))
	return start, start.Add(time.Duration(1+r.Intn(10)) * time.Hour)
}

func (wd world) worker(r *rand.Rand, id int64) Worker {
	w := Worker{ID: id, Active: r.Intn(10) > 0, PresentToday: r.Intn(3) == 0, Priority: r.Intn(5) == 0}
	for range 1 + r.Intn(3) {
		w.Trades = append(w.Trades, TradeYears{Trade: int64(1 + r.Intn(wd.trades)), Years: r.Intn(15)})
	}
	if r.Intn(10) > 0 {
		w.Community, w.SubDistrict, w.District = wd.place(r)
	}
	if r.Intn(3) > 0 {
		w.ExpectedPayUnit = payUnits[r.Intn(len(payUnits))]
		w.ExpectedPayFen = int64(1+r.Intn(40)) * 1000
	}
	w.Dispatches = r.Intn(30)
	w.Completed = r.Intn(w.Dispatches + 1)
	w.NoShows = r.Intn(w.Dispatches - w.Completed + 1)
	w.RatingCount = r.Intn(w.Completed + 1)
	w.RatingSum = w.RatingCount * (1 + r.Intn(5))
	if w.Dispatches > 0 {
		w.LastDispatch = testNow.Add(-time.Duration(r.Intn(30*24)) * time.Hour)
		w.DispatchesLast7 = r.Intn(min(w.Dispatches, 8) + 1)
	}
	for range r.Intn(4) {
		s, e := wd.slot(r)
		w.Busy = append(w.Busy, Interval{s, e})
	}
	return w
}

func (wd world) job(r *rand.Rand, id int64, maxHead int, workerIDs int) Job {
	j := Job{ID: id, Trade: int64(1 + r.Intn(wd.trades)), Headcount: 1 + r.Intn(maxHead)}
	j.Start, j.End = wd.slot(r)
	if r.Intn(4) == 0 {
		j.Filled = r.Intn(j.Headcount + 1)
	}
	j.Community, j.SubDistrict, j.District = wd.place(r)
	j.PayUnit = payUnits[r.Intn(len(payUnits))]
	j.PayFen = int64(r.Intn(40)) * 1000
	if r.Intn(4) == 0 {
		j.RequestedWorker = int64(1 + r.Intn(workerIDs))
	}
	for range r.Intn(3) {
		j.Declined = append(j.Declined, int64(1+r.Intn(workerIDs)))
	}
	for range r.Intn(2) {
		j.Booked = append(j.Booked, int64(1+r.Intn(workerIDs)))
	}
	return j
}

// workersAndJobs makes nw workers with IDs 1..nw (shuffled) and nj jobs.
func (wd world) workersAndJobs(r *rand.Rand, nw, nj, maxHead int) ([]Worker, []Job) {
	workers := make([]Worker, nw)
	for i, id := range r.Perm(nw) {
		workers[i] = wd.worker(r, int64(id+1))
	}
	jobs := make([]Job, nj)
	for i, id := range r.Perm(nj) {
		jobs[i] = wd.job(r, int64(100+id), maxHead, nw)
	}
	return workers, jobs
}

// randomWeights are valid weights, sometimes lopsided, so ties and big gaps both occur.
func randomWeights(r *rand.Rand) Weights {
	if r.Intn(3) == 0 {
		return DefaultWeights()
	}
	n := func() int { return r.Intn(30) }
	if r.Intn(3) == 0 {
		n = func() int { return []int{0, 1, 2, 500}[r.Intn(4)] } // one factor can dwarf the rest
	}
	return Weights{Trade: 1 + n(), Experience: n(), Present: n(), Distance: n(), Pay: n(),
		Reliability: n(), Rotation: n(), Priority: n(), Requested: n()}
}
