package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Attendee is someone signed in at a fair's door: always a worker record, a newcomer's made
// at the door.
type Attendee struct {
	ID       int64
	EventID  int64
	WorkerID int64
	Name     string
	Phone    string // full: screens mask it
	Groups   []string
	Newcomer bool
	At       time.Time
}

// Newcomer is the door's short form: who has not registered yet, and what work they want.
type Newcomer struct {
	Name      string
	Phone     string
	Trades    []int64
	BirthYear int // 0: not asked at the door
}

// SignInAttendee signs a registered worker in at an event's door. Signing the same worker
// in twice is a Conflict whose Ref is the attendee already there.
func (s *Store) SignInAttendee(ctx context.Context, staff, eventID, workerID int64) (Attendee, error) {
	var a Attendee
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.exists(`SELECT 1 FROM workers WHERE id = ? AND erased = 0`, workerID, "worker"); err != nil {
			return err
		}
		var err error
		a, err = tx.attend(eventID, workerID, false, tx.now)
		return err
	})
	if err != nil {
		return a, err
	}
	return s.attendee(ctx, a.ID)
}

// SignInNewcomer registers a newcomer as a worker (counter channel) and signs them in at the
// event's door, in one transaction. A phone already registered is a Conflict whose Ref is
// that worker, to be signed in as registered instead.
func (s *Store) SignInNewcomer(ctx context.Context, staff, eventID int64, n Newcomer) (Attendee, error) {
	w := Worker{Name: n.Name, Phone: n.Phone, BirthYear: n.BirthYear, Channel: ByCounter}
	for _, t := range n.Trades {
		w.Trades = append(w.Trades, WorkerTrade{TradeID: t})
	}
	if err := w.Validate(s.now()); err != nil {
		return Attendee{}, err
	}
	var a Attendee
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.exists(`SELECT 1 FROM events WHERE id = ?`, eventID, "event"); err != nil {
			return err
		}
		if err := tx.createWorker(&w); err != nil {
			return err
		}
		var err error
		a, err = tx.attend(eventID, w.ID, true, tx.now)
		return err
	})
	if err != nil {
		return a, err
	}
	return s.attendee(ctx, a.ID)
}

// attend writes one attendee row, audited under the event.
func (t *Tx) attend(eventID, workerID int64, newcomer bool, at time.Time) (Attendee, error) {
	a := Attendee{EventID: eventID, WorkerID: workerID, Newcomer: newcomer, At: at}
	if err := t.exists(`SELECT 1 FROM events WHERE id = ?`, eventID, "event"); err != nil {
		return a, err
	}
	var other int64
	err := t.queryRow(`SELECT id FROM event_attendees WHERE event_id = ? AND worker_id = ?`, eventID, workerID).Scan(&other)
	if err == nil {
		return a, &Error{Code: Conflict, Key: "event.attendee_already", Ref: other, Detail: "already signed in at this event"}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return a, err
	}
	a.ID, err = t.insert(`INSERT INTO event_attendees (event_id, worker_id, newcomer, at, staff_id) VALUES (?, ?, ?, ?, ?)`,
		eventID, workerID, newcomer, at.Unix(), nullID(t.staff))
	if err != nil {
		return a, err
	}
	return a, t.audit("attend", "event", eventID, refs("attendee", a.ID, "worker", workerID, "newcomer", boolInt(newcomer)))
}

const attendeeColumns = `a.id, a.event_id, a.worker_id, w.name, coalesce(w.phone, ''), w.groups, a.newcomer, a.at`

const attendeeFrom = ` FROM event_attendees a JOIN workers w ON w.id = a.worker_id`

func scanAttendee(sc scanner) (Attendee, error) {
	var a Attendee
	var groups string
	var at int64
	err := sc.Scan(&a.ID, &a.EventID, &a.WorkerID, &a.Name, &a.Phone, &groups, &a.Newcomer, &at)
	if groups != "" {
		a.Groups = strings.Split(groups, ",")
	}
	a.At = time.Unix(at, 0)
	return a, err
}

func (s *Store) attendee(ctx context.Context, id int64) (Attendee, error) {
	a, err := scanAttendee(s.db.QueryRowContext(ctx, `SELECT `+attendeeColumns+attendeeFrom+` WHERE a.id = ?`, id))
	if err != nil {
		return a, dbError(notFound(err, "attendee"), s.path)
	}
	return a, nil
}

// Attendees lists an event's attendees, the latest in first.
func (s *Store) Attendees(ctx context.Context, eventID int64) ([]Attendee, error) {
	return queryAll(ctx, s, scanAttendee, `SELECT `+attendeeColumns+attendeeFrom+` WHERE a.event_id = ? ORDER BY a.at DESC, a.id DESC`, eventID)
}

// Outcome is what became of an intention: ” while nobody knows yet.
type Outcome string

const (
	OutcomePending  Outcome = ""
	OutcomeHired    Outcome = "hired"
	OutcomeNotHired Outcome = "not_hired"
)

// Intention (就业意向) is an attendee and a position that agreed at the booth to proceed.
type Intention struct {
	ID         int64
	EventID    int64
	AttendeeID int64
	PositionID int64
	WorkerID   int64
	Name       string // the attendee's name
	Title      string // the position's title
	Firm       string
	TradeID    int64
	At         time.Time
	Outcome    Outcome
}

// RecordIntention records that an attendee and a position of the same event agreed to
// proceed. The same pair twice is a Conflict whose Ref is the intention already there.
func (s *Store) RecordIntention(ctx context.Context, staff, attendeeID, positionID int64) (Intention, error) {
	var id int64
	err := s.write(ctx, staff, func(tx *Tx) error {
		var err error
		id, err = tx.intend(attendeeID, positionID)
		return err
	})
	if err != nil {
		return Intention{}, err
	}
	return s.intention(ctx, id)
}

func (t *Tx) intend(attendeeID, positionID int64) (int64, error) {
	var ev, pev int64
	if err := t.queryRow(`SELECT event_id FROM event_attendees WHERE id = ?`, attendeeID).Scan(&ev); err != nil {
		return 0, notFound(err, "attendee")
	}
	if err := t.queryRow(`SELECT event_id FROM event_positions WHERE id = ?`, positionID).Scan(&pev); err != nil {
		return 0, notFound(err, "position")
	}
	if ev != pev {
		return 0, &Error{Code: Invalid, Key: "event.other_event", Field: "position", Detail: fmt.Sprintf("position of event %d, attendee of %d", pev, ev)}
	}
	var other int64
	err := t.queryRow(`SELECT id FROM event_intentions WHERE attendee_id = ? AND position_id = ?`, attendeeID, positionID).Scan(&other)
	if err == nil {
		return 0, &Error{Code: Conflict, Key: "event.intention_already", Ref: other, Detail: "intention already recorded"}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	id, err := t.insert(`INSERT INTO event_intentions (event_id, attendee_id, position_id, at, staff_id) VALUES (?, ?, ?, ?, ?)`,
		ev, attendeeID, positionID, t.now.Unix(), nullID(t.staff))
	if err != nil {
		return 0, err
	}
	return id, t.audit("intention", "event", ev, refs("intention", id, "attendee", attendeeID, "position", positionID))
}

// SetOutcome records what became of an intention: hired, not hired, or back to unknown.
func (s *Store) SetOutcome(ctx context.Context, staff, intentionID int64, o Outcome) error {
	if o != OutcomePending && o != OutcomeHired && o != OutcomeNotHired {
		return &Error{Code: Invalid, Key: "event.outcome", Field: "outcome", Detail: string(o)}
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		var ev int64
		if err := tx.queryRow(`SELECT event_id FROM event_intentions WHERE id = ?`, intentionID).Scan(&ev); err != nil {
			return notFound(err, "intention")
		}
		var at, by any
		if o != OutcomePending {
			at, by = tx.now.Unix(), nullID(tx.staff)
		}
		if _, err := tx.exec(`UPDATE event_intentions SET outcome = ?, outcome_at = ?, outcome_by = ? WHERE id = ?`, string(o), at, by, intentionID); err != nil {
			return err
		}
		return tx.audit("outcome", "event", ev, refs("intention", intentionID, "outcome", o))
	})
}

const intentionColumns = `i.id, i.event_id, i.attendee_id, i.position_id, a.worker_id, w.name, p.title, e.name, p.trade_id, i.at, i.outcome`

const intentionFrom = ` FROM event_intentions i JOIN event_attendees a ON a.id = i.attendee_id JOIN workers w ON w.id = a.worker_id
	JOIN event_positions p ON p.id = i.position_id JOIN event_firms f ON f.id = p.firm_id JOIN employers e ON e.id = f.employer_id`

func scanIntention(sc scanner) (Intention, error) {
	var i Intention
	var at int64
	err := sc.Scan(&i.ID, &i.EventID, &i.AttendeeID, &i.PositionID, &i.WorkerID, &i.Name, &i.Title, &i.Firm, &i.TradeID, &at, &i.Outcome)
	i.At = time.Unix(at, 0)
	return i, err
}

func (s *Store) intention(ctx context.Context, id int64) (Intention, error) {
	i, err := scanIntention(s.db.QueryRowContext(ctx, `SELECT `+intentionColumns+intentionFrom+` WHERE i.id = ?`, id))
	if err != nil {
		return i, dbError(notFound(err, "intention"), s.path)
	}
	return i, nil
}

// Intentions lists an event's intentions, the latest first.
func (s *Store) Intentions(ctx context.Context, eventID int64) ([]Intention, error) {
	return queryAll(ctx, s, scanIntention, `SELECT `+intentionColumns+intentionFrom+` WHERE i.event_id = ? ORDER BY i.at DESC, i.id DESC`, eventID)
}
