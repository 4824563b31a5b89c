package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"time"

	"gigdesk/store/match"
)

// loadStaticPool reads the workers f asks for with what only a write changes: trades,
// place, expectations, priority and their record of dispatches (one row of worker_records).
func loadStaticPool(ctx context.Context, tx *sql.Tx, mc MatchContext, f PoolFilter, loc *time.Location) ([]match.Worker, error) {
	where, args := `w.erased = 0 AND w.status = 'active'`, []any{}
	if f.AnyStatus {
		where = `w.erased = 0`
	}
	only, onlyArgs := oneWorker(f, "worker_id")
	if f.WorkerID != 0 {
		where += ` AND w.id = ?`
		args = append(args, f.WorkerID)
	}
	return readStaticPool(ctx, tx, mc, loc, poolScope{where, args, only, onlyArgs})
}

// loadStaticWorkers reads the active workers among ids (at most a few thousand), as loadStaticPool does.
func loadStaticWorkers(ctx context.Context, tx *sql.Tx, mc MatchContext, loc *time.Location, ids []int64) ([]match.Worker, error) {
	in := placeholders(len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return readStaticPool(ctx, tx, mc, loc, poolScope{`w.erased = 0 AND w.status = 'active' AND w.id IN (` + in + `)`, args,
		` AND worker_id IN (` + in + `)`, args})
}

// poolScope is which workers a pool read covers: a condition on workers w, and the same on
// another table's worker_id column.
type poolScope struct {
	where    string
	args     []any
	only     string
	onlyArgs []any
}

func readStaticPool(ctx context.Context, tx *sql.Tx, mc MatchContext, loc *time.Location, scope poolScope) ([]match.Worker, error) {
	ws, err := readPoolWorkers(ctx, tx, mc, loc, scope)
	if err != nil {
		return nil, err
	}
	p := &poolRead{ctx: ctx, tx: tx, ws: ws, index: positions(ws), only: scope.only, onlyArgs: scope.onlyArgs}
	if err := p.addTrades(); err != nil {
		return nil, err
	}
	return ws, nil
}

// readPoolWorkers reads the workers of scope, by ID, with their place, expectations, priority and record.
func readPoolWorkers(ctx context.Context, tx *sql.Tx, mc MatchContext, loc *time.Location, scope poolScope) ([]match.Worker, error) {
	return queryRows(ctx, tx, func(sc scanner) (match.Worker, error) {
		var w match.Worker
		var status, unit string
		var last int64
		if err := sc.Scan(&w.ID, &status, &w.Community, &w.ExpectedPayFen, &unit, &w.Priority,
			&w.Dispatches, &w.Completed, &w.NoShows, &w.RatingSum, &w.RatingCount, &last); err != nil {
			return w, err
		}
		w.Active = status == string(Active)
		w.ExpectedPayUnit = match.PayUnit(unit)
		if w.Community != 0 {
			w.SubDistrict, w.District = mc.Catalog.Area(w.Community)
		}
		if last > 0 {
			w.LastDispatch = time.Unix(last, 0).In(loc)
		}
		return w, nil
	}, `SELECT w.id, w.status, coalesce(w.community_id, 0), w.expected_pay_fen, w.expected_pay_unit, w.groups <> '',
			coalesce(r.dispatches, 0), coalesce(r.completed, 0), coalesce(r.no_shows, 0), coalesce(r.rating_sum, 0),
			coalesce(r.rating_count, 0), coalesce(r.last_dispatch_at, 0)
		FROM workers w LEFT JOIN worker_records r ON r.worker_id = w.id WHERE `+scope.where+` ORDER BY w.id`, scope.args...)
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

// addTrades reads each worker's trades and years.
func (p *poolRead) addTrades() error {
	var ty match.TradeYears
	return p.each(`SELECT worker_id, trade_id, years FROM worker_trades WHERE 1 = 1`+p.only, p.withOnly(),
		func(w *match.Worker, _ int) error {
			w.Trades = append(w.Trades, ty)
			return nil
		}, &ty.Trade, &ty.Years)
}

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
