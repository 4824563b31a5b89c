package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"gigdesk/store"
	"gigdesk/store/valid"
)

// dispatchRate is how many dispatches a registered worker gets per day, on average.
const dispatchRate = 0.04

// dayRate is the places asked for per registered worker and day. A district pool of 100,000
// works at dispatchRate; a neighbourhood station's few hundred are busier (they come to the
// counter because there is work there), so a small demo looks like a busy day at the desk.
func dayRate(registered int) float64 {
	return dispatchRate + 0.24*300/float64(max(registered, 300))
}

// payBand is one way a trade is paid: unit, range in 元, rounding step, job length in minutes.
type payBand struct {
	unit           store.PayUnit
	lo, hi, step   int64
	minDur, maxDur int
	w              float64
}

// tradeSpec is how often a trade is asked for (by resident, shop, firm), who does it
// (men, women) and how it pays.
type tradeSpec struct {
	code    string
	jobW    [3]float64
	workerW [2]float64
	bands   []payBand
}

var tradeSpecs = []tradeSpec{
	{"plumbing", [3]float64{12, 6, 5}, [2]float64{10, 0.5}, []payBand{{store.Fixed, 80, 300, 10, 60, 180, 6}, {store.PerDay, 250, 400, 10, 480, 480, 4}}},
	{"labour", [3]float64{3, 5, 20}, [2]float64{14, 3}, []payBand{{store.PerDay, 150, 250, 10, 480, 540, 8}, {store.PerHour, 25, 35, 1, 180, 300, 2}}},
	{"carpentry", [3]float64{3, 3, 6}, [2]float64{5, 0.2}, []payBand{{store.PerDay, 250, 400, 10, 480, 480, 1}}},
	{"locksmith", [3]float64{6, 2, 0.5}, [2]float64{1.5, 0.1}, []payBand{{store.Fixed, 80, 200, 10, 30, 60, 1}}},
	{"shoe_repair", [3]float64{2, 0.5, 0}, [2]float64{1, 1}, []payBand{{store.PerPiece, 10, 40, 5, 60, 120, 1}}},
	{"drain", [3]float64{7, 4, 2}, [2]float64{3, 0.2}, []payBand{{store.Fixed, 100, 300, 10, 60, 120, 1}}},
	{"masonry", [3]float64{3, 2, 8}, [2]float64{5, 0.5}, []payBand{{store.PerDay, 250, 380, 10, 480, 480, 1}}},
	{"loading", [3]float64{0.5, 6, 15}, [2]float64{8, 1}, []payBand{{store.PerDay, 180, 260, 10, 480, 480, 5}, {store.PerHour, 25, 40, 1, 180, 360, 5}}},
	{"cleaning", [3]float64{12, 8, 8}, [2]float64{1, 10}, []payBand{{store.PerHour, 25, 40, 1, 120, 240, 7}, {store.Fixed, 150, 400, 10, 240, 480, 3}}},
	{"moving", [3]float64{8, 3, 4}, [2]float64{6, 0.5}, []payBand{{store.Fixed, 200, 600, 20, 180, 300, 7}, {store.PerDay, 200, 260, 10, 480, 480, 3}}},
	{"appliance", [3]float64{8, 3, 1}, [2]float64{3, 0.2}, []payBand{{store.Fixed, 50, 200, 10, 60, 120, 1}}},
	{"painting", [3]float64{3, 3, 5}, [2]float64{4, 0.8}, []payBand{{store.PerDay, 250, 350, 10, 480, 480, 1}}},
	{"domestic", [3]float64{10, 2, 1}, [2]float64{0.3, 7}, []payBand{{store.PerHour, 30, 45, 1, 120, 240, 1}}},
	{"care", [3]float64{6, 0, 1}, [2]float64{0.5, 5}, []payBand{{store.PerDay, 200, 300, 10, 720, 720, 6}, {store.PerDay, 300, 380, 10, 1440, 1440, 2}}},
}

// Resident-ID region codes: Jiulongpo first, then the rest of Chongqing and Sichuan.
var (
	regionJiulongpo = "500107"
	regionCQ1       = []string{"500101", "500102", "500103", "500104", "500105", "500106", "500108", "500109", "500110", "500112", "500113", "500115", "500116", "500117", "500118", "500120"}
	regionCQ2       = []string{"500228", "500229", "500230", "500231", "500233", "500235", "500236", "500237", "500238", "500240", "500241", "500242", "500243"}
	regionSichuan   = []string{"510722", "511621", "511322", "513022", "511025", "511321", "510129", "511602"}
	mobilePrefixes  = []string{"130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"}
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

type genEmployer struct {
	store.Employer
	created int64
}

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

func newGen(o Options, cat *store.Catalog, loc *time.Location) (*gen, error) {
	g := &gen{o: o, r: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)), loc: loc, subIdx: map[int64]int{}, used: map[string]bool{}}
	g.now = o.Now.In(loc).Truncate(time.Second)
	g.nowU = g.now.Unix()
	g.today = time.Date(g.now.Year(), g.now.Month(), g.now.Day(), 0, 0, 0, 0, loc)
	g.opened = g.today.AddDate(0, 0, -o.Days-20)

	byCode := map[string]int64{}
	for _, t := range cat.Trades {
		byCode[t.Code] = t.ID
	}
	for _, sp := range tradeSpecs {
		id, ok := byCode[sp.code]
		if !ok {
			return nil, store.Errorf(store.Internal, "demo.catalog", "trade %s missing from the catalogue", sp.code)
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
		return nil, store.Errorf(store.Internal, "demo.catalog", "no communities in the catalogue")
	}
	g.commPick = newTable(cw)
	var sw []float64
	for _, s := range surnames {
		sw = append(sw, s.w)
	}
	g.surnamePick = newTable(sw)
	return g, nil
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
	var err error
	if g.nextJob, err = l.NextID("jobs"); err != nil {
		return err
	}
	if g.nextDispatch, err = l.NextID("dispatches"); err != nil {
		return err
	}
	if g.nextCall, err = l.NextID("call_attempts"); err != nil {
		return err
	}
	if g.nextSignIn, err = l.NextID("sign_ins"); err != nil {
		return err
	}
	if g.nextVisit, err = l.NextID("service_visits"); err != nil {
		return err
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

func (g *gen) phone(landline bool) string {
	for {
		var p string
		if landline {
			p = fmt.Sprintf("0236%07d", g.r.IntN(10_000_000))
		} else {
			p = g.one(mobilePrefixes) + fmt.Sprintf("%08d", g.r.IntN(100_000_000))
		}
		if !g.used[p] {
			g.used[p] = true
			return p
		}
	}
}

func (g *gen) personName(male bool, birthYear int, heteronym bool) string {
	sur := surnames[g.pick(g.surnamePick)].name
	if heteronym {
		sur = g.one(heteronymSurnames)
	}
	var pool []string
	switch {
	case male && birthYear < 1980:
		pool = maleOld
	case male:
		pool = maleYoung
	case birthYear < 1980:
		pool = femOld
	default:
		pool = femYoung
	}
	return sur + g.one(pool)
}

// birthYear gives ages 18–65, most of them 35–60.
func (g *gen) birthYear() int {
	bands := [][3]int{{18, 24, 6}, {25, 34, 14}, {35, 44, 25}, {45, 54, 32}, {55, 60, 18}, {61, 65, 5}}
	x := g.r.IntN(100)
	for _, b := range bands {
		if x < b[2] {
			return g.now.Year() - g.between(b[0], b[1])
		}
		x -= b[2]
	}
	return g.now.Year() - 45
}

// idNumber makes a valid resident ID (GB 11643 check character) born in year.
func (g *gen) idNumber(year int, male bool) (string, bool) {
	var region string
	out := true
	switch x := g.r.IntN(100); {
	case x < 45:
		region, out = regionJiulongpo, false
	case x < 70:
		region = g.one(regionCQ1)
	case x < 85:
		region = g.one(regionCQ2)
	default:
		region = g.one(regionSichuan)
	}
	for {
		month := g.between(1, 12)
		days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		seq := g.r.IntN(100)*10 + g.r.IntN(5)*2
		if male {
			seq++
		}
		first := fmt.Sprintf("%s%04d%02d%02d%03d", region, year, month, g.between(1, days), seq)
		id := first + string(valid.IDCheckChar(first))
		if !g.used[id] {
			g.used[id] = true
			return id, out
		}
	}
}

func (g *gen) roundPay(b payBand, frac float64) int64 {
	y := b.lo + int64(float64(b.hi-b.lo)*frac)
	y = y / b.step * b.step
	return max(y, b.lo) * 100
}

func (g *gen) makeWorkers(l *store.Loader) error {
	first, err := l.NextID("workers")
	if err != nil {
		return err
	}
	n := g.o.Workers
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
		w := &genWorker{created: created[i], until: math.MaxInt64}
		w.ID = first + int64(i)
		w.CreatedAt = time.Unix(created[i], 0)
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
		for _, t := range tr {
			if seen&(1<<t) != 0 {
				continue
			}
			seen |= 1 << t
			w.Trades = append(w.Trades, store.WorkerTrade{TradeID: g.trades[t], Years: g.r.IntN(min(age-16, 30)/2+1) + g.r.IntN(min(age-16, 30)/2+1)})
		}
		sort.Slice(w.Trades, func(a, b int) bool { return w.Trades[a].TradeID < w.Trades[b].TradeID })

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
		if g.chance(0.25) {
			w.Groups = g.groups(male, age, w.regionOut)
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
		g.workers = append(g.workers, w)
		for _, t := range tr {
			if seen&(1<<t) == 0 {
				continue
			}
			seen &^= 1 << t
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

func (g *gen) address(c community) string {
	if strings.HasSuffix(c.name, "村") {
		return fmt.Sprintf("%s%d组%d号", c.name, g.between(1, 12), g.between(1, 80))
	}
	return fmt.Sprintf("%s%d栋%d单元%d0%d", c.name, g.between(1, 24), g.between(1, 4), g.between(1, 18), g.between(1, 4))
}

func (g *gen) makeEmployers(l *store.Loader) error {
	first, err := l.NextID("employers")
	if err != nil {
		return err
	}
	n := g.o.Employers
	created := make([]int64, n)
	start := g.today.AddDate(0, 0, -g.o.Days)
	for i := range created {
		if g.chance(0.6) {
			created[i] = g.counterTime(g.opened, start).Unix()
		} else {
			created[i] = g.counterTime(start, g.today).Unix()
		}
	}
	sort.Slice(created, func(i, j int) bool { return created[i] < created[j] })
	g.empAt = created
	sum := 0.0
	for i := range n {
		e := &genEmployer{created: created[i]}
		e.ID = first + int64(i)
		e.CreatedAt = time.Unix(created[i], 0)
		e.UpdatedAt = e.CreatedAt
		c := g.comms[g.pick(g.commPick)]
		e.CommunityID = c.id
		sur := surnames[g.pick(g.surnamePick)].name
		w := 1.0
		switch x := g.r.IntN(100); {
		case x < 50:
			e.Kind = store.Resident
			male := g.chance(0.5)
			e.Name = g.personName(male, g.now.Year()-g.between(25, 75), false)
			e.Phone = g.phone(false)
			e.Address = g.address(c)
		case x < 80:
			e.Kind = store.Shop
			e.Name = g.one(shopOwners) + g.one(shopKinds)
			e.Contact = sur + g.one([]string{"老板", "老板娘", "师傅"})
			e.Phone = g.phone(g.chance(0.4))
			e.Address = fmt.Sprintf("%s%d号", g.one(roads), g.between(1, 300))
			w = 2.5
		default:
			e.Kind = store.Firm
			e.Name = "重庆" + g.one(firmWords) + g.one(firmWords) + g.one(firmKinds)
			e.Contact = sur + g.one([]string{"经理", "主管", "女士", "先生"})
			e.Phone = g.phone(g.chance(0.6))
			e.Address = fmt.Sprintf("%s%d号%d楼", g.one(roads), g.between(1, 300), g.between(1, 20))
			w = 8
		}
		sum += w * (0.3 + 1.4*g.r.Float64())
		g.empCum = append(g.empCum, sum)
		g.employers = append(g.employers, e)
		if err := l.Employer(&e.Employer, g.staffID()); err != nil {
			return err
		}
		g.counts.Employers++
	}
	return nil
}

// employer picks an employer registered no later than t, busier ones more often.
func (g *gen) employer(t int64) *genEmployer {
	k := sort.Search(len(g.empAt), func(i int) bool { return g.empAt[i] > t })
	if k == 0 {
		return nil
	}
	x := g.r.Float64() * g.empCum[k-1]
	i := sort.SearchFloat64s(g.empCum[:k], x)
	return g.employers[min(i, k-1)]
}

// jobBit is the availability bit of a start time (Monday morning is bit 0).
func jobBit(t time.Time) int {
	d := (int(t.Weekday()) + 6) % 7
	if t.Hour() >= 12 {
		return 1 << (2*d + 1)
	}
	return 1 << (2 * d)
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

// day writes the jobs that start on day d (0 = today) with their calls and dispatches,
// then that day's sign-ins and service visits.
func (g *gen) day(l *store.Loader, d int) error {
	day := g.today.AddDate(0, 0, d)
	registered := sort.Search(len(g.workerAt), func(i int) bool { return g.workerAt[i] > day.Unix() })
	target := dayRate(registered) * float64(registered) * (0.85 + 0.3*g.r.Float64())
	switch day.Weekday() {
	case time.Saturday:
		target *= 0.85
	case time.Sunday:
		target *= 0.75
	}
	var walkIns []walkIn
	for heads := 0.0; heads < target; {
		j, ok := g.newJob(day)
		if !ok {
			heads += 1
			continue
		}
		heads += float64(j.Headcount) * 0.8
		if j.CreatedAt.After(g.now) {
			continue // not posted yet
		}
		w, err := g.fill(l, j)
		if err != nil {
			return err
		}
		walkIns = append(walkIns, w...)
	}
	if d > 0 {
		return nil
	}
	if err := g.signIns(l, day, walkIns, registered); err != nil {
		return err
	}
	return g.visits(l, day, registered)
}

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
	j.Headcount = 1
	switch {
	case b.unit == store.Fixed && tradeSpecs[t].code != "moving", b.maxDur >= 720, b.unit == store.PerPiece:
	case kind == 0:
		if g.chance(0.12) || tradeSpecs[t].code == "moving" && g.chance(0.6) {
			j.Headcount = g.between(2, 3)
		}
	case kind == 1:
		j.Headcount = g.between(1, 2)
	case tradeSpecs[t].code == "labour" || tradeSpecs[t].code == "loading":
		j.Headcount = g.between(2, 10)
		if g.chance(0.03) {
			j.Headcount = 20
		}
	default:
		j.Headcount = g.between(1, 4)
	}
	if kind == 2 && g.chance(0.4) {
		c := g.comms[g.pick(g.commPick)]
		j.CommunityID = c.id
		j.Address = fmt.Sprintf("%s%d号工地", g.one(roads), g.between(1, 300))
	}
	j.StartsAt = g.startTime(day, t, b)
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
	// When was it posted? Urgent jobs hours before, most the day before, some days ahead.
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
	j.CreatedAt = created
	j.CreatedBy = g.staffID()
	j.ValidUntil = created.AddDate(0, 0, 7)
	if created.Unix() < e.created {
		return nil, false
	}
	return j, true
}

type walkIn struct {
	worker  *genWorker
	created time.Time
}

// fill calls workers for each place on the job, dispatches those who accept, plays the job
// out up to now (check-in, done, pay, ratings) and writes it all.
func (g *gen) fill(l *store.Loader, j *store.Job) ([]walkIn, error) {
	j.ID = g.nextJob
	g.nextJob++
	tIdx := 0
	for i, id := range g.trades {
		if id == j.TradeID {
			tIdx = i
		}
	}
	start, end := j.StartsAt.Unix(), j.EndsAt().Unix()
	sub, _ := g.commSub(j.CommunityID)
	bit := jobBit(j.StartsAt)

	var cancelAt time.Time
	if g.chance(0.04) {
		c := j.CreatedAt.Add(time.Duration(g.r.Int64N(int64(j.StartsAt.Sub(j.CreatedAt)))).Truncate(time.Minute))
		if !c.After(g.now) {
			cancelAt = c
		}
	}
	limit := j.StartsAt
	if g.now.Before(limit) {
		limit = g.now
	}
	if !cancelAt.IsZero() && cancelAt.Before(limit) {
		limit = cancelAt
	}
	hard := 1.0
	if g.chance(0.07) {
		hard = 10
	}
	var calls []store.CallRecord
	var disp []*store.DispatchRecord
	var usedIn []int64
	call := func(w *genWorker, at time.Time, outcome, reason string) {
		calls = append(calls, store.CallRecord{JobID: j.ID, WorkerID: w.ID, Outcome: outcome, Reason: reason, StaffID: g.staffID(), At: at})
	}
	for slot := 0; slot < j.Headcount; slot++ {
		from := j.CreatedAt
		for attempt := 0; attempt < 2; attempt++ {
			var delay time.Duration
			if j.Urgent {
				delay = g.minutes(5, 50)
			} else {
				// places are filled over the time between posting and start, most of them early
				lead := float64(j.StartsAt.Sub(from))
				delay = time.Duration(lead*0.9*math.Pow(g.r.Float64(), 1.5)*hard + float64(5*time.Minute)).Truncate(time.Minute)
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
				if t.After(limit) {
					break
				}
				w := g.candidate(tIdx, sub, t.Unix(), start, end, bit, usedIn, false)
				if w != nil {
					usedIn = append(usedIn, w.ID)
					if g.chance(0.55) {
						call(w, t, "no_answer", "")
					} else {
						call(w, t, "declined", g.one(declineReasons))
					}
				}
				t = t.Add(g.minutes(1, 5))
			}
			acceptAt := t
			created := acceptAt.Add(g.minutes(0, 2))
			if created.After(limit) {
				break
			}
			w := g.candidate(tIdx, sub, acceptAt.Unix(), start, end, bit, usedIn, true)
			if w == nil {
				break
			}
			usedIn = append(usedIn, w.ID)
			call(w, acceptAt, "accepted", "")
			w.busy = append(w.busy, span{start, end, j.ID})
			d := &store.DispatchRecord{JobID: j.ID, WorkerID: w.ID, Status: "dispatched", StartsAt: j.StartsAt, EndsAt: j.EndsAt(),
				AgreedPayFen: j.PayFen, CreatedBy: g.staffID(), CreatedAt: created, UpdatedAt: created}
			if j.PayUnit != store.PerHour && g.chance(0.08) {
				d.AgreedPayFen += 1000 // talked up by 10 元
			}
			disp = append(disp, d)
			// Some workers drop out before the day; the place is then offered again.
			if room := j.StartsAt.Sub(created); attempt == 0 && room > 2*time.Hour && g.chance(0.03) {
				c := created.Add(time.Duration(g.r.Int64N(int64(room - time.Hour))).Truncate(time.Minute))
				if !c.After(limit) {
					d.Status, d.CancelledBy, d.CancelReason, d.UpdatedAt = "cancelled", "worker", g.one(workerCancelReasons), c
					w.unbook(j.ID)
					from = c
					continue
				}
			}
			break
		}
	}
	reason := g.one(jobCancelReasons)
	filled := 0
	for _, d := range disp {
		if d.Status == "cancelled" {
			continue
		}
		if !cancelAt.IsZero() {
			d.Status, d.CancelledBy, d.CancelReason, d.UpdatedAt = "cancelled", "employer", reason, cancelAt
			g.workers[d.WorkerID-g.workers[0].ID].unbook(j.ID)
			continue
		}
		filled++
		g.playOut(j, d)
	}
	j.Filled = filled
	j.UpdatedAt = j.CreatedAt
	for _, d := range disp {
		if d.UpdatedAt.After(j.UpdatedAt) {
			j.UpdatedAt = d.UpdatedAt
		}
	}
	switch {
	case !cancelAt.IsZero():
		j.Status, j.StatusReason, j.UpdatedAt = store.JobCancelled, reason, cancelAt
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
	for _, d := range disp {
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

func statusFor(filled, headcount int) store.JobStatus {
	switch {
	case filled <= 0:
		return store.JobOpen
	case filled < headcount:
		return store.JobPartly
	}
	return store.JobFilled
}

func (g *gen) commSub(id int64) (int64, bool) {
	for _, c := range g.comms {
		if c.id == id {
			return c.sub, true
		}
	}
	return 0, false
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
