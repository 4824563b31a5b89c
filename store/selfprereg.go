package store

import (
	"context"
	"fmt"
)

// PreRegistration is what a newcomer types at the terminal: the least the counter needs to
// find and complete their record.
type PreRegistration struct {
	Name        string
	Phone       string
	Trades      []int64
	CommunityID int64
}

// PreRegister records a newcomer from the terminal: a worker kept paused and marked
// unconfirmed (worker_self), so they are never ranked or dispatched until staff confirm the
// record at the counter (ConfirmWorker). A phone already registered is a Conflict
// "self.phone_known": that worker asks at the counter instead.
func (s *Store) PreRegister(ctx context.Context, p PreRegistration) (int64, error) {
	w := Worker{Name: p.Name, Phone: p.Phone, CommunityID: p.CommunityID, Status: Paused, Channel: ByCounter}
	for _, t := range p.Trades {
		w.Trades = append(w.Trades, WorkerTrade{TradeID: t})
	}
	if err := w.Validate(s.now()); err != nil {
		return 0, err
	}
	err := s.write(ctx, 0, func(tx *Tx) error {
		if err := tx.createWorker(&w); err != nil {
			if e := AsError(err); e != nil && e.Code == Conflict {
				return &Error{Code: Conflict, Key: "self.phone_known", Field: "phone", Detail: "phone already registered"}
			}
			return err
		}
		if _, err := tx.exec(`INSERT INTO worker_self (worker_id, unconfirmed, updated_at) VALUES (?, 1, ?)`, w.ID, tx.now.Unix()); err != nil {
			return err
		}
		return tx.audit("self:prereg", "worker", w.ID, "")
	})
	return w.ID, err
}

// ConfirmWorker is the counter confirming a pre-registered record (after completing it on
// the worker page): the worker becomes active and can be ranked and dispatched.
func (s *Store) ConfirmWorker(ctx context.Context, staff, workerID int64) error {
	return s.write(ctx, staff, func(tx *Tx) error {
		res, err := tx.exec(`UPDATE worker_self SET unconfirmed = 0, updated_at = ? WHERE worker_id = ? AND unconfirmed = 1`, tx.now.Unix(), workerID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: Conflict, Key: "self.not_unconfirmed", Ref: workerID, Detail: fmt.Sprint(workerID)}
		}
		if _, err := tx.exec(`UPDATE workers SET status = 'active', updated_at = ? WHERE id = ? AND erased = 0`, tx.now.Unix(), workerID); err != nil {
			return err
		}
		return tx.audit("self:confirm", "worker", workerID, "")
	})
}

// refuseUnconfirmed keeps a pre-registered worker from being made active any way but
// ConfirmWorker, so nothing ranks or dispatches them before the counter has seen them.
func (t *Tx) refuseUnconfirmed(workerID int64, status WorkerStatus) error {
	if status != Active {
		return nil
	}
	st, err := t.selfStatus(workerID)
	if err != nil {
		return err
	}
	if st.Unconfirmed {
		return &Error{Code: Conflict, Key: "self.unconfirmed", Ref: workerID, Detail: "confirm the pre-registration first"}
	}
	return nil
}
