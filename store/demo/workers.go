package demo

import (
	"math"
	"sort"
	"time"

	"gigdesk/store"
)

type span struct{ start, end, job int64 }

type genWorker struct {
	store.Worker
	created   int64
	until     int64 // takes no work that ends after this (paused or left)
	sub       int64
	regionOut bool
	busy      []span // non-cancelled dispatches
}

// makeWorkers registers the station's workers, oldest registration first, and indexes them
// by trade and sub-district for the calls.
func (g *gen) makeWorkers(l recordSink) error {
	first, err := l.NextID("workers")
	if err != nil {
		return err
	}
	n := g.o.Workers
	created := g.registrationTimes(n)
	g.byTrade = make([][]int32, len(tradeSpecs))
	g.byTradeAt = make([][]int64, len(tradeSpecs))
	g.byTradeSub = make([][][]int32, len(tradeSpecs))
	g.bySubAt = make([][][]int64, len(tradeSpecs))
	for t := range tradeSpecs {
		g.byTradeSub[t] = make([][]int32, len(g.subIdx))
		g.bySubAt[t] = make([][]int64, len(g.subIdx))
	}
	g.workerAt = created
	for i := range n {
		w, specs := g.newWorker(first+int64(i), created[i], i)
		g.workers = append(g.workers, w)
		for _, t := range specs {
			si := g.subIdx[w.sub]
			g.byTrade[t] = append(g.byTrade[t], int32(i))
			g.byTradeAt[t] = append(g.byTradeAt[t], w.created)
			g.byTradeSub[t][si] = append(g.byTradeSub[t][si], int32(i))
			g.bySubAt[t][si] = append(g.bySubAt[t][si], w.created)
		}
		if err := l.Worker(&w.Worker, g.staffID()); err != nil {
			return err
		}
		g.counts.Workers++
	}
	return nil
}

// registrationTimes are n registration times, sorted: a quarter in the station's first days.
func (g *gen) registrationTimes(n int) []int64 {
	created := make([]int64, n)
	burst := g.opened.AddDate(0, 0, 3)
	for i := range created {
		if g.chance(0.25) {
			created[i] = g.counterTime(g.opened, burst).Unix()
		} else {
			created[i] = g.counterTime(g.opened, g.today.AddDate(0, 0, 1)).Unix()
		}
	}
	sort.Slice(created, func(i, j int) bool { return created[i] < created[j] })
	return created
}

// newWorker makes the i-th worker, registered at created, and the trade spec indexes it is
// listed under (each once, in the order drawn).
func (g *gen) newWorker(id, created int64, i int) (*genWorker, []int) {
	w := &genWorker{created: created, until: math.MaxInt64}
	w.ID = id
	w.CreatedAt = time.Unix(created, 0)
	w.UpdatedAt = w.CreatedAt
	male := g.chance(0.62)
	w.Gender = "F"
	if male {
		w.Gender = "M"
	}
	w.BirthYear = g.birthYear()
	w.Name = g.personName(male, w.BirthYear, i%50 == 17)
	w.Phone = g.phone(false)
	if g.chance(0.4) {
		w.IDNumber, w.regionOut = g.idNumber(w.BirthYear, male)
	} else {
		w.regionOut = g.chance(0.4)
	}
	c := g.comms[g.pick(g.commPick)]
	w.CommunityID, w.sub = c.id, c.sub

	primary, specs := g.workerTrades(w, male)
	g.workerTerms(w, primary)
	if g.chance(0.25) {
		w.Groups = g.groups(male, g.now.Year()-w.BirthYear, w.regionOut)
	}
	w.Insured = g.chance(0.45)
	switch x := g.r.IntN(100); {
	case x < 80:
		w.Channel = store.ByCounter
	case x < 92:
		w.Channel = store.ByPhone
	default:
		w.Channel = store.Online
	}
	w.Consent = g.chance(0.85)
	g.workerStatus(w)
	return w, specs
}

// workerTrades gives w one to three trades with their years of experience; it returns the
// primary trade's spec index and every trade's, each once, in the order drawn.
func (g *gen) workerTrades(w *genWorker, male bool) (int, []int) {
	sex := 1
	if male {
		sex = 0
	}
	primary := g.pick(g.wTrade[sex])
	tr := []int{primary}
	if g.chance(0.55) {
		next := g.pick(g.wTrade[sex])
		if rel := g.related[primary]; len(rel) > 0 && g.chance(0.6) {
			next = rel[g.r.IntN(len(rel))]
		}
		tr = append(tr, next)
		if g.chance(0.25) {
			tr = append(tr, g.pick(g.wTrade[sex]))
		}
	}
	age := g.now.Year() - w.BirthYear
	seen := 0
	var specs []int
	for _, t := range tr {
		if seen&(1<<t) != 0 {
			continue
		}
		seen |= 1 << t
		specs = append(specs, t)
		w.Trades = append(w.Trades, store.WorkerTrade{TradeID: g.trades[t], Years: g.r.IntN(min(age-16, 30)/2+1) + g.r.IntN(min(age-16, 30)/2+1)})
	}
	sort.Slice(w.Trades, func(a, b int) bool { return w.Trades[a].TradeID < w.Trades[b].TradeID })
	return primary, specs
}

// workerTerms sets the pay w expects (in the primary trade's first unit) and when w can work.
func (g *gen) workerTerms(w *genWorker, primary int) {
	band := tradeSpecs[primary].bands[0]
	w.ExpectedPayUnit = band.unit
	if g.chance(0.8) {
		w.ExpectedPayFen = g.roundPay(band, g.r.Float64()*0.7)
	}
	switch x := g.r.IntN(10); {
	case x < 7:
		w.Availability = store.AllDay
	case x == 7:
		w.Availability = 0x3FF // weekdays
	case x == 8:
		w.Availability = 0x1555 // mornings
	default:
		for bits := 0; bits < 6; {
			w.Availability |= 1 << g.r.IntN(14)
			bits = popcount(w.Availability)
		}
	}
}

// workerStatus pauses or retires a few workers (from then on they take no work) and notes some.
func (g *gen) workerStatus(w *genWorker) {
	w.Status = store.Active
	switch x := g.r.IntN(100); {
	case x < 5:
		w.Status, w.StatusReason = store.Paused, g.one(pausedReasons)
		at := max(w.created+3600, g.nowU-int64(g.between(0, 30*86400)))
		w.until = at
		w.UpdatedAt = time.Unix(min(at, g.nowU), 0)
	case x < 12:
		w.Status, w.StatusReason = store.Left, g.one(leftReasons)
		at := w.created + g.r.Int64N(max(g.nowU-w.created, 1))
		w.until = at
		w.UpdatedAt = time.Unix(at, 0)
	}
	if g.chance(0.08) {
		w.Notes = g.one(workerNotes)
	}
}

func popcount(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// groups picks one or two priority groups the worker can belong to.
func (g *gen) groups(male bool, age int, migrant bool) []string {
	n := 1
	if g.chance(0.2) {
		n = 2
	}
	var out []string
	for tries := 0; len(out) < n && tries < 20; tries++ {
		c := store.PriorityGroups[g.r.IntN(len(store.PriorityGroups))]
		switch {
		case c == "age_4050" && !(male && age >= 50 || !male && age >= 40):
			continue
		case c == "veteran" && !male && g.chance(0.9):
			continue
		case c == "migrant" && !migrant:
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == c
		}
		if !dup {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// free reports whether w can take [s, e) and is registered and active by then.
func (w *genWorker) free(s, e int64) bool {
	if e > w.until {
		return false
	}
	for _, b := range w.busy {
		if b.start < e && s < b.end {
			return false
		}
	}
	return true
}

func (w *genWorker) unbook(job int64) {
	for i, b := range w.busy {
		if b.job == job {
			w.busy = append(w.busy[:i], w.busy[i+1:]...)
			return
		}
	}
}

// candidate finds a worker for trade t registered by `by`: free in [s, e) if free is set.
// Half the searches look in the job's own sub-district first.
func (g *gen) candidate(t int, sub int64, by int64, s, e int64, bit int, usedIn []int64, free bool) *genWorker {
	if rel := g.related[t]; len(rel) > 0 && g.chance(0.12) {
		t = rel[g.r.IntN(len(rel))]
	}
	lists := [2][]int32{g.byTrade[t], nil}
	ats := [2][]int64{g.byTradeAt[t], nil}
	if si, ok := g.subIdx[sub]; ok && g.chance(0.5) {
		lists[0], lists[1] = g.byTradeSub[t][si], g.byTrade[t]
		ats[0], ats[1] = g.bySubAt[t][si], g.byTradeAt[t]
	}
	for li := range 2 {
		list, at := lists[li], ats[li]
		k := sort.Search(len(at), func(i int) bool { return at[i] > by })
		if k == 0 {
			continue
		}
	try:
		for range 10 {
			w := g.workers[list[g.r.IntN(k)]]
			for _, u := range usedIn {
				if u == w.ID {
					continue try
				}
			}
			if !free {
				if w.until > by {
					return w
				}
				continue
			}
			if w.Availability&bit != 0 && w.free(s, e) {
				return w
			}
		}
	}
	return nil
}
