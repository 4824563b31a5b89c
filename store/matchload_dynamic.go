package store

import (
	"context"
	"database/sql"
	"time"

	"gigdesk/store/match"
)

// addDynamicPool adds to ws (the static pool) what depends on the clock and the job's
// window: present today, dispatches made in the last 7 days (unless rotated: the cache counted
// them), bookings overlapping [f.From, f.To), and leaves out those already dispatched on
// f.ExcludeDay. Days worked come with the static rows (or the cache's count of them).
func addDynamicPool(ctx context.Context, tx *sql.Tx, mc MatchContext, f PoolFilter, loc *time.Location, ws []match.Worker, rotated bool) (*WorkerPool, error) {
	p := newPoolRead(ctx, tx, ws, f)
	if err := p.addPresent(mc.Now.In(loc).Format(time.DateOnly)); err != nil {
		return nil, err
	}
	if !rotated {
		if err := p.addRotation(mc.Now.AddDate(0, 0, -7).Unix()); err != nil {
			return nil, err
		}
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		if err := p.addBusy(f.From, f.To, loc); err != nil {
			return nil, err
		}
	}
	pool := &WorkerPool{Workers: ws}
	if f.ExcludeDay != "" {
		kept, err := p.notDispatchedOn(f.ExcludeDay, loc)
		if err != nil {
			return nil, err
		}
		pool.Workers = kept
	}
	return pool, nil
}

// addPresent marks the workers signed in on today.
func (p *poolRead) addPresent(today string) error {
	return p.each(`SELECT worker_id FROM sign_ins WHERE day = ?`+p.only, p.withOnly(today),
		func(w *match.Worker, _ int) error { w.PresentToday = true; return nil })
}

// addRotation counts the dispatches made since week (the last 7 days), here so SQLite reads
// the week's range of the created_at index (a GROUP BY makes it walk every dispatch by worker).
func (p *poolRead) addRotation(week int64) error {
	return p.each(`SELECT worker_id FROM dispatches WHERE created_at >= ? AND status <> 'cancelled'`+p.only,
		p.withOnly(week), func(w *match.Worker, _ int) error { w.DispatchesLast7++; return nil })
}

// addBusy adds the bookings overlapping [from, to): those ending after from (the bookings still
// to come, by the covering index dispatches_end_cover) that start before to. The + keeps the
// planner off the starts_at indexes, which would read every booking that ever started before to.
func (p *poolRead) addBusy(from, to time.Time, loc *time.Location) error {
	if to.Before(from) {
		to = from
	}
	var st, en int64
	return p.each(`SELECT worker_id, starts_at, ends_at FROM dispatches
			WHERE ends_at > ? AND +starts_at < ? AND status <> 'cancelled'`+p.only+` ORDER BY +starts_at, id`,
		p.withOnly(from.Unix(), to.Unix()), func(w *match.Worker, _ int) error {
			w.Busy = append(w.Busy, match.Interval{Start: time.Unix(st, 0).In(loc), End: time.Unix(en, 0).In(loc)})
			return nil
		}, &st, &en)
}

// notDispatchedOn is the pool's workers without a dispatch starting on day, in the same array.
func (p *poolRead) notDispatchedOn(day string, loc *time.Location) ([]match.Worker, error) {
	start, err := time.ParseInLocation(time.DateOnly, day, loc)
	if err != nil {
		return nil, err
	}
	drop := map[int64]bool{}
	if err := p.each(`SELECT DISTINCT worker_id FROM dispatches WHERE starts_at >= ? AND starts_at < ? AND status <> 'cancelled' ORDER BY worker_id`,
		[]any{start.Unix(), start.AddDate(0, 0, 1).Unix()}, func(w *match.Worker, _ int) error { drop[w.ID] = true; return nil }); err != nil {
		return nil, err
	}
	kept := p.ws[:0]
	for _, w := range p.ws {
		if !drop[w.ID] {
			kept = append(kept, w)
		}
	}
	return kept, nil
}
