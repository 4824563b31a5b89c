package store

import (
	"context"
	"database/sql"
	"time"
)

// StillOpen is a dispatch whose work has ended but that nobody marked done, no-show or
// cancelled: figures that count only closed dispatches miss it until someone closes it.
type StillOpen struct {
	DispatchID int64
	JobID      int64
	TradeID    int64
	Worker     string
	Employer   string
	Status     DispatchStatus // dispatched or checked_in
	StartsAt   time.Time
	EndsAt     time.Time
}

// StillOpenDispatches lists up to limit dispatches whose work ended before the end of day to
// (or before now, when that is earlier) and that are still dispatched or checked in, however
// old, oldest first; total is how many there are in all.
func (s *Store) StillOpenDispatches(ctx context.Context, to string, limit int) (list []StillOpen, total int, err error) {
	_, b, err := s.DayRange(to)
	if err != nil {
		return nil, 0, err
	}
	cut := min(b.Unix(), s.Now().Unix())
	q := &readChain{s: s, ctx: ctx}
	// the partial index of open dispatches by their end (migration 0016), named: without
	// statistics SQLite would take the status index and look every open dispatch up
	q.row(`SELECT count(*) FROM dispatches INDEXED BY dispatches_still_open
		WHERE status IN ('dispatched', 'checked_in') AND ends_at <= ?`, []any{cut}, &total)
	q.rows(`SELECT d.id, d.job_id, j.trade_id, w.name, e.name, d.status, d.starts_at, d.ends_at
		FROM dispatches d INDEXED BY dispatches_still_open JOIN jobs j ON j.id = d.job_id JOIN workers w ON w.id = d.worker_id JOIN employers e ON e.id = j.employer_id
		WHERE d.status IN ('dispatched', 'checked_in') AND d.ends_at <= ?
		ORDER BY d.ends_at, d.id LIMIT ?`, []any{cut, limit}, func(r *sql.Rows) error {
		var o StillOpen
		var starts, ends int64
		if err := r.Scan(&o.DispatchID, &o.JobID, &o.TradeID, &o.Worker, &o.Employer, &o.Status, &starts, &ends); err != nil {
			return err
		}
		o.StartsAt, o.EndsAt = time.Unix(starts, 0).In(s.loc), time.Unix(ends, 0).In(s.loc)
		list = append(list, o)
		return nil
	})
	return list, total, dbError(q.err, s.path)
}
