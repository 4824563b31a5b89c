package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"golang.org/x/crypto/bcrypt"

	"gigdesk/store/valid"
)

// The worker's own terminal (gigdesk self, 零工自助服务一体机): a worker signs in with their
// phone and a self-service PIN staff set at the counter, signs in for the day, sees the jobs
// that fit them and asks for one (job_requests, selfrequests.go); a newcomer pre-registers
// (selfprereg.go). Nothing here is done by staff but setting the PIN and confirming a record,
// so every write is audited with no staff member and, over SSH, the terminal's counter.

// SelfPINLen is the length of a self-service PIN: four digits, easy on a touch screen.
const SelfPINLen = 4

// SelfStatus is what the worker page shows about a worker's self-service.
type SelfStatus struct {
	HasPIN      bool
	Locked      bool // five wrong PINs: only a new PIN from staff opens it again
	Failures    int
	Unconfirmed bool // pre-registered at the terminal, not yet confirmed at the counter
}

// SelfWorker is a worker signed in at the terminal: only what the screen needs about them.
type SelfWorker struct {
	ID     int64
	Name   string // the screen shows it masked
	Status WorkerStatus
}

// ValidSelfPIN checks a self-service PIN as typed: exactly four digits.
func ValidSelfPIN(pin string) error {
	if pin == "" {
		return &Error{Code: Invalid, Key: "self.pin_empty", Field: "pin", Detail: "no PIN typed"}
	}
	if len(pin) != SelfPINLen || !isDigits(pin) {
		return &Error{Code: Invalid, Key: "self.pin_format", Field: "pin", Detail: "a self-service PIN is 4 digits"}
	}
	return nil
}

// SetSelfPIN sets (or resets) a worker's self-service PIN at the counter; it clears the
// wrong-PIN count and the lock. The worker must be registered and confirmed.
func (s *Store) SetSelfPIN(ctx context.Context, staff, workerID int64, pin string) error {
	if err := ValidSelfPIN(pin); err != nil {
		return err
	}
	hash, err := hashPIN(pin) // outside the transaction: hashing is slow on purpose
	if err != nil {
		return err
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.exists(`SELECT 1 FROM workers WHERE id = ? AND erased = 0`, workerID, "worker"); err != nil {
			return err
		}
		st, err := tx.selfStatus(workerID)
		if err != nil {
			return err
		}
		if st.Unconfirmed {
			return &Error{Code: Conflict, Key: "self.unconfirmed", Ref: workerID, Detail: "confirm the pre-registration first"}
		}
		if _, err := tx.exec(`INSERT INTO worker_self (worker_id, pin_hash, pin_failures, locked, updated_at) VALUES (?, ?, 0, 0, ?)
			ON CONFLICT (worker_id) DO UPDATE SET pin_hash = excluded.pin_hash, pin_failures = 0, locked = 0, updated_at = excluded.updated_at`,
			workerID, hash, tx.now.Unix()); err != nil {
			return err
		}
		return tx.audit("self:pin_set", "worker", workerID, "")
	})
}

// SelfStatus reads a worker's self-service state; a worker who never had a PIN has the zero value.
func (s *Store) SelfStatus(ctx context.Context, workerID int64) (SelfStatus, error) {
	var st SelfStatus
	var hash string
	err := s.db.QueryRowContext(ctx, `SELECT pin_hash, pin_failures, locked, unconfirmed FROM worker_self WHERE worker_id = ?`, workerID).
		Scan(&hash, &st.Failures, &st.Locked, &st.Unconfirmed)
	if errors.Is(err, sql.ErrNoRows) {
		return SelfStatus{}, nil
	}
	if err != nil {
		return st, dbError(err, s.path)
	}
	st.HasPIN = hash != ""
	return st, nil
}

func (t *Tx) selfStatus(workerID int64) (SelfStatus, error) {
	var st SelfStatus
	var hash string
	err := t.queryRow(`SELECT pin_hash, pin_failures, locked, unconfirmed FROM worker_self WHERE worker_id = ?`, workerID).
		Scan(&hash, &st.Failures, &st.Locked, &st.Unconfirmed)
	if errors.Is(err, sql.ErrNoRows) {
		return SelfStatus{}, nil
	}
	st.HasPIN = hash != ""
	return st, err
}

// SelfLookup finds the worker with phone for the terminal's first step. An unknown phone is
// NotFound "self.unknown_phone" (the screen offers pre-registration); a worker without a
// PIN, still unconfirmed, or locked out is told to see the counter.
func (s *Store) SelfLookup(ctx context.Context, phone string) (int64, error) {
	phone, p := valid.Phone(phone)
	if p != nil {
		return 0, fieldError(p)
	}
	var id int64
	var status string
	err := s.db.QueryRowContext(ctx, `SELECT id, status FROM workers WHERE phone = ? AND erased = 0`, phone).Scan(&id, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, &Error{Code: NotFound, Key: "self.unknown_phone", Field: "phone", Detail: "no worker with this phone"}
	}
	if err != nil {
		return 0, dbError(err, s.path)
	}
	st, err := s.SelfStatus(ctx, id)
	if err != nil {
		return 0, err
	}
	return id, selfRefusal(st, WorkerStatus(status))
}

// selfRefusal is why a worker cannot use the terminal now, or nil.
func selfRefusal(st SelfStatus, status WorkerStatus) error {
	switch {
	case st.Unconfirmed:
		return &Error{Code: Conflict, Key: "self.unconfirmed", Detail: "pre-registration not yet confirmed"}
	case status == Left:
		return &Error{Code: Conflict, Key: "self.left", Detail: "worker has left"}
	case st.Locked:
		return &Error{Code: Conflict, Key: "self.locked", Detail: "locked after too many wrong PINs"}
	case !st.HasPIN:
		return &Error{Code: NotFound, Key: "self.no_pin", Detail: "no self-service PIN set"}
	}
	return nil
}

// SelfAuth checks a worker's self-service PIN. A wrong PIN counts (Key "self.pin_wrong", Ref
// the tries left); the fifth locks self-service ("self.locked") until staff set a new PIN.
// Every outcome is audited, with no personal data.
func (s *Store) SelfAuth(ctx context.Context, workerID int64, pin string) (SelfWorker, error) {
	if err := ValidSelfPIN(pin); err != nil {
		return SelfWorker{}, err // a mistyped length is not a guess: it does not count
	}
	var w SelfWorker
	var hash string
	err := s.db.QueryRowContext(ctx, `SELECT w.id, w.name, w.status, coalesce(ws.pin_hash, '') FROM workers w
		LEFT JOIN worker_self ws ON ws.worker_id = w.id WHERE w.id = ? AND w.erased = 0`, workerID).Scan(&w.ID, &w.Name, &w.Status, &hash)
	if err != nil {
		return SelfWorker{}, notFound(dbError(err, s.path), "worker")
	}
	st, err := s.SelfStatus(ctx, workerID)
	if err != nil {
		return SelfWorker{}, err
	}
	if err := selfRefusal(st, w.Status); err != nil {
		return SelfWorker{}, err
	}
	cmp := bcrypt.CompareHashAndPassword([]byte(hash), []byte(pin))
	if cmp != nil && !errors.Is(cmp, bcrypt.ErrMismatchedHashAndPassword) {
		return SelfWorker{}, &Error{Code: Internal, Key: "db.error", Err: cmp}
	}
	var outcome error
	err = s.write(ctx, 0, func(tx *Tx) error {
		if cmp == nil {
			if _, err := tx.exec(`UPDATE worker_self SET pin_failures = 0 WHERE worker_id = ?`, workerID); err != nil {
				return err
			}
			return tx.audit("self:signin", "worker", workerID, "")
		}
		var fails int
		if err := tx.queryRow(`UPDATE worker_self SET pin_failures = pin_failures + 1 WHERE worker_id = ? RETURNING pin_failures`, workerID).Scan(&fails); err != nil {
			return err
		}
		if fails >= PINMaxFailures {
			if _, err := tx.exec(`UPDATE worker_self SET locked = 1 WHERE worker_id = ?`, workerID); err != nil {
				return err
			}
			outcome = &Error{Code: Conflict, Key: "self.locked", Detail: "locked after too many wrong PINs"}
			return tx.audit("self:locked", "worker", workerID, "")
		}
		outcome = &Error{Code: Invalid, Key: "self.pin_wrong", Field: "pin", Detail: "wrong PIN", Ref: int64(PINMaxFailures - fails)}
		return tx.audit("self:wrong_pin", "worker", workerID, refs("left", strconv.Itoa(PINMaxFailures-fails)))
	})
	if err != nil {
		return SelfWorker{}, err
	}
	if outcome != nil {
		return SelfWorker{}, outcome
	}
	return w, nil
}

// SelfSignIn signs the worker in for today from the terminal, exactly as the counter does
// (the same rules and audit action), with the sign-in's source 'self' and no staff member.
func (s *Store) SelfSignIn(ctx context.Context, workerID int64) (Presence, error) {
	return s.signIn(ctx, 0, workerID, SignInSelf)
}
