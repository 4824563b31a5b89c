package store

import (
	"context"
	"database/sql"
	"time"
)

// WorkerDispatch is one line of a worker's dispatch history.
type WorkerDispatch struct {
	ID             int64
	JobID          int64
	TradeID        int64
	EmployerName   string
	Status         string // dispatched, checked_in, done, no_show, cancelled
	StartsAt       time.Time
	AgreedPayFen   int64
	PayUnit        PayUnit
	PaidFen        int64 // 0 when not paid
	Paid           bool
	WorkerRating   int // the employer's rating of the worker, 0 = none
	EmployerRating int // the worker's rating of the employer, 0 = none
	Disputed       bool
}

// WorkerHistory is the history a worker's page shows: totals over all time and the latest rows.
type WorkerHistory struct {
	SignInDays  int
	LastSignIns []Presence // newest first
	Dispatches  int        // not counting cancelled ones
	Done        int
	NoShows     int
	Disputes    int
	EarnedFen   int64 // sum of amounts paid
	RatingSum   int   // ratings of the worker, for the average
	RatingCount int
	Recent      []WorkerDispatch // newest first
	Visits      []Visit          // newest first
}

// RatingTenths is the average rating times ten (43 = 4.3), 0 without ratings; integer so
// screens round the same way everywhere.
func (h WorkerHistory) RatingTenths() int {
	if h.RatingCount == 0 {
		return 0
	}
	return (h.RatingSum*10*2 + h.RatingCount) / (h.RatingCount * 2)
}

// WorkerHistory reads a worker's sign-ins, dispatches, earnings, ratings, no-shows and
// service visits; recent rows are capped at limit each (≤ 0: 10).
func (s *Store) WorkerHistory(ctx context.Context, workerID int64, limit int) (WorkerHistory, error) {
	var h WorkerHistory
	if limit <= 0 {
		limit = 10
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sign_ins WHERE worker_id = ?`, workerID).Scan(&h.SignInDays); err != nil {
		return h, dbError(err, s.path)
	}
	signIns, err := s.presences(ctx, `si.worker_id = ? ORDER BY si.day DESC LIMIT ?`, workerID, limit)
	if err != nil {
		return h, err
	}
	h.LastSignIns = signIns
	var earned, ratingSum sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT
			coalesce(sum(CASE WHEN status <> 'cancelled' THEN 1 ELSE 0 END), 0),
			coalesce(sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END), 0),
			coalesce(sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END), 0),
			coalesce(sum(disputed), 0),
			sum(paid_fen), sum(worker_rating), count(worker_rating)
		FROM dispatches WHERE worker_id = ?`, workerID).
		Scan(&h.Dispatches, &h.Done, &h.NoShows, &h.Disputes, &earned, &ratingSum, &h.RatingCount)
	if err != nil {
		return h, dbError(err, s.path)
	}
	h.EarnedFen, h.RatingSum = earned.Int64, int(ratingSum.Int64)
	h.Recent, err = queryAll(ctx, s, scanWorkerDispatch, `SELECT d.id, d.job_id, j.trade_id, e.name, d.status, d.starts_at, d.agreed_pay_fen, j.pay_unit,
			d.paid_fen, coalesce(d.worker_rating, 0), coalesce(d.employer_rating, 0), d.disputed
		FROM dispatches d JOIN jobs j ON j.id = d.job_id JOIN employers e ON e.id = j.employer_id
		WHERE d.worker_id = ? ORDER BY d.starts_at DESC, d.id DESC LIMIT ?`, workerID, limit)
	if err != nil {
		return h, err
	}
	h.Visits, err = s.Visits(ctx, workerID, limit)
	return h, err
}

func scanWorkerDispatch(sc scanner) (WorkerDispatch, error) {
	var d WorkerDispatch
	var start int64
	var paid sql.NullInt64
	if err := sc.Scan(&d.ID, &d.JobID, &d.TradeID, &d.EmployerName, &d.Status, &start, &d.AgreedPayFen, &d.PayUnit,
		&paid, &d.WorkerRating, &d.EmployerRating, &d.Disputed); err != nil {
		return d, err
	}
	d.StartsAt, d.PaidFen, d.Paid = time.Unix(start, 0), paid.Int64, paid.Valid
	return d, nil
}
