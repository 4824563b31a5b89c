package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Each worker as ranking reads them (table worker_pool, migration 0015): place, expectations,
// priority, trades, and their record of dispatches (how many ended done or no-show, the
// employers' ratings, when the last one was made). Every write audits the record it changed;
// when that record is a worker or a dispatch, Tx.audit rewrites that worker's row from the
// worker and their dispatches in the same transaction, so the row cannot drift however the
// write changed them, and no write path has to remember it. The pool then reads one narrow row
// per worker instead of the workers' wide rows, their trades and the whole history.

// WorkerPoolVersion is raised whenever worker_pool's rows are computed differently: Open
// rebuilds the table of a database whose setting worker_pool_version is older. Version 2 adds
// the worker's half-days (workers.availability) after the last dispatch's time; version 3 their
// worked days after them (matchload_worked.go), so facts holds thirteen fields, the trades last.
const WorkerPoolVersion = 3

// poolColumns are worker_pool's columns, in the order poolFacts computes them.
const poolColumns = `worker_id, status, erased, facts`

// recordFigures computes the record part of worker_pool's rows from the dispatches (add a
// WHERE, then GROUP BY worker_id). Only dispatches whose outcome is known count towards the
// rates; the last dispatch is when one was made, so work already booked also waits its turn.
const recordFigures = `SELECT worker_id,
	sum(CASE WHEN status IN ('done', 'no_show') THEN 1 ELSE 0 END) AS dispatches,
	sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS completed,
	sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END) AS no_shows,
	sum(CASE WHEN status <> 'cancelled' AND worker_rating > 0 THEN worker_rating ELSE 0 END) AS rating_sum,
	sum(CASE WHEN status <> 'cancelled' AND worker_rating > 0 THEN 1 ELSE 0 END) AS rating_count,
	coalesce(max(CASE WHEN status <> 'cancelled' THEN created_at END), 0) AS last_dispatch_at
	FROM dispatches`

// poolFacts computes worker_pool's rows from the workers (w) and their dispatches' figures
// (r, joined by the caller), the worked days and the trades given as the 1st argument (see the
// migration for the fields of facts; poolTail, Loader.writePool and parseFacts follow it).
// Standard SQL.
const poolFacts = `SELECT w.id, w.status, w.erased, coalesce(w.community_id, 0) || ' ' || w.expected_pay_fen || ' ' ||
	w.expected_pay_unit || ' ' || (CASE WHEN w.groups <> '' THEN 1 ELSE 0 END) || ' ' || coalesce(r.dispatches, 0) || ' ' ||
	coalesce(r.completed, 0) || ' ' || coalesce(r.no_shows, 0) || ' ' || coalesce(r.rating_sum, 0) || ' ' ||
	coalesce(r.rating_count, 0) || ' ' || coalesce(r.last_dispatch_at, 0) || ' ' || w.availability || ' ' || ?`

// poolChanged follows an audited write: a worker or a dispatch written changes one worker's row.
func (t *Tx) poolChanged(entity string, id int64) error {
	switch {
	case id == 0:
		return nil
	case entity == "worker":
		return t.refreshPoolRow(id)
	case entity == "dispatch":
		var worker int64
		if err := t.queryRow(`SELECT worker_id FROM dispatches WHERE id = ?`, id).Scan(&worker); err == sql.ErrNoRows {
			return nil
		} else if err != nil {
			return err
		}
		return t.refreshPoolRow(worker)
	}
	return nil
}

// poolTail is the end of a row's facts that Go computes: the worked days, then the trades.
func poolTail(worked, trades string) string { return worked + " " + trades }

// refreshPoolRow rewrites one worker's row from the worker, their trades and their dispatches
// (a few dozen rows by the worker_id indexes). The upsert runs on SQLite and PostgreSQL alike.
func (t *Tx) refreshPoolRow(workerID int64) error {
	trades, err := t.query(`SELECT worker_id, trade_id, years FROM worker_trades WHERE worker_id = ? ORDER BY trade_id`, workerID)
	if err != nil {
		return err
	}
	text, err := tradesText(trades)
	if err != nil {
		return err
	}
	from, _, _ := workedWindow(t.now, t.s.loc)
	starts, err := workedStarts(t.ctx, t.tx, from, workerID)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO worker_pool (`+poolColumns+`) `+poolFacts+`
		FROM workers w LEFT JOIN (`+recordFigures+` WHERE worker_id = ? GROUP BY worker_id) r ON r.worker_id = w.id
		WHERE w.id = ?
		ON CONFLICT (worker_id) DO UPDATE SET status = excluded.status, erased = excluded.erased, facts = excluded.facts`,
		poolTail(workedOf(starts[workerID], t.now, t.s.loc), text[workerID]), workerID, workerID)
	return err
}

// tradesText reads rows of (worker_id, trade_id, years), ordered by worker then trade, into
// each worker's trades column: "trade:years" comma-separated.
func tradesText(rows *sql.Rows) (map[int64]string, error) {
	defer rows.Close()
	out := map[int64]string{}
	var b []byte
	var last int64
	for rows.Next() {
		var id, trade, years int64
		if err := rows.Scan(&id, &trade, &years); err != nil {
			return nil, err
		}
		if id != last && len(b) > 0 {
			out[last], b = string(b), b[:0]
		}
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, trade, 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, years, 10)
		last = id
	}
	if len(b) > 0 {
		out[last] = string(b)
	}
	return out, rows.Err()
}

// computedPool is every worker's row of worker_pool computed from the records at now, by worker ID.
func computedPool(ctx context.Context, q querier, now time.Time, loc *time.Location) (map[int64]string, error) {
	trades, err := q.QueryContext(ctx, `SELECT worker_id, trade_id, years FROM worker_trades ORDER BY worker_id, trade_id`)
	if err != nil {
		return nil, err
	}
	text, err := tradesText(trades)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, strings.Replace(poolFacts, "?", "''", 1)+`
		FROM workers w LEFT JOIN (`+recordFigures+` WHERE 1 = 1 GROUP BY worker_id) r ON r.worker_id = w.id`)
	if err != nil {
		return nil, err
	}
	out, err := poolLines(rows)
	if err != nil {
		return nil, err
	}
	from, _, _ := workedWindow(now, loc)
	starts, err := workedStarts(ctx, q, from, 0)
	for id, line := range out {
		out[id] = line + poolTail(workedOf(starts[id], now, loc), text[id])
	}
	return out, err
}

// keptPool is worker_pool as it is, by worker ID.
func keptPool(ctx context.Context, q querier) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+poolColumns+` FROM worker_pool`)
	if err != nil {
		return nil, err
	}
	return poolLines(rows)
}

// poolLines reads rows of the pool's columns as one comparable line per worker, facts last.
func poolLines(rows *sql.Rows) (map[int64]string, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	vals := make([]sql.RawBytes, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	out := map[int64]string{}
	var sb strings.Builder
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		id, _ := strconv.ParseInt(string(vals[0]), 10, 64)
		sb.Reset()
		for i, v := range vals {
			if i > 0 {
				sb.WriteByte('|')
			}
			sb.Write(v)
		}
		out[id] = sb.String()
	}
	return out, rows.Err()
}

// rebuildWorkerPool computes every worker's row again from the records at now.
func rebuildWorkerPool(ctx context.Context, tx *sql.Tx, now time.Time, loc *time.Location) error {
	trades, err := tx.QueryContext(ctx, `SELECT worker_id, trade_id, years FROM worker_trades ORDER BY worker_id, trade_id`)
	if err != nil {
		return err
	}
	text, err := tradesText(trades)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM worker_pool`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO worker_pool (`+poolColumns+`) `+poolFacts+`
		FROM workers w LEFT JOIN (`+recordFigures+` WHERE 1 = 1 GROUP BY worker_id) r ON r.worker_id = w.id WHERE 1 = 1`, ""); err != nil {
		return err
	}
	st, err := tx.PrepareContext(ctx, `UPDATE worker_pool SET facts = facts || ? WHERE worker_id = ?`)
	if err != nil {
		return err
	}
	defer st.Close()
	from, _, _ := workedWindow(now, loc)
	starts, err := workedStarts(ctx, tx, from, 0)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT worker_id FROM worker_pool ORDER BY worker_id`)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := st.ExecContext(ctx, poolTail(workedOf(starts[id], now, loc), text[id]), id); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('worker_pool_version', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, fmt.Sprint(WorkerPoolVersion))
	return err
}

// workerPoolCurrent reports whether worker_pool was built by this version's rules.
func (s *Store) workerPoolCurrent(ctx context.Context) (bool, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'worker_pool_version'`).Scan(&v)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return v == fmt.Sprint(WorkerPoolVersion), dbError(err, s.path)
}

// RebuildWorkerPool computes every worker's row of the pool again from the records, in one
// write (audited when there were workers to do it for). Open runs it on a database whose rows
// an older version made; gigdesk check when CheckWorkerPool finds a difference.
func (s *Store) RebuildWorkerPool(ctx context.Context, staff int64) error {
	err := s.write(ctx, staff, func(tx *Tx) error {
		restore, err := tx.bigPageCache()
		if err != nil {
			return err
		}
		defer restore()
		if err := rebuildWorkerPool(tx.ctx, tx.tx, tx.now, s.loc); err != nil {
			return err
		}
		var workers bool
		if err := tx.queryRow(`SELECT EXISTS (SELECT 1 FROM workers)`).Scan(&workers); err != nil || !workers {
			return err // a new database: nothing was rebuilt worth a line in the log
		}
		return tx.audit("rebuild", "worker_pool", 0, refs("version", WorkerPoolVersion))
	})
	s.poolCache().drop()
	return err
}

// CheckWorkerPool compares worker_pool with the rows computed from the workers and their
// dispatches and returns the workers whose rows differ, are missing or are left over (at most
// 20 of them) and how many there are in all.
func (s *Store) CheckWorkerPool(ctx context.Context) (workers []int64, n int, err error) {
	now := s.now()
	want, err := computedPool(ctx, s.db, now, s.loc)
	if err != nil {
		return nil, 0, dbError(err, s.path)
	}
	have, err := keptPool(ctx, s.db)
	if err != nil {
		return nil, 0, dbError(err, s.path)
	}
	_, first, _ := workedWindow(now, s.loc)
	for id, line := range have { // a row written days ago still names days the window has left
		have[id] = trimWorked(line, first)
	}
	var bad []int64
	for id, line := range want {
		if have[id] != line {
			bad = append(bad, id)
		}
	}
	for id := range have {
		if _, ok := want[id]; !ok {
			bad = append(bad, id)
		}
	}
	slices.Sort(bad)
	return bad[:min(len(bad), 20)], len(bad), nil
}
