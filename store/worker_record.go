package store

import (
	"context"
	"database/sql"
	"fmt"
)

// A worker's record of dispatches as ranking reads it (table worker_records, migration 0015):
// how many dispatches ended done or no-show, the employers' ratings and when the last one was
// made. Every write that changes a dispatch rewrites its worker's row in the same transaction,
// from that worker's dispatches, so the row cannot drift however the dispatch changed; the
// pool then reads one row per worker instead of the station's whole history.

// workerRecordColumns are worker_records' columns, in the order workerRecordFigures computes them.
const workerRecordColumns = `worker_id, dispatches, completed, no_shows, rating_sum, rating_count, last_dispatch_at`

// workerRecordFigures computes worker_records' rows from the dispatches (add a WHERE, then
// GROUP BY worker_id). Only dispatches whose outcome is known count towards the rates; the
// last dispatch is when one was made, so work already booked also waits its turn.
const workerRecordFigures = `SELECT worker_id,
	sum(CASE WHEN status IN ('done', 'no_show') THEN 1 ELSE 0 END),
	sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
	sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END),
	sum(CASE WHEN status <> 'cancelled' AND worker_rating > 0 THEN worker_rating ELSE 0 END),
	sum(CASE WHEN status <> 'cancelled' AND worker_rating > 0 THEN 1 ELSE 0 END),
	coalesce(max(CASE WHEN status <> 'cancelled' THEN created_at END), 0)
	FROM dispatches`

// refreshWorkerRecord rewrites one worker's row from their dispatches (a few dozen rows by the
// worker_id index). Standard SQL: the upsert runs on SQLite and PostgreSQL alike.
func (t *Tx) refreshWorkerRecord(workerID int64) error {
	_, err := t.exec(`INSERT INTO worker_records (`+workerRecordColumns+`) `+workerRecordFigures+`
		WHERE worker_id = ? GROUP BY worker_id
		ON CONFLICT (worker_id) DO UPDATE SET dispatches = excluded.dispatches, completed = excluded.completed,
			no_shows = excluded.no_shows, rating_sum = excluded.rating_sum, rating_count = excluded.rating_count,
			last_dispatch_at = excluded.last_dispatch_at`, workerID)
	return err
}

// rebuildWorkerRecords computes every worker's row again from the dispatches.
func rebuildWorkerRecords(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM worker_records`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO worker_records (`+workerRecordColumns+`) `+workerRecordFigures+` WHERE 1 = 1 GROUP BY worker_id`)
	return err
}

// RebuildWorkerRecords computes every worker's record again from the dispatches, in one audited
// write (gigdesk check does it when CheckWorkerRecords finds a difference).
func (s *Store) RebuildWorkerRecords(ctx context.Context, staff int64) error {
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := rebuildWorkerRecords(tx.ctx, tx.tx); err != nil {
			return err
		}
		return tx.audit("rebuild", "worker_records", 0, "")
	})
	s.poolCache().drop()
	return err
}

// CheckWorkerRecords compares worker_records with the records computed from the dispatches and
// returns the workers whose rows differ or are missing or left over (at most 20 of them) and
// how many there are in all.
func (s *Store) CheckWorkerRecords(ctx context.Context) (workers []int64, n int, err error) {
	workers, n, err = checkWorkerRecords(ctx, s.db)
	return workers, n, dbError(err, s.path)
}

func checkWorkerRecords(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (workers []int64, n int, err error) {
	rows, err := db.QueryContext(ctx, `SELECT DISTINCT worker_id FROM (
		SELECT * FROM (`+workerRecordFigures+` WHERE 1 = 1 GROUP BY worker_id) computed
			EXCEPT SELECT `+workerRecordColumns+` FROM worker_records
		UNION
		SELECT * FROM (SELECT `+workerRecordColumns+` FROM worker_records
			EXCEPT `+workerRecordFigures+` WHERE 1 = 1 GROUP BY worker_id) kept
	) differ ORDER BY worker_id`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, 0, err
		}
		if n++; len(workers) < 20 {
			workers = append(workers, id)
		}
	}
	return workers, n, rows.Err()
}

// recordDrift words CheckWorkerRecords' answer for a check report.
func recordDrift(workers []int64, n int) string {
	return fmt.Sprintf("worker records differ from the dispatches for %d worker(s), first: %v", n, workers)
}
