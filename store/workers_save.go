package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"gigdesk/store/valid"
)

// CreateWorker registers a worker. The same phone or ID number is refused as a Conflict
// whose Ref is the worker already registered.
func (s *Store) CreateWorker(ctx context.Context, staff int64, w Worker) (Worker, error) {
	if err := w.Validate(s.now()); err != nil {
		return w, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error { return tx.createWorker(&w) })
	return w, err
}

// createWorker inserts a validated worker with their trades and search keys, audited; a fair's
// newcomer is made by it in the sign-in's own transaction.
func (tx *Tx) createWorker(w *Worker) error {
	if err := tx.checkWorkerUnique(w); err != nil {
		return err
	}
	w.CreatedAt, w.UpdatedAt = tx.now, tx.now
	id, err := tx.insert(`INSERT INTO workers (name, gender, birth_year, phone, phone_tail, id_number, community_id,
			expected_pay_fen, expected_pay_unit, availability, groups, insured, channel, consent, status, status_reason, notes,
			created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		w.Name, w.Gender, w.BirthYear, nullStr(w.Phone), phoneTail(w.Phone), nullStr(w.IDNumber), nullID(w.CommunityID),
		w.ExpectedPayFen, string(w.ExpectedPayUnit), w.Availability, strings.Join(w.Groups, ","), w.Insured, string(w.Channel),
		w.Consent, string(w.Status), w.StatusReason, w.Notes, nullID(tx.staff), tx.now.Unix(), tx.now.Unix())
	if err != nil {
		return err
	}
	w.ID = id
	if err := tx.setWorkerTrades(id, w.Trades); err != nil {
		return err
	}
	if err := tx.setWorkerKeys(id, w.Name); err != nil {
		return err
	}
	return tx.audit("create", "worker", id, "")
}

// UpdateWorker saves every field of an existing worker.
func (s *Store) UpdateWorker(ctx context.Context, staff int64, w Worker) (Worker, error) {
	if err := w.Validate(s.now()); err != nil {
		return w, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.checkWorkerUnique(&w); err != nil {
			return err
		}
		if err := tx.refuseUnconfirmed(w.ID, w.Status); err != nil {
			return err
		}
		w.UpdatedAt = tx.now
		res, err := tx.exec(`UPDATE workers SET name = ?, gender = ?, birth_year = ?, phone = ?, phone_tail = ?, id_number = ?,
			community_id = ?, expected_pay_fen = ?, expected_pay_unit = ?, availability = ?, groups = ?, insured = ?, channel = ?,
			consent = ?, status = ?, status_reason = ?, notes = ?, updated_at = ? WHERE id = ? AND erased = 0`,
			w.Name, w.Gender, w.BirthYear, nullStr(w.Phone), phoneTail(w.Phone), nullStr(w.IDNumber), nullID(w.CommunityID),
			w.ExpectedPayFen, string(w.ExpectedPayUnit), w.Availability, strings.Join(w.Groups, ","), w.Insured, string(w.Channel),
			w.Consent, string(w.Status), w.StatusReason, w.Notes, tx.now.Unix(), w.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "worker.not_found", Detail: fmt.Sprint(w.ID)}
		}
		if err := tx.setWorkerTrades(w.ID, w.Trades); err != nil {
			return err
		}
		if err := tx.setWorkerKeys(w.ID, w.Name); err != nil {
			return err
		}
		return tx.audit("update", "worker", w.ID, "")
	})
	return w, err
}

// SetWorkerStatus pauses, reactivates or marks a worker as left, with a reason.
func (s *Store) SetWorkerStatus(ctx context.Context, staff, id int64, status WorkerStatus, reason string) error {
	if status != Active && status != Paused && status != Left {
		return &Error{Code: Invalid, Key: "worker.status", Field: "status", Detail: string(status)}
	}
	reason, p := valid.Text("status_reason", reason, 200)
	if p != nil {
		return fieldError(p)
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.refuseUnconfirmed(id, status); err != nil {
			return err
		}
		res, err := tx.exec(`UPDATE workers SET status = ?, status_reason = ?, updated_at = ? WHERE id = ? AND erased = 0`, string(status), reason, tx.now.Unix(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "worker.not_found", Detail: fmt.Sprint(id)}
		}
		return tx.audit("status:"+string(status), "worker", id, reason)
	})
}

func (t *Tx) checkWorkerUnique(w *Worker) error {
	var other int64
	if w.Phone != "" {
		err := t.queryRow(`SELECT id FROM workers WHERE phone = ? AND id <> ?`, w.Phone, w.ID).Scan(&other)
		if err == nil {
			return &Error{Code: Conflict, Key: "worker.phone_taken", Field: "phone", Ref: other, Detail: "phone already registered"}
		} else if err != sql.ErrNoRows {
			return err
		}
	}
	if w.IDNumber != "" {
		err := t.queryRow(`SELECT id FROM workers WHERE id_number = ? AND id <> ?`, w.IDNumber, w.ID).Scan(&other)
		if err == nil {
			return &Error{Code: Conflict, Key: "worker.id_taken", Field: "id_number", Ref: other, Detail: "ID number already registered"}
		} else if err != sql.ErrNoRows {
			return err
		}
	}
	return nil
}

func (t *Tx) setWorkerTrades(id int64, trades []WorkerTrade) error {
	if _, err := t.exec(`DELETE FROM worker_trades WHERE worker_id = ?`, id); err != nil {
		return err
	}
	for _, tr := range trades {
		if _, err := t.exec(`INSERT INTO worker_trades (worker_id, trade_id, years) VALUES (?, ?, ?)`, id, tr.TradeID, tr.Years); err != nil {
			return err
		}
	}
	return nil
}

func phoneTail(phone string) string {
	if len(phone) < 4 {
		return ""
	}
	return phone[len(phone)-4:]
}
