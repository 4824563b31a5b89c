package store

import (
	"context"
)

// Worker reads one worker with their trades.
func (s *Store) Worker(ctx context.Context, id int64) (Worker, error) {
	w, err := scanWorker(s.db.QueryRowContext(ctx, `SELECT `+workerColumns+` FROM workers WHERE id = ?`, id))
	if err != nil {
		return w, dbError(notFound(err, "worker"), s.path)
	}
	trades, err := s.workerTrades(ctx, []int64{id})
	if err != nil {
		return w, err
	}
	w.Trades = trades[id]
	return w, nil
}

// withTrades fills in the trades of each record in out; of names a record's worker and its Trades field.
func withTrades[T any](ctx context.Context, s *Store, out []T, of func(*T) (int64, *[]WorkerTrade)) ([]T, error) {
	ids := make([]int64, len(out))
	for i := range out {
		ids[i], _ = of(&out[i])
	}
	trades, err := s.workerTrades(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		id, field := of(&out[i])
		*field = trades[id]
	}
	return out, nil
}

func (s *Store) workerTrades(ctx context.Context, ids []int64) (map[int64][]WorkerTrade, error) {
	out := map[int64][]WorkerTrade{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT worker_id, trade_id, years FROM worker_trades WHERE worker_id IN (`+placeholders(len(ids))+`) ORDER BY worker_id, trade_id`, args...)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t WorkerTrade
		if err := rows.Scan(&id, &t.TradeID, &t.Years); err != nil {
			return nil, dbError(err, s.path)
		}
		out[id] = append(out[id], t)
	}
	return out, dbError(rows.Err(), s.path)
}

// RevealWorker returns a worker's unmasked phone and ID number and records in the audit log
// that this staff member saw them.
func (s *Store) RevealWorker(ctx context.Context, staff, id int64, field string) (string, error) {
	if field != "phone" && field != "id_number" && field != "name" {
		return "", Errorf(Invalid, "reveal.field", "cannot reveal %q", field)
	}
	var value string
	err := s.write(ctx, staff, func(tx *Tx) error {
		var phone, idno, name string
		err := tx.queryRow(`SELECT coalesce(phone, ''), coalesce(id_number, ''), name FROM workers WHERE id = ?`, id).Scan(&phone, &idno, &name)
		if err != nil {
			return notFound(err, "worker")
		}
		switch field {
		case "phone":
			value = phone
		case "id_number":
			value = idno
		default: // the dispatcher calling a worker sees whom they call
			value = name
		}
		return tx.audit("reveal:"+field, "worker", id, "")
	})
	return value, err
}

// workerWhere reads the workers matching a WHERE clause (without their trades).
func (s *Store) workerWhere(ctx context.Context, where string, args ...any) ([]Worker, error) {
	return queryAll(ctx, s, scanWorker, `SELECT `+workerColumns+` FROM workers WHERE `+where, args...)
}
