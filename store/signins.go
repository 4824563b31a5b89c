package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Presence is one worker signed in at the station on a day (签到), with who they are.
type Presence struct {
	SignInID int64
	WorkerID int64
	Name     string
	Phone    string // full: screens mask it
	Status   WorkerStatus
	Day      string
	InAt     time.Time
	OutAt    time.Time // zero while still here
	Trades   []WorkerTrade
}

// Here reports whether the worker has not signed out.
func (p Presence) Here() bool { return p.OutAt.IsZero() }

// SignIn signs a worker in for today. Signing in again after signing out the same day
// clears the sign-out (they came back); signing in twice while here is a Conflict.
// A worker marked as left cannot sign in until reactivated.
func (s *Store) SignIn(ctx context.Context, staff, workerID int64) (Presence, error) {
	return s.signIn(ctx, staff, workerID, SignInCounter)
}

// Where a sign-in was made (sign_ins.source).
const (
	SignInCounter = "counter" // by staff at the counter
	SignInSelf    = "self"    // by the worker at the self-service terminal
)

func (s *Store) signIn(ctx context.Context, staff, workerID int64, source string) (Presence, error) {
	var p Presence
	err := s.write(ctx, staff, func(tx *Tx) error {
		var status string
		err := tx.queryRow(`SELECT status FROM workers WHERE id = ? AND erased = 0`, workerID).Scan(&status)
		if err != nil {
			return notFound(err, "worker")
		}
		if WorkerStatus(status) == Left {
			return &Error{Code: Conflict, Key: "signin.left", Ref: workerID, Detail: "worker has left; reactivate first"}
		}
		day := tx.s.DayOf(tx.now)
		var id int64
		var out sql.NullInt64
		err = tx.queryRow(`SELECT id, out_at FROM sign_ins WHERE worker_id = ? AND day = ?`, workerID, day).Scan(&id, &out)
		switch {
		case err == sql.ErrNoRows:
			id, err = tx.insert(`INSERT INTO sign_ins (worker_id, day, in_at, staff_id, source) VALUES (?, ?, ?, ?, ?)`,
				workerID, day, tx.now.Unix(), nullID(tx.staff), source)
			if err != nil {
				return err
			}
		case err != nil:
			return err
		case !out.Valid:
			return &Error{Code: Conflict, Key: "signin.already", Ref: workerID, Detail: "already signed in today"}
		default:
			if _, err := tx.exec(`UPDATE sign_ins SET out_at = NULL, source = ? WHERE id = ?`, source, id); err != nil {
				return err
			}
		}
		return tx.audit("sign_in", "worker", workerID, day)
	})
	if err != nil {
		return p, err
	}
	return s.presence(ctx, workerID, s.Today())
}

// SignOut records that a signed-in worker left the station today.
func (s *Store) SignOut(ctx context.Context, staff, workerID int64) error {
	return s.write(ctx, staff, func(tx *Tx) error {
		day := tx.s.DayOf(tx.now)
		res, err := tx.exec(`UPDATE sign_ins SET out_at = ? WHERE worker_id = ? AND day = ? AND out_at IS NULL`, tx.now.Unix(), workerID, day)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: Conflict, Key: "signin.not_here", Ref: workerID, Detail: fmt.Sprintf("worker %d is not signed in on %s", workerID, day)}
		}
		return tx.audit("sign_out", "worker", workerID, day)
	})
}

const presenceColumns = `si.id, si.worker_id, w.name, coalesce(w.phone, ''), w.status, si.day, si.in_at, si.out_at`

func (s *Store) presence(ctx context.Context, workerID int64, day string) (Presence, error) {
	ps, err := s.presences(ctx, `si.worker_id = ? AND si.day = ?`, workerID, day)
	if err != nil {
		return Presence{}, err
	}
	if len(ps) == 0 {
		return Presence{}, &Error{Code: NotFound, Key: "signin.not_here", Detail: "no sign-in"}
	}
	return ps[0], nil
}

// SignedIn lists who signed in on day (YYYY-MM-DD), in order of arrival, with their trades.
func (s *Store) SignedIn(ctx context.Context, day string) ([]Presence, error) {
	if _, _, err := s.DayRange(day); err != nil {
		return nil, err
	}
	return s.presences(ctx, `si.day = ? ORDER BY si.in_at, si.id`, day)
}

// PresentToday reports which of ids are signed in today and have not left.
func (s *Store) PresentToday(ctx context.Context, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	args := []any{s.Today()}
	for _, id := range ids {
		args = append(args, id)
	}
	present, err := queryAll(ctx, s, scanOne[int64], `SELECT worker_id FROM sign_ins WHERE day = ? AND out_at IS NULL AND worker_id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	for _, id := range present {
		out[id] = true
	}
	return out, nil
}

func (s *Store) presences(ctx context.Context, where string, args ...any) ([]Presence, error) {
	out, err := queryAll(ctx, s, scanPresence, `SELECT `+presenceColumns+` FROM sign_ins si JOIN workers w ON w.id = si.worker_id WHERE w.erased = 0 AND `+where, args...)
	if err != nil {
		return nil, err
	}
	return withTrades(ctx, s, out, func(p *Presence) (int64, *[]WorkerTrade) { return p.WorkerID, &p.Trades })
}

func scanPresence(sc scanner) (Presence, error) {
	var p Presence
	var in int64
	var outAt sql.NullInt64
	if err := sc.Scan(&p.SignInID, &p.WorkerID, &p.Name, &p.Phone, &p.Status, &p.Day, &in, &outAt); err != nil {
		return p, err
	}
	p.InAt, p.OutAt = time.Unix(in, 0), fromUnix(outAt)
	return p, nil
}
