package store

import (
	"cmp"
	"context"
	"database/sql"
	"runtime"
	"slices"
	"sync"
	"weak"

	"gigdesk/store/match"
)

// poolCache is one store's static pool and the state of the database it was read at. A write
// does not drop it: the next load reads the audit rows written since, and reads again only
// the workers they name (every write adds an audit row naming its record, in this process or
// another one); a write it cannot place to workers makes it read everything again.
type poolCache struct {
	mu      sync.Mutex
	mark    poolMark
	workers []match.Worker // ordered by ID
	reads   int            // how many times every worker was read (tests watch it)

	// recent is when each worker's dispatches (not cancelled) made since recentFrom were made,
	// so the rotation's last 7 days are counted here instead of read again on every load
	recent     map[int64][]int64
	recentFrom int64
	// worked is each cached worker's worked days as their row of worker_pool holds them, for
	// the rotation factor to be counted again as the window moves on
	worked     workedDays
	workedLast int32 // the window's last day when workers' DaysWorked30 were counted
}

// poolMark is how far the database had come: the last audit row, worker and dispatch. Audit
// rows are never updated or deleted; the bulk loader, which need not audit each record, adds
// workers or dispatches (and drops this store's cache itself).
type poolMark struct{ audit, workers, dispatches int64 }

// maxPatch is how many audit rows the cache places worker by worker; beyond it a full read is cheaper.
const maxPatch = 2000

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

// warm reports whether the cache holds a pool (perhaps one to bring up to date).
func (c *poolCache) warm() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.workers != nil
}

// drop forgets the pool: the next load reads every worker.
func (c *poolCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.workers = nil
}

// cachedPool returns a copy of the active workers' static pool (only those with one of trades,
// when given) with the dispatches each made since week and their days worked, and how many
// active workers there are, bringing the cache up to date with what was written since it was
// read. Copies share the read-only Trades slices.
func (s *Store) cachedPool(ctx context.Context, tx *sql.Tx, mc MatchContext, week int64, trades []int64) ([]match.Worker, int, error) {
	var m poolMark
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM audit), (SELECT coalesce(max(id), 0) FROM workers),
		(SELECT coalesce(max(id), 0) FROM dispatches)`).Scan(&m.audit, &m.workers, &m.dispatches); err != nil {
		return nil, 0, err
	}
	c := s.poolCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	var changed []int64
	all := c.workers == nil
	if !all && m != c.mark {
		var err error
		if changed, all, err = changedWorkers(ctx, tx, c.mark, m); err != nil {
			return nil, 0, err
		}
	}
	switch {
	case all:
		c.worked = workedDays{}
		ws, err := loadStaticPool(ctx, tx, mc, PoolFilter{}, s.loc, c.worked)
		if err != nil {
			c.worked = nil
			return nil, 0, err
		}
		c.workers = clipTrades(ws)
		c.reads++
		c.recent = nil
		_, _, c.workedLast = workedWindow(mc.Now, s.loc) // the rows were counted at mc.Now
	case len(changed) > 0:
		for _, id := range changed { // the fresh rows put back those still in the pool
			delete(c.worked, id)
		}
		fresh, err := loadStaticWorkers(ctx, tx, mc, s.loc, changed, c.worked)
		if err != nil {
			return nil, 0, err
		}
		c.workers = patchPool(c.workers, changed, clipTrades(fresh))
		if c.recent != nil {
			if err := c.readRecent(ctx, tx, c.recentFrom, changed); err != nil {
				return nil, 0, err
			}
		}
		c.countWorked(changed, c.workedLast)
	}
	c.mark = m
	// read the recent dispatches again when the week starts before them, or a day after them
	if c.recent == nil || week < c.recentFrom || week-c.recentFrom > 86400 {
		c.recent = map[int64][]int64{}
		if err := c.readRecent(ctx, tx, week, nil); err != nil {
			c.recent = nil
			return nil, 0, err
		}
		c.recentFrom = week
	}
	if _, _, last := workedWindow(mc.Now, s.loc); c.workedLast != last {
		c.countWorked(nil, last)
	}
	ws := copyFitting(c.workers, trades)
	at := positions(ws)
	for id, times := range c.recent {
		if k := at(id); k >= 0 {
			for _, t := range times {
				if t >= week {
					ws[k].DispatchesLast7++
				}
			}
		}
	}
	return ws, len(c.workers), nil
}

// countWorked sets the cached workers' DaysWorked30 (of ids only, when given) for the window
// ending on day last.
func (c *poolCache) countWorked(ids []int64, last int32) {
	first := last - match.WorkedWindowDays + 1
	if ids == nil {
		for i := range c.workers {
			c.workers[i].DaysWorked30 = c.worked.count(c.workers[i].ID, first, last)
		}
		c.workedLast = last
		return
	}
	at := positions(c.workers)
	for _, id := range ids {
		if k := at(id); k >= 0 {
			c.workers[k].DaysWorked30 = c.worked.count(id, first, last)
		}
	}
}

// copyFitting copies the workers with one of trades (all of them when trades is nil): a
// hundred thousand workers copied for every ranking cost more than the ranking.
func copyFitting(ws []match.Worker, trades []int64) []match.Worker {
	if trades == nil {
		return slices.Clone(ws)
	}
	out := make([]match.Worker, 0, len(ws)/4)
	for i := range ws {
		for _, t := range ws[i].Trades {
			if slices.Contains(trades, t.Trade) {
				out = append(out, ws[i])
				break
			}
		}
	}
	return out
}

// readRecent reads when the dispatches not cancelled made since from were made, of the workers
// ids (nil: of everyone); the rows of the created_at index, not the dispatches themselves.
func (c *poolCache) readRecent(ctx context.Context, tx *sql.Tx, from int64, ids []int64) error {
	q, args := `SELECT worker_id, created_at FROM dispatches WHERE created_at >= ? AND status <> 'cancelled'`, []any{from}
	if ids != nil {
		q += ` AND worker_id IN (` + placeholders(len(ids)) + `)`
		for _, id := range ids {
			args = append(args, id)
			delete(c.recent, id)
		}
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, at int64
		if err := rows.Scan(&id, &at); err != nil {
			return err
		}
		c.recent[id] = append(c.recent[id], at)
	}
	return rows.Err()
}

func clipTrades(ws []match.Worker) []match.Worker {
	for i := range ws {
		ws[i].Trades = slices.Clip(ws[i].Trades)
	}
	return ws
}

// poolNeutral are the audited records whose writes change nothing of the static pool: jobs and
// calls about them, employers, staff, the rights, training and visit records, settings and
// weights (read with every ranking). Writes to trades or places change how the pool reads
// places, so they are not here.
var poolNeutral = map[string]bool{"job": true, "employer": true, "staff": true, "settings": true, "match_weights": true,
	"rights_case": true, "training_offer": true, "training_referral": true, "training_wish": true, "service_visit": true,
	"guide_pay": true, "search_keys": true}

// changedWorkers names the workers written between marks from and to, from the audit rows
// between them; all is set when a write cannot be placed (a record it does not know, an import,
// more workers or dispatches than the rows account for, or too many rows to be worth it).
func changedWorkers(ctx context.Context, tx *sql.Tx, from, to poolMark) (ids []int64, all bool, err error) {
	if to.audit <= from.audit || to.audit-from.audit > maxPatch {
		return nil, true, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.action, a.entity, a.entity_id, coalesce(d.worker_id, 0)
		FROM audit a LEFT JOIN dispatches d ON a.entity = 'dispatch' AND d.id = a.entity_id
		WHERE a.id > ? AND a.id <= ? ORDER BY a.id`, from.audit, to.audit)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var newWorkers, newDispatches int64
	for rows.Next() {
		var action, entity string
		var id, dispatchWorker int64
		if err := rows.Scan(&action, &entity, &id, &dispatchWorker); err != nil {
			return nil, false, err
		}
		switch {
		case poolNeutral[entity]:
		case entity == "worker" && id != 0:
			ids = append(ids, id)
			if action == "create" {
				newWorkers++
			}
		case entity == "dispatch" && dispatchWorker != 0:
			ids = append(ids, dispatchWorker)
			if action == "dispatch" {
				newDispatches++
			}
		default:
			return nil, true, rows.Err()
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if to.workers-from.workers > newWorkers || to.dispatches-from.dispatches > newDispatches {
		return nil, true, nil // rows written without an audit row each (a bulk load elsewhere)
	}
	slices.Sort(ids)
	return slices.Compact(ids), false, nil
}

// patchPool is ws (ordered by ID) with the workers changed taken out and fresh (those of them
// still in the pool, ordered by ID) put in their place. When every changed worker is in ws and
// still in the pool (the usual write: a call, a sign-in, a rating) they are overwritten in place;
// copying a district's hundred thousand workers for each write cost more than the ranking.
func patchPool(ws []match.Worker, changed []int64, fresh []match.Worker) []match.Worker {
	if len(fresh) == len(changed) {
		at := make([]int, len(fresh))
		inPlace := true
		for i := range fresh {
			k, found := slices.BinarySearchFunc(ws, fresh[i].ID, func(w match.Worker, id int64) int { return cmp.Compare(w.ID, id) })
			if !found {
				inPlace = false
				break
			}
			at[i] = k
		}
		if inPlace {
			for i, k := range at {
				ws[k] = fresh[i]
			}
			return ws
		}
	}
	out := make([]match.Worker, 0, len(ws)+len(fresh))
	k := 0
	for _, w := range ws {
		for k < len(fresh) && fresh[k].ID < w.ID {
			out = append(out, fresh[k])
			k++
		}
		if _, gone := slices.BinarySearch(changed, w.ID); !gone {
			out = append(out, w)
		}
	}
	return append(out, fresh[k:]...)
}
