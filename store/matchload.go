package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"weak"

	"gigdesk/store/match"
)

// Loading what matching needs: every active worker with their trades, place, expectation,
// sign-in, record and bookings, in a handful of set-based queries (never one per worker).

// MatchWeights are the station's ranking weights: settings.MatchWeights, or match's defaults.
func (s *Store) MatchWeights(ctx context.Context) (match.Weights, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return match.DefaultWeights(), err
	}
	return ParseWeights(st.MatchWeights)
}

// ParseWeights reads weights saved as JSON; "" is match.DefaultWeights. A factor missing from
// the JSON keeps its default, so weights saved before a factor existed still load.
func ParseWeights(js string) (match.Weights, error) {
	w := match.DefaultWeights()
	if strings.TrimSpace(js) == "" {
		return w, nil
	}
	if err := json.Unmarshal([]byte(js), &w); err != nil {
		return match.DefaultWeights(), &Error{Code: Invalid, Key: "match.weights_json", Field: "match_weights", Detail: "saved weights are not valid JSON", Err: err}
	}
	if err := w.Validate(); err != nil {
		return match.DefaultWeights(), weightError(err)
	}
	return w, nil
}

func weightError(err error) error {
	var we *match.WeightError
	if errors.As(err, &we) {
		return &Error{Code: Invalid, Key: "match.weight", Field: we.Field, Detail: we.Error()}
	}
	return &Error{Code: Invalid, Key: "match.weight", Detail: err.Error()}
}

// SaveMatchWeights validates and stores the ranking weights (each 0..match.MaxWeight, trade ≥ 1).
func (s *Store) SaveMatchWeights(ctx context.Context, staff int64, w match.Weights) error {
	if err := w.Validate(); err != nil {
		return weightError(err)
	}
	js, err := json.Marshal(w)
	if err != nil {
		return &Error{Code: Internal, Key: "match.weight", Err: err}
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		if _, err := tx.exec(`INSERT INTO settings (key, value) VALUES ('match_weights', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(js)); err != nil {
			return err
		}
		return tx.audit("update", "match_weights", 0, string(js))
	})
}

// MatchContext is what every ranking needs besides the workers: relations, weights and the clock.
type MatchContext struct {
	Catalog   *Catalog
	Relations match.Relations
	Weights   match.Weights
	Now       time.Time // station-local
}

// MatchContext reads the catalogue and weights once for a ranking.
func (s *Store) MatchContext(ctx context.Context) (MatchContext, error) {
	cat, err := s.Catalog(ctx)
	if err != nil {
		return MatchContext{}, err
	}
	wt, err := s.MatchWeights(ctx)
	if err != nil {
		return MatchContext{}, err
	}
	return MatchContext{Catalog: cat, Relations: match.Relations(cat.Related), Weights: wt, Now: s.Now()}, nil
}

// WorkerPool is the active workers as matching sees them, by worker ID.
type WorkerPool struct {
	Workers []match.Worker // ordered by ID
	index   map[int64]int
}

// Find returns the pool's worker with id.
func (p *WorkerPool) Find(id int64) (*match.Worker, bool) {
	if p.index == nil {
		p.index = make(map[int64]int, len(p.Workers))
		for i := range p.Workers {
			p.index[p.Workers[i].ID] = i
		}
	}
	i, ok := p.index[id]
	if !ok {
		return nil, false
	}
	return &p.Workers[i], true
}

// PoolFilter says which workers to load and which bookings to read for them.
type PoolFilter struct {
	WorkerID   int64     // 0 = every active worker
	From, To   time.Time // bookings overlapping [From, To) become Busy
	AnyStatus  bool      // load the worker whatever their status (one worker, for explanations)
	ExcludeDay string    // YYYY-MM-DD: leave out workers already dispatched that local day (day plan)
}

// LoadWorkerPool reads workers for matching. The part of the pool that only a write can
// change (active workers, their trades, place, expectations, priority and record) is kept
// between loads while nothing has been written since; what depends on the job or the clock
// (bookings in the window, present today, dispatches in the last 7 days) is read every time.
func (s *Store) LoadWorkerPool(ctx context.Context, mc MatchContext, f PoolFilter) (*WorkerPool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer conn.Close()
	// One read transaction: every query sees the same snapshot.
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer tx.Rollback()
	var ws []match.Worker
	if f.WorkerID == 0 && !f.AnyStatus {
		ws, err = s.cachedPool(ctx, tx, mc)
	} else {
		ws, err = loadStaticPool(ctx, tx, mc, f, s.loc)
	}
	if err != nil {
		return nil, dbError(err, s.path)
	}
	pool, err := addDynamicPool(ctx, tx, mc, f, s.loc, ws)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	return pool, nil
}

// poolCache is one store's static pool and the state of the database it was read at.
type poolCache struct {
	mu      sync.Mutex
	version poolVersion
	workers []match.Worker
}

// poolVersion changes with every write: each write adds an audit row (and the bulk loader,
// which may not, adds workers or dispatches). Audit rows are never updated or deleted.
type poolVersion struct{ audit, workers, dispatches int64 }

// poolCaches holds each open store's cache, dropped when the store is collected.
var poolCaches sync.Map // weak.Pointer[Store] → *poolCache

func (s *Store) poolCache() *poolCache {
	key := weak.Make(s)
	if c, ok := poolCaches.Load(key); ok {
		return c.(*poolCache)
	}
	c, loaded := poolCaches.LoadOrStore(key, &poolCache{})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Store]) { poolCaches.Delete(k) }, key)
	}
	return c.(*poolCache)
}

// cachedPool returns a copy of the active workers' static pool, read again only when the
// database has changed since. Copies share the read-only Trades slices.
func (s *Store) cachedPool(ctx context.Context, tx *sql.Tx, mc MatchContext) ([]match.Worker, error) {
	var v poolVersion
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM audit), (SELECT coalesce(max(id), 0) FROM workers),
		(SELECT coalesce(max(id), 0) FROM dispatches)`).Scan(&v.audit, &v.workers, &v.dispatches); err != nil {
		return nil, err
	}
	c := s.poolCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.workers == nil || c.version != v {
		ws, err := loadStaticPool(ctx, tx, mc, PoolFilter{}, s.loc)
		if err != nil {
			return nil, err
		}
		for i := range ws {
			ws[i].Trades = slices.Clip(ws[i].Trades)
		}
		c.workers, c.version = ws, v
	}
	return slices.Clone(c.workers), nil
}

// loadStaticPool reads the workers f asks for with what only a write changes: trades,
// place, expectations, priority and their record of dispatches.
func loadStaticPool(ctx context.Context, tx *sql.Tx, mc MatchContext, f PoolFilter, loc *time.Location) ([]match.Worker, error) {
	where, args := `w.erased = 0 AND w.status = 'active'`, []any{}
	if f.AnyStatus {
		where = `w.erased = 0`
	}
	if f.WorkerID != 0 {
		where += ` AND w.id = ?`
		args = append(args, f.WorkerID)
	}
	rows, err := tx.QueryContext(ctx, `SELECT w.id, w.status, coalesce(w.community_id, 0), w.expected_pay_fen, w.expected_pay_unit, w.groups <> ''
		FROM workers w WHERE `+where+` ORDER BY w.id`, args...)
	if err != nil {
		return nil, err
	}
	var ws []match.Worker
	for rows.Next() {
		var w match.Worker
		var status string
		var unit string
		if err := rows.Scan(&w.ID, &status, &w.Community, &w.ExpectedPayFen, &unit, &w.Priority); err != nil {
			rows.Close()
			return nil, err
		}
		w.Active = status == string(Active)
		w.ExpectedPayUnit = match.PayUnit(unit)
		if w.Community != 0 {
			w.SubDistrict, w.District = mc.Catalog.Area(w.Community)
		}
		ws = append(ws, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Rows come in table order, not ID order: find each one's worker by binary search.
	index := positions(ws)
	find := func(id int64) *match.Worker {
		if i := index(id); i >= 0 {
			return &ws[i]
		}
		return nil
	}
	w1, a1 := oneWorker(f, "worker_id")

	// Trades.
	rows, err = tx.QueryContext(ctx, `SELECT worker_id, trade_id, years FROM worker_trades WHERE 1 = 1`+w1, a1...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var ty match.TradeYears
		if err := rows.Scan(&id, &ty.Trade, &ty.Years); err != nil {
			rows.Close()
			return nil, err
		}
		if w := find(id); w != nil {
			w.Trades = append(w.Trades, ty)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Record: only dispatches whose outcome is known count towards the rates; the rotation
	// counts when dispatches were made, so work already booked also waits its turn.
	// One pass over the dispatches in table order beats a GROUP BY that looks each row up by index.
	last := make([]int64, len(ws))
	rows, err = tx.QueryContext(ctx, `SELECT worker_id, status, coalesce(worker_rating, 0), created_at FROM dispatches WHERE status <> 'cancelled'`+w1, a1...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, created int64
		var status string
		var rating int
		if err := rows.Scan(&id, &status, &rating, &created); err != nil {
			rows.Close()
			return nil, err
		}
		k := index(id)
		if k < 0 {
			continue
		}
		w := &ws[k]
		switch status {
		case string(DoneStatus):
			w.Dispatches++
			w.Completed++
		case string(NoShow):
			w.Dispatches++
			w.NoShows++
		}
		if rating > 0 {
			w.RatingSum += rating
			w.RatingCount++
		}
		last[k] = max(last[k], created)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for k := range ws {
		if last[k] > 0 {
			ws[k].LastDispatch = time.Unix(last[k], 0).In(loc)
		}
	}
	return ws, nil
}

// oneWorker is the condition (and its argument) that limits a query to f's one worker.
func oneWorker(f PoolFilter, col string) (string, []any) {
	if f.WorkerID != 0 {
		return ` AND ` + col + ` = ?`, []any{f.WorkerID}
	}
	return ``, nil
}

// addDynamicPool adds to ws (the static pool) what depends on the clock and the job's
// window: present today, dispatches made in the last 7 days, bookings overlapping
// [f.From, f.To), and leaves out those already dispatched on f.ExcludeDay.
func addDynamicPool(ctx context.Context, tx *sql.Tx, mc MatchContext, f PoolFilter, loc *time.Location, ws []match.Worker) (*WorkerPool, error) {
	pool := &WorkerPool{Workers: ws}
	index := positions(ws)
	find := func(id int64) *match.Worker {
		if i := index(id); i >= 0 {
			return &ws[i]
		}
		return nil
	}
	each := func(query string, args []any, fn func(w *match.Worker, r *sql.Rows) error, dest ...any) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(append([]any{&id}, dest...)...); err != nil {
				return err
			}
			if w := find(id); w != nil {
				if err := fn(w, rows); err != nil {
					return err
				}
			}
		}
		return rows.Err()
	}
	w1, a1 := oneWorker(f, "worker_id")

	// Present today.
	today := mc.Now.In(loc).Format(time.DateOnly)
	if err := each(`SELECT worker_id FROM sign_ins WHERE day = ?`+w1, append([]any{today}, a1...),
		func(w *match.Worker, _ *sql.Rows) error { w.PresentToday = true; return nil }); err != nil {
		return nil, err
	}

	// Rotation: dispatches made in the last 7 days, counted here so SQLite reads the week's
	// range of the created_at index (a GROUP BY makes it walk every dispatch by worker).
	week := mc.Now.AddDate(0, 0, -7).Unix()
	if err := each(`SELECT worker_id FROM dispatches WHERE created_at >= ? AND status <> 'cancelled'`+w1,
		append([]any{week}, a1...), func(w *match.Worker, _ *sql.Rows) error { w.DispatchesLast7++; return nil }); err != nil {
		return nil, err
	}

	// Busy: bookings overlapping the window. starts_at is indexed; no job is longer than MaxDuration.
	if !f.From.IsZero() || !f.To.IsZero() {
		from, to := f.From, f.To
		if to.Before(from) {
			to = from
		}
		var st, en int64
		if err := each(`SELECT worker_id, starts_at, ends_at FROM dispatches
			WHERE starts_at >= ? AND starts_at < ? AND ends_at > ? AND status <> 'cancelled'`+w1+` ORDER BY starts_at`,
			append([]any{from.Add(-MaxDuration).Unix(), to.Unix(), from.Unix()}, a1...), func(w *match.Worker, _ *sql.Rows) error {
				w.Busy = append(w.Busy, match.Interval{Start: time.Unix(st, 0).In(loc), End: time.Unix(en, 0).In(loc)})
				return nil
			}, &st, &en); err != nil {
			return nil, err
		}
	}

	if f.ExcludeDay != "" {
		start, err := time.ParseInLocation(time.DateOnly, f.ExcludeDay, loc)
		if err != nil {
			return nil, err
		}
		drop := map[int64]bool{}
		if err := each(`SELECT DISTINCT worker_id FROM dispatches WHERE starts_at >= ? AND starts_at < ? AND status <> 'cancelled' ORDER BY worker_id`,
			[]any{start.Unix(), start.AddDate(0, 0, 1).Unix()}, func(w *match.Worker, _ *sql.Rows) error { drop[w.ID] = true; return nil }); err != nil {
			return nil, err
		}
		kept := ws[:0]
		for _, w := range ws {
			if !drop[w.ID] {
				kept = append(kept, w)
			}
		}
		pool.Workers = kept
	}
	return pool, nil
}

// positions finds a worker's place in ws (ordered by ID) from their ID, or -1. Worker IDs
// are dense, so a table indexed by ID beats a search for the hundreds of thousands of rows read.
func positions(ws []match.Worker) func(id int64) int {
	if len(ws) == 0 {
		return func(int64) int { return -1 }
	}
	top := ws[len(ws)-1].ID
	if top > int64(4*len(ws)+4096) {
		return func(id int64) int {
			i, ok := slices.BinarySearchFunc(ws, id, func(w match.Worker, id int64) int { return cmp.Compare(w.ID, id) })
			if !ok {
				return -1
			}
			return i
		}
	}
	pos := make([]int32, top+1)
	for i := range pos {
		pos[i] = -1
	}
	for i := range ws {
		pos[ws[i].ID] = int32(i)
	}
	return func(id int64) int {
		if id < 0 || id > top {
			return -1
		}
		return int(pos[id])
	}
}

// MatchJob turns a job into what matching needs: its time, place, pay, and who declined
// (last call declined, or cancelled a dispatch to it) or is already booked on it.
func (s *Store) MatchJob(ctx context.Context, mc MatchContext, j Job) (match.Job, error) {
	jobs, err := s.matchJobs(ctx, mc, []Job{j})
	if err != nil {
		return match.Job{}, err
	}
	return jobs[0], nil
}

// jobWorker is one (job, worker) row of matchJobs' declined and booked queries.
type jobWorker struct{ job, worker int64 }

func scanJobWorker(sc scanner) (jobWorker, error) {
	var p jobWorker
	err := sc.Scan(&p.job, &p.worker)
	return p, err
}

func (s *Store) matchJobs(ctx context.Context, mc MatchContext, js []Job) ([]match.Job, error) {
	out := make([]match.Job, len(js))
	byID := make(map[int64]int, len(js))
	ids := make([]any, len(js))
	for i, j := range js {
		mj := match.Job{
			ID: j.ID, Trade: j.TradeID, Start: j.StartsAt.In(s.loc), End: j.EndsAt().In(s.loc),
			Headcount: j.Headcount, Filled: j.Filled, Community: j.CommunityID,
			PayFen: j.PayFen, PayUnit: match.PayUnit(j.PayUnit), RequestedWorker: j.RequestedWorkerID,
		}
		if j.CommunityID != 0 {
			mj.SubDistrict, mj.District = mc.Catalog.Area(j.CommunityID)
		}
		out[i] = mj
		byID[j.ID] = i
		ids[i] = j.ID
	}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		in := placeholders(len(chunk))
		// The latest call decides: a worker who declined and later accepted is not "declined".
		declined, err := queryAll(ctx, s, scanJobWorker, `SELECT c.job_id, c.worker_id FROM call_attempts c
			WHERE c.job_id IN (`+in+`) AND c.outcome = 'declined' AND NOT EXISTS (
				SELECT 1 FROM call_attempts l WHERE l.job_id = c.job_id AND l.worker_id = c.worker_id AND l.outcome <> 'declined' AND l.id > c.id)
			UNION SELECT job_id, worker_id FROM dispatches WHERE job_id IN (`+in+`) AND status = 'cancelled'
			ORDER BY 1, 2`, append(append([]any{}, chunk...), chunk...)...)
		if err != nil {
			return nil, err
		}
		for _, p := range declined {
			mj := &out[byID[p.job]]
			mj.Declined = append(mj.Declined, p.worker)
		}
		booked, err := queryAll(ctx, s, scanJobWorker, `SELECT job_id, worker_id FROM dispatches WHERE job_id IN (`+in+`) AND status <> 'cancelled' ORDER BY job_id, worker_id`, chunk...)
		if err != nil {
			return nil, err
		}
		for _, p := range booked {
			mj := &out[byID[p.job]]
			mj.Booked = append(mj.Booked, p.worker)
		}
	}
	return out, nil
}

// Ranking is a job's ranked candidates and what the screen shows about each.
type Ranking struct {
	Job        Job
	MatchJob   match.Job
	Candidates []match.Candidate
	Workers    map[int64]Candidate // by worker ID, for the candidates listed
	Pool       int                 // how many active workers were considered
	Weights    match.Weights
	Now        time.Time
}

// Candidate is a ranked worker's details for the screen: enough to phone and to explain.
type Candidate struct {
	Worker
	Match    match.Worker
	IdleDays int
}

// RankForJob ranks the active workers for job id; limit ≤ 0 lists every eligible worker.
func (s *Store) RankForJob(ctx context.Context, id int64, limit int) (Ranking, error) {
	j, err := s.Job(ctx, id)
	if err != nil {
		return Ranking{}, err
	}
	mc, err := s.MatchContext(ctx)
	if err != nil {
		return Ranking{}, err
	}
	mj, err := s.MatchJob(ctx, mc, j)
	if err != nil {
		return Ranking{}, err
	}
	pool, err := s.LoadWorkerPool(ctx, mc, PoolFilter{From: mj.Start, To: mj.End})
	if err != nil {
		return Ranking{}, err
	}
	cands := match.Rank(mj, pool.Workers, mc.Relations, mc.Weights, mc.Now, limit)
	r := Ranking{Job: j, MatchJob: mj, Candidates: cands, Pool: len(pool.Workers), Weights: mc.Weights, Now: mc.Now}
	ids := make([]int64, len(cands))
	for i, c := range cands {
		ids[i] = c.WorkerID
	}
	details, err := s.workersByID(ctx, ids)
	if err != nil {
		return r, err
	}
	r.Workers = make(map[int64]Candidate, len(cands))
	for _, id := range ids {
		mw, _ := pool.Find(id)
		r.Workers[id] = Candidate{Worker: details[id], Match: *mw, IdleDays: match.IdleDays(mw.LastDispatch, mc.Now)}
	}
	return r, nil
}

// workersByID reads workers with their trades, in chunks that stay under SQLite's variable limit.
func (s *Store) workersByID(ctx context.Context, ids []int64) (map[int64]Worker, error) {
	out := make(map[int64]Worker, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+workerColumns+` FROM workers WHERE id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, dbError(err, s.path)
		}
		for rows.Next() {
			w, err := scanWorker(rows)
			if err != nil {
				rows.Close()
				return nil, dbError(err, s.path)
			}
			out[w.ID] = w
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, dbError(err, s.path)
		}
		trades, err := s.workerTrades(ctx, chunk)
		if err != nil {
			return nil, err
		}
		for id, t := range trades {
			w := out[id]
			w.Trades = t
			out[id] = w
		}
	}
	return out, nil
}

// JobRanking is the open jobs ranked for one walk-in worker ("有活吗?").
type JobRanking struct {
	Worker     Worker
	Match      match.Worker
	Candidates []match.JobCandidate
	Jobs       map[int64]Job
	Now        time.Time
}

// RankJobsForWorker ranks the open jobs that have not started yet (or started within the
// hour) for one worker. A paused or left worker gets the reason instead of a list.
func (s *Store) RankJobsForWorker(ctx context.Context, workerID int64, limit int) (JobRanking, error) {
	w, err := s.Worker(ctx, workerID)
	if err != nil {
		return JobRanking{}, err
	}
	if w.Status != Active {
		return JobRanking{Worker: w}, workerUnavailable(w.Status)
	}
	mc, err := s.MatchContext(ctx)
	if err != nil {
		return JobRanking{}, err
	}
	open, err := s.Jobs(ctx, JobFilter{From: mc.Now.Add(-time.Hour), Statuses: []JobStatus{JobOpen, JobPartly}})
	if err != nil {
		return JobRanking{}, err
	}
	mjs, err := s.matchJobs(ctx, mc, open)
	if err != nil {
		return JobRanking{}, err
	}
	from, to := mc.Now, mc.Now
	for _, j := range mjs {
		from, to = minTime(from, j.Start), maxTime(to, j.End)
	}
	pool, err := s.LoadWorkerPool(ctx, mc, PoolFilter{WorkerID: workerID, From: from, To: to})
	if err != nil {
		return JobRanking{}, err
	}
	r := JobRanking{Worker: w, Jobs: map[int64]Job{}, Now: mc.Now}
	if len(pool.Workers) == 0 {
		return r, nil
	}
	r.Match = pool.Workers[0]
	r.Candidates = match.RankJobs(r.Match, mjs, mc.Relations, mc.Weights, mc.Now, limit)
	for _, j := range open {
		r.Jobs[j.ID] = j
	}
	return r, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// DayPlan is a proposed dispatch for one date's open jobs (一键派工).
type DayPlan struct {
	Date     string
	Jobs     []PlanJob // the open jobs considered, by start then ID
	Proposal match.Proposal
	Pool     *WorkerPool
	Context  MatchContext
	MatchJob map[int64]match.Job
	Workers  map[int64]Worker // the proposed workers' details, for the screen
}

// PlanJob is one open job of the plan's date and how many it still needs.
type PlanJob struct {
	Job       Job
	Remaining int
}

// PlanDay proposes assignments for day's open jobs: the largest total of the same scores the
// Match screen shows, each worker at most one job that day (workers already dispatched that
// day are left out), none clashing with a booking, no job above its remaining head-count.
func (s *Store) PlanDay(ctx context.Context, day string) (DayPlan, error) {
	start, end, err := s.DayRange(day)
	if err != nil {
		return DayPlan{}, err
	}
	mc, err := s.MatchContext(ctx)
	if err != nil {
		return DayPlan{}, err
	}
	open, err := s.Jobs(ctx, JobFilter{From: start, To: end, Statuses: []JobStatus{JobOpen, JobPartly}})
	if err != nil {
		return DayPlan{}, err
	}
	p := DayPlan{Date: day, Context: mc, MatchJob: map[int64]match.Job{}}
	mjs, err := s.matchJobs(ctx, mc, open)
	if err != nil {
		return p, err
	}
	from, to := start, end
	for i, j := range open {
		if rem := j.Headcount - j.Filled; rem > 0 {
			p.Jobs = append(p.Jobs, PlanJob{Job: j, Remaining: rem})
			p.MatchJob[j.ID] = mjs[i]
			to = maxTime(to, mjs[i].End)
		}
	}
	sort.SliceStable(p.Jobs, func(a, b int) bool {
		ja, jb := p.Jobs[a].Job, p.Jobs[b].Job
		if !ja.StartsAt.Equal(jb.StartsAt) {
			return ja.StartsAt.Before(jb.StartsAt)
		}
		return ja.ID < jb.ID
	})
	p.Pool, err = s.LoadWorkerPool(ctx, mc, PoolFilter{From: from, To: to, ExcludeDay: day})
	if err != nil {
		return p, err
	}
	planned := make([]match.Job, 0, len(p.Jobs))
	for _, pj := range p.Jobs {
		planned = append(planned, p.MatchJob[pj.Job.ID])
	}
	p.Proposal = match.Plan(planned, p.Pool.Workers, mc.Relations, mc.Weights, mc.Now)
	ids := make([]int64, len(p.Proposal.Assignments))
	for i, a := range p.Proposal.Assignments {
		ids[i] = a.WorkerID
	}
	p.Workers, err = s.workersByID(ctx, ids)
	return p, err
}
