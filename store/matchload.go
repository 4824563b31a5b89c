package store

import (
	"context"
	"database/sql"
	"time"

	"gigdesk/store/match"
)

// Loading what matching needs: every active worker with their trades, place, expectation,
// sign-in, record and bookings, in a handful of set-based queries (never one per worker).

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
	Workers    []match.Worker // ordered by ID
	Considered int            // the active workers the pool stands for, with those a Trades filter left out
	index      map[int64]int
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
	// Trades, when set, lets a load leave out the workers with none of these trades (they cannot
	// be eligible): a process that ranks one job reads them alone instead of every worker.
	Trades []int64
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
	considered, rotated := -1, false
	switch {
	case f.WorkerID != 0 || f.AnyStatus:
		ws, err = loadStaticPool(ctx, tx, mc, f, s.loc, nil)
	case len(f.Trades) > 0 && !s.poolCache().warm():
		ws, considered, err = loadTradePool(ctx, tx, mc, s.loc, f.Trades)
	default:
		ws, considered, err = s.cachedPool(ctx, tx, mc, mc.Now.AddDate(0, 0, -7).Unix(), f.Trades)
		rotated = true
	}
	if err != nil {
		return nil, dbError(err, s.path)
	}
	if considered < 0 {
		considered = len(ws)
	}
	pool, err := addDynamicPool(ctx, tx, mc, f, s.loc, ws, rotated)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	pool.Considered = considered
	return pool, nil
}

// WarmPool reads every active worker into the store's pool cache, so the first ranking that
// follows (the Match screen's first open) finds it there; the screens call it at start-up.
func (s *Store) WarmPool(ctx context.Context) error {
	mc, err := s.MatchContext(ctx)
	if err != nil {
		return err
	}
	_, err = s.LoadWorkerPool(ctx, mc, PoolFilter{})
	return err
}
