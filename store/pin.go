package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// PIN rules: 4–8 digits, five wrong tries lock the name for a minute.
const (
	PINMinLen      = 4
	PINMaxLen      = 8
	PINMaxFailures = 5
	PINLockout     = time.Minute
)

// pinCost is bcrypt's work factor: about 50 ms on a station PC, slow enough for a stolen file.
var pinCost = bcrypt.DefaultCost

// UseFastPINHashing makes hashing new PINs cheap. For tests only: on a loaded machine bcrypt's
// real cost makes a model test's command outlast the test driver's patience.
func UseFastPINHashing() { pinCost = bcrypt.MinCost }

// ValidPIN checks a PIN as typed: 4 to 8 digits.
func ValidPIN(pin string) error {
	if pin == "" {
		return &Error{Code: Invalid, Key: "pin.empty", Field: "pin", Detail: "no PIN typed"}
	}
	if len(pin) < PINMinLen || len(pin) > PINMaxLen || !isDigits(pin) {
		return &Error{Code: Invalid, Key: "pin.format", Field: "pin", Detail: "a PIN is 4 to 8 digits"}
	}
	return nil
}

func hashPIN(pin string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pin), pinCost)
	if err != nil {
		return "", &Error{Code: Internal, Key: "db.error", Err: err}
	}
	return string(h), nil
}

// SetPIN sets a staff member's PIN. Staff set their own only while they have none (first
// sign-in on an older database, or after the head reset it); the station head may set anyone's.
func (s *Store) SetPIN(ctx context.Context, by, id int64, pin string) error {
	if err := ValidPIN(pin); err != nil {
		return err
	}
	hash, err := hashPIN(pin) // outside the transaction: hashing is slow on purpose
	if err != nil {
		return err
	}
	return s.write(ctx, by, func(tx *Tx) error {
		var old string
		if err := tx.queryRow(`SELECT pin_hash FROM staff WHERE id = ? AND active = 1`, id).Scan(&old); err != nil {
			return notFound(err, "staff")
		}
		if by != id || old != "" {
			if err := tx.requireHead(); err != nil {
				return err
			}
		}
		if _, err := tx.exec(`UPDATE staff SET pin_hash = ?, pin_failures = 0, locked_until = 0 WHERE id = ?`, hash, id); err != nil {
			return err
		}
		return tx.audit("pin:set", "staff", id, "")
	})
}

// ResetPIN clears a staff member's PIN (they forgot it) so they choose a new one at their next
// sign-in; only the station head may.
func (s *Store) ResetPIN(ctx context.Context, head, id int64) error {
	return s.write(ctx, head, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		res, err := tx.exec(`UPDATE staff SET pin_hash = '', pin_failures = 0, locked_until = 0 WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "staff.not_found", Detail: strconv.FormatInt(id, 10)}
		}
		return tx.audit("pin:reset", "staff", id, "")
	})
}

// lockedError is what StaffSignIn returns while a name is locked out; Until says when it opens.
func lockedError(until time.Time, now time.Time) error {
	secs := int64(until.Sub(now).Seconds()) + 1
	return &Error{Code: Conflict, Key: "pin.locked", Field: "pin", Detail: "locked after too many wrong PINs", Ref: secs}
}

// StaffSignIn checks a staff member's PIN. A wrong PIN counts towards the lock-out, kept in the
// database so that restarting gigdesk does not reset it; the fifth locks the name for PINLockout.
// Both outcomes are audited. A staff member without a PIN gets Key "pin.not_set".
func (s *Store) StaffSignIn(ctx context.Context, id int64, pin string) (Staff, error) {
	st, err := s.StaffMember(ctx, id)
	if err != nil {
		return Staff{}, err
	}
	if !st.Active {
		return Staff{}, &Error{Code: Conflict, Key: "staff.inactive", Detail: st.Name}
	}
	var hash string
	var locked int64
	if err := s.db.QueryRowContext(ctx, `SELECT pin_hash, locked_until FROM staff WHERE id = ?`, id).Scan(&hash, &locked); err != nil {
		return Staff{}, dbError(err, s.path)
	}
	now := s.now()
	if until := time.Unix(locked, 0); locked > 0 && now.Before(until) {
		return Staff{}, lockedError(until, now)
	}
	if hash == "" {
		return st, &Error{Code: NotFound, Key: "pin.not_set", Detail: st.Name}
	}
	if err := ValidPIN(pin); err != nil {
		return Staff{}, err // a mistyped length is not a guess: it does not count
	}
	cmp := bcrypt.CompareHashAndPassword([]byte(hash), []byte(pin))
	if cmp != nil && !errors.Is(cmp, bcrypt.ErrMismatchedHashAndPassword) {
		return Staff{}, &Error{Code: Internal, Key: "db.error", Err: cmp}
	}
	var outcome error
	err = s.write(ctx, id, func(tx *Tx) error {
		if cmp == nil {
			if _, err := tx.exec(`UPDATE staff SET pin_failures = 0, locked_until = 0 WHERE id = ?`, id); err != nil {
				return err
			}
			return tx.audit("signin", "staff", id, "")
		}
		var fails int
		if err := tx.queryRow(`UPDATE staff SET pin_failures = pin_failures + 1 WHERE id = ? RETURNING pin_failures`, id).Scan(&fails); err != nil {
			return err
		}
		if fails >= PINMaxFailures {
			until := tx.now.Add(PINLockout)
			if _, err := tx.exec(`UPDATE staff SET pin_failures = 0, locked_until = ? WHERE id = ?`, until.Unix(), id); err != nil {
				return err
			}
			outcome = lockedError(until, tx.now)
			return tx.audit("signin:locked", "staff", id, "")
		}
		outcome = &Error{Code: Invalid, Key: "pin.wrong", Field: "pin", Detail: "wrong PIN", Ref: int64(PINMaxFailures - fails)}
		return tx.audit("signin:wrong", "staff", id, "")
	})
	if err != nil {
		return Staff{}, err
	}
	if outcome != nil {
		return Staff{}, outcome
	}
	return st, nil
}

// SetupWithPIN is first-run setup with the station head's PIN.
func (s *Store) SetupWithPIN(ctx context.Context, stationName, headName, pin string) (Staff, error) {
	if err := ValidPIN(pin); err != nil {
		return Staff{}, err
	}
	st := DefaultSettings()
	st.StationName = stationName
	if err := st.Validate(); err != nil {
		return Staff{}, err
	}
	head, err := s.Setup(ctx, stationName, headName)
	if err != nil {
		return Staff{}, err
	}
	if err := s.SetPIN(ctx, head.ID, head.ID, pin); err != nil {
		return Staff{}, err
	}
	head.HasPIN = true
	return head, nil
}
