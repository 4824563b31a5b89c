package store

import (
	"context"
	"database/sql"
	"runtime"
	"slices"
	"sync"
	"weak"

	"gigdesk/store/match"
)

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
