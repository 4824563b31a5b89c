package demo

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"gigdesk/store"
)

type community struct {
	id, sub int64
	name    string
}

// table is a cumulative weight table for weighted picks.
type table []float64

func newTable(ws []float64) table {
	t := make(table, len(ws))
	sum := 0.0
	for i, w := range ws {
		sum += w
		t[i] = sum
	}
	return t
}

type gen struct {
	o      Options
	r      *rand.Rand
	loc    *time.Location
	now    time.Time
	nowU   int64
	today  time.Time
	opened time.Time

	trades   []int64 // trade id per spec index
	related  [][]int // related spec indexes
	jobTrade [3]table
	wTrade   [2]table
	bandW    []table

	comms    []community
	commPick table
	subIdx   map[int64]int // sub-district id → index (lookups only)

	surnamePick table
	staff       []int64
	head        int64

	workers    []*genWorker
	byTrade    [][]int32   // worker indexes per trade, in registration order
	byTradeAt  [][]int64   // their registration times
	byTradeSub [][][]int32 // per trade, per sub-district
	bySubAt    [][][]int64
	workerAt   []int64

	employers []*genEmployer
	empAt     []int64
	empCum    []float64

	used map[string]bool // phones and ID numbers handed out (lookups only)

	nextJob, nextDispatch, nextCall, nextSignIn, nextVisit int64
	counts                                                 Counts
}

// newGen seeds the generator and builds its pick tables from the catalogue. Nothing here
// draws a random number.
func newGen(o Options, cat *store.Catalog, loc *time.Location) (*gen, error) {
	g := &gen{o: o, r: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)), loc: loc, subIdx: map[int64]int{}, used: map[string]bool{}}
	g.now = o.Now.In(loc).Truncate(time.Second)
	g.nowU = g.now.Unix()
	g.today = time.Date(g.now.Year(), g.now.Month(), g.now.Day(), 0, 0, 0, 0, loc)
	g.opened = g.today.AddDate(0, 0, -o.Days-20)
	if err := g.tradeTables(cat); err != nil {
		return nil, err
	}
	if err := g.communities(cat); err != nil {
		return nil, err
	}
	var sw []float64
	for _, s := range surnames {
		sw = append(sw, s.w)
	}
	g.surnamePick = newTable(sw)
	return g, nil
}

// tradeTables finds the catalogue's id of every trade spec, its related trades, and the
// weights by which jobs, workers and pay bands pick a trade.
func (g *gen) tradeTables(cat *store.Catalog) error {
	byCode := map[string]int64{}
	for _, t := range cat.Trades {
		byCode[t.Code] = t.ID
	}
	for _, sp := range tradeSpecs {
		id, ok := byCode[sp.code]
		if !ok {
			return store.Errorf(store.Internal, "demo.catalog", "trade %s missing from the catalogue", sp.code)
		}
		g.trades = append(g.trades, id)
	}
	for i := range tradeSpecs {
		var rel []int
		for j := range tradeSpecs {
			if i != j && cat.Related[[2]int64{g.trades[i], g.trades[j]}] {
				rel = append(rel, j)
			}
		}
		g.related = append(g.related, rel)
		var bw []float64
		for _, b := range tradeSpecs[i].bands {
			bw = append(bw, b.w)
		}
		g.bandW = append(g.bandW, newTable(bw))
	}
	for k := range 3 {
		var ws []float64
		for _, sp := range tradeSpecs {
			ws = append(ws, sp.jobW[k])
		}
		g.jobTrade[k] = newTable(ws)
	}
	for k := range 2 {
		var ws []float64
		for _, sp := range tradeSpecs {
			ws = append(ws, sp.workerW[k])
		}
		g.wTrade[k] = newTable(ws)
	}
	return nil
}

// communities lists the catalogue's communities with their sub-districts, the station's own
// neighbourhood weighted most.
func (g *gen) communities(cat *store.Catalog) error {
	var cw []float64
	for _, p := range cat.Communities() {
		sub, _ := cat.Area(p.ID)
		c := community{id: p.ID, sub: sub, name: p.Name}
		w := 1.0
		if sp, ok := cat.Place(sub); ok && sp.Level == store.LevelSubdistrict {
			w = 2
		}
		if sp, ok := cat.Place(sub); ok && sp.Name == "石坪桥街道" {
			w = 10 // the station's own sub-district
		}
		if p.Name == "后街社区" {
			w = 30
		}
		if _, ok := g.subIdx[sub]; !ok {
			g.subIdx[sub] = len(g.subIdx)
		}
		g.comms = append(g.comms, c)
		cw = append(cw, w)
	}
	if len(g.comms) == 0 {
		return store.Errorf(store.Internal, "demo.catalog", "no communities in the catalogue")
	}
	g.commPick = newTable(cw)
	return nil
}

// Random helpers.

func (g *gen) pick(t table) int {
	x := g.r.Float64() * t[len(t)-1]
	i := sort.SearchFloat64s(t, x)
	return min(i, len(t)-1)
}
func (g *gen) between(lo, hi int) int   { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) chance(p float64) bool    { return g.r.Float64() < p }
func (g *gen) one(list []string) string { return list[g.r.IntN(len(list))] }
func (g *gen) minutes(lo, hi int) time.Duration {
	return time.Duration(g.between(lo, hi)) * time.Minute
}
func (g *gen) staffID() int64 { return g.staff[g.r.IntN(len(g.staff))] }

// at is hh:mm on the station-local day.
func (g *gen) at(day time.Time, h, m int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, g.loc)
}

// counterTime is a moment during counter hours (8:30–17:30) between two days.
func (g *gen) counterTime(from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	day := from.AddDate(0, 0, g.r.IntN(max(days, 1)))
	t := g.at(day, 8, 30).Add(g.minutes(0, 540))
	if t.After(g.now) {
		t = g.now.Add(-g.minutes(1, 120))
	}
	return t
}

// run writes the whole load: staff and settings, workers, employers, then day after day of
// jobs with their calls, dispatches, sign-ins and visits, and one audit row that sums it up.
func (g *gen) run(l *store.Loader, staff []store.Staff, st store.Settings) error {
	if err := g.setUp(l, staff, st); err != nil {
		return err
	}
	if err := g.makeWorkers(l); err != nil {
		return err
	}
	if err := g.makeEmployers(l); err != nil {
		return err
	}
	for _, next := range []struct {
		id    *int64
		table string
	}{{&g.nextJob, "jobs"}, {&g.nextDispatch, "dispatches"}, {&g.nextCall, "call_attempts"}, {&g.nextSignIn, "sign_ins"}, {&g.nextVisit, "service_visits"}} {
		id, err := l.NextID(next.table)
		if err != nil {
			return err
		}
		*next.id = id
	}
	for d := -(g.o.Days - 1); d <= 3; d++ {
		if err := g.day(l, d); err != nil {
			return err
		}
	}
	id, err := l.NextID("audit")
	if err != nil {
		return err
	}
	return l.Audit(store.AuditEntry{ID: id, At: g.now, StaffID: g.head, Action: "demo", Entity: "station",
		Detail: fmt.Sprintf("seed %d: %s", g.o.Seed, g.counts)})
}

// setUp adds three staff members and the station's settings unless the database has them.
func (g *gen) setUp(l *store.Loader, staff []store.Staff, st store.Settings) error {
	for _, s := range staff {
		g.staff = append(g.staff, s.ID)
		if s.Role == store.RoleHead && g.head == 0 {
			g.head = s.ID
		}
	}
	if len(staff) == 0 {
		id, err := l.NextID("staff")
		if err != nil {
			return err
		}
		for i, s := range []struct {
			name string
			role store.Role
		}{{"刘红梅", store.RoleHead}, {"陈建军", store.RoleStaff}, {"杨晓燕", store.RoleStaff}} {
			rec := store.Staff{ID: id + int64(i), Name: s.name, Role: s.role, Active: true, CreatedAt: g.opened.Add(8 * time.Hour)}
			if err := l.Staff(rec); err != nil {
				return err
			}
			g.staff = append(g.staff, rec.ID)
			g.counts.Staff++
		}
		g.head = id
	}
	if g.head == 0 {
		g.head = g.staff[0]
	}
	if st.Configured() {
		return nil
	}
	st.StationName = "后街零工市场"
	st.Phone = "023-68781526"
	st.Address = "九龙坡区石坪桥后街86号"
	st.CommunityID = 100
	return l.Settings(st)
}
