package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"gigdesk/store/match"
)

// loadStaticPool reads the workers f asks for with what only a write changes: trades,
// place, expectations, priority and their record of dispatches, one row of worker_pool each.
// When keep is not nil, each worker's worked days are put in it too (the cache recounts them
// as the window moves).
func loadStaticPool(ctx context.Context, tx *sql.Tx, mc MatchContext, f PoolFilter, loc *time.Location, keep workedDays) ([]match.Worker, error) {
	where, args := `erased = 0 AND status = 'active'`, []any{}
	if f.AnyStatus {
		where = `erased = 0`
	}
	hint := 1
	if f.WorkerID != 0 {
		where += ` AND worker_id = ?`
		args = append(args, f.WorkerID)
	} else if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM worker_pool WHERE `+where).Scan(&hint); err != nil {
		return nil, err
	}
	return readStaticPool(ctx, tx, mc, loc, hint, where, args, keep)
}

// loadStaticWorkers reads the active workers among ids (at most a few thousand), as loadStaticPool does.
func loadStaticWorkers(ctx context.Context, tx *sql.Tx, mc MatchContext, loc *time.Location, ids []int64, keep workedDays) ([]match.Worker, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return readStaticPool(ctx, tx, mc, loc, len(ids), `erased = 0 AND status = 'active' AND worker_id IN (`+placeholders(len(ids))+`)`, args, keep)
}

// loadTradePool reads the active workers with one of trades, and counts every active worker.
func loadTradePool(ctx context.Context, tx *sql.Tx, mc MatchContext, loc *time.Location, trades []int64) ([]match.Worker, int, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM worker_pool WHERE status = 'active' AND erased = 0`).Scan(&n); err != nil {
		return nil, 0, err
	}
	args := make([]any, len(trades))
	for i, t := range trades {
		args[i] = t
	}
	ws, err := readStaticPool(ctx, tx, mc, loc, n, `erased = 0 AND status = 'active'
		AND worker_id IN (SELECT worker_id FROM worker_trades WHERE trade_id IN (`+placeholders(len(trades))+`))`, args, nil)
	return ws, n, err
}

// readStaticPool reads the rows of worker_pool where says, by worker ID; about hint of them
// (a hundred thousand workers grown by appending are copied over and over).
func readStaticPool(ctx context.Context, tx *sql.Tx, mc MatchContext, loc *time.Location, hint int, where string, args []any, keep workedDays) ([]match.Worker, error) {
	rows, err := tx.QueryContext(ctx, `SELECT worker_id, status, facts FROM worker_pool WHERE `+where+` ORDER BY worker_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]match.Worker, 0, hint)
	var status, facts sql.RawBytes
	_, first, last := workedWindow(mc.Now, loc)
	for rows.Next() {
		var w match.Worker
		if err := rows.Scan(&w.ID, &status, &facts); err != nil {
			return nil, err
		}
		w.Active = string(status) == string(Active)
		worked, err := parseFacts(facts, &w, loc, first, last)
		if err != nil {
			return nil, fmt.Errorf("worker_pool row %d: %w", w.ID, err)
		}
		if keep != nil {
			keep[w.ID] = parseWorkedDays(worked)
		}
		if w.Community != 0 {
			w.SubDistrict, w.District = mc.Catalog.Area(w.Community)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// parseFacts reads worker_pool's facts into w: thirteen fields, each but the last followed by a
// space (see migration 0015 and WorkerPoolVersion): the worked days, counted over the days
// first..last, are the twelfth (returned as they stand), the trades "trade:years"
// comma-separated the last.
func parseFacts(b []byte, w *match.Worker, loc *time.Location, first, last int32) (worked []byte, err error) {
	var n [11]int64
	unit := []byte(nil)
	for i := range n {
		sp := bytes.IndexByte(b, ' ')
		if sp < 0 {
			return nil, fmt.Errorf("facts end after %d fields", i)
		}
		field := b[:sp]
		b = b[sp+1:]
		if i == 2 {
			unit = field
			continue
		}
		for _, c := range field {
			n[i] = n[i]*10 + int64(c-'0')
		}
	}
	w.Community, w.ExpectedPayFen, w.ExpectedPayUnit, w.Priority = n[0], n[1], payUnit(unit), n[3] != 0
	w.Dispatches, w.Completed, w.NoShows, w.RatingSum, w.RatingCount = int(n[4]), int(n[5]), int(n[6]), int(n[7]), int(n[8])
	if n[9] > 0 {
		w.LastDispatch = time.Unix(n[9], 0).In(loc)
	}
	w.Availability = int(n[10])
	sp := bytes.IndexByte(b, ' ')
	if sp < 0 {
		return nil, fmt.Errorf("facts end before the worked days")
	}
	w.DaysWorked30 = countWorked(b[:sp], first, last)
	w.Trades = parseTrades(b[sp+1:])
	return b[:sp], nil
}

// payUnit is unit as matching knows it, without a new string for each of a hundred thousand rows.
func payUnit(unit []byte) match.PayUnit {
	for _, u := range []match.PayUnit{match.PerHour, match.PerDay, match.PerPiece, match.Fixed} {
		if string(u) == string(unit) {
			return u
		}
	}
	return match.PayUnit(unit)
}

// parseTrades reads the trades of worker_pool's facts ("trade:years" comma-separated); nil when empty.
func parseTrades(b []byte) []match.TradeYears {
	if len(b) == 0 {
		return nil
	}
	out := make([]match.TradeYears, 0, 1+bytes.Count(b, []byte{','}))
	var t match.TradeYears
	n := int64(0)
	for i := 0; i <= len(b); i++ {
		switch {
		case i == len(b) || b[i] == ',':
			t.Years = int(n)
			out = append(out, t)
			n = 0
		case b[i] == ':':
			t.Trade, n = n, 0
		default:
			n = n*10 + int64(b[i]-'0')
		}
	}
	return out
}

// poolRead adds to the workers of a pool, inside one transaction, what other tables say of them.
type poolRead struct {
	ctx   context.Context
	tx    *sql.Tx
	ws    []match.Worker     // ordered by ID; rows found for them change them in place
	index func(id int64) int // a worker's place in ws, or -1
	// only limits a query to the filter's one worker (" AND worker_id = ?" and its argument), if any
	only     string
	onlyArgs []any
}

func newPoolRead(ctx context.Context, tx *sql.Tx, ws []match.Worker, f PoolFilter) *poolRead {
	only, onlyArgs := oneWorker(f, "worker_id")
	return &poolRead{ctx: ctx, tx: tx, ws: ws, index: positions(ws), only: only, onlyArgs: onlyArgs}
}

// each runs query, whose rows are a worker_id then dest, and calls fn with the place in ws of
// each row's worker; rows of workers not in ws are skipped.
func (p *poolRead) each(query string, args []any, fn func(w *match.Worker, k int) error, dest ...any) error {
	rows, err := p.tx.QueryContext(p.ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var id int64
	row := append([]any{&id}, dest...)
	for rows.Next() {
		if err := rows.Scan(row...); err != nil {
			return err
		}
		if k := p.index(id); k >= 0 {
			if err := fn(&p.ws[k], k); err != nil {
				return err
			}
		}
	}
	return rows.Err()
}

// withOnly appends the arguments of the one-worker condition to args.
func (p *poolRead) withOnly(args ...any) []any { return append(args, p.onlyArgs...) }

// oneWorker is the condition (and its argument) that limits a query to f's one worker.
func oneWorker(f PoolFilter, col string) (string, []any) {
	if f.WorkerID != 0 {
		return ` AND ` + col + ` = ?`, []any{f.WorkerID}
	}
	return ``, nil
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
