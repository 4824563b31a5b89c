package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"gigdesk/store/valid"
)

// Campaign is the bureau's campaign a fair belongs to.
type Campaign string

const (
	CampaignSpring  Campaign = "spring"  // 春风行动
	CampaignPrivate Campaign = "private" // 民营企业招聘月
	CampaignAid     Campaign = "aid"     // 就业援助月
	CampaignOther   Campaign = "other"
)

// Campaigns lists the campaigns in the order screens offer them.
var Campaigns = []Campaign{CampaignSpring, CampaignPrivate, CampaignAid, CampaignOther}

// Event (招聘活动) is a job fair the station hosts on one day.
type Event struct {
	ID        int64
	Name      string
	Campaign  Campaign
	Day       string // YYYY-MM-DD, station-local
	Place     string
	Organiser string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate normalises and checks an event as staff typed it.
func (e *Event) Validate() error {
	var p *valid.Problem
	if e.Name, p = valid.Text("name", e.Name, 60); p != nil {
		return fieldError(p)
	}
	if e.Name == "" {
		return &Error{Code: Invalid, Key: "event.name", Field: "name", Detail: "an event needs a name"}
	}
	if e.Campaign == "" {
		e.Campaign = CampaignOther
	}
	if !contains([]string{string(CampaignSpring), string(CampaignPrivate), string(CampaignAid), string(CampaignOther)}, string(e.Campaign)) {
		return &Error{Code: Invalid, Key: "event.campaign", Field: "campaign", Detail: string(e.Campaign)}
	}
	if _, err := time.Parse(time.DateOnly, e.Day); err != nil {
		return &Error{Code: Invalid, Key: "date.invalid", Field: "day", Detail: e.Day}
	}
	if e.Place, p = valid.Text("place", e.Place, 100); p != nil {
		return fieldError(p)
	}
	if e.Organiser, p = valid.Text("organiser", e.Organiser, 60); p != nil {
		return fieldError(p)
	}
	return nil
}

const eventColumns = `id, name, campaign, day, place, organiser, created_at, updated_at`

func scanEvent(sc scanner) (Event, error) {
	var e Event
	var created, updated int64
	err := sc.Scan(&e.ID, &e.Name, &e.Campaign, &e.Day, &e.Place, &e.Organiser, &created, &updated)
	e.CreatedAt, e.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return e, err
}

// SaveEvent creates the event (ID 0) or updates it.
func (s *Store) SaveEvent(ctx context.Context, staff int64, e Event) (Event, error) {
	if err := e.Validate(); err != nil {
		return e, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		e.UpdatedAt = tx.now
		if e.ID == 0 {
			e.CreatedAt = tx.now
			id, err := tx.insert(`INSERT INTO events (name, campaign, day, place, organiser, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.Name, string(e.Campaign), e.Day, e.Place, e.Organiser, nullID(tx.staff), tx.now.Unix(), tx.now.Unix())
			if err != nil {
				return err
			}
			e.ID = id
			return tx.audit("create", "event", id, refs("day", e.Day, "campaign", e.Campaign))
		}
		res, err := tx.exec(`UPDATE events SET name = ?, campaign = ?, day = ?, place = ?, organiser = ?, updated_at = ? WHERE id = ?`,
			e.Name, string(e.Campaign), e.Day, e.Place, e.Organiser, tx.now.Unix(), e.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: NotFound, Key: "event.not_found", Detail: fmt.Sprint(e.ID)}
		}
		return tx.audit("update", "event", e.ID, refs("day", e.Day, "campaign", e.Campaign))
	})
	return e, err
}

// Event reads one event.
func (s *Store) Event(ctx context.Context, id int64) (Event, error) {
	e, err := scanEvent(s.db.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events WHERE id = ?`, id))
	if err != nil {
		return e, dbError(notFound(err, "event"), s.path)
	}
	return e, nil
}

// Events lists the events held on the days [from, to] (YYYY-MM-DD), in day order; empty
// bounds are open.
func (s *Store) Events(ctx context.Context, from, to string) ([]Event, error) {
	if from == "" {
		from = "0000-00-00"
	}
	if to == "" {
		to = "9999-99-99"
	}
	return queryAll(ctx, s, scanEvent, `SELECT `+eventColumns+` FROM events WHERE day >= ? AND day <= ? ORDER BY day, id`, from, to)
}

// EventFirm is an employer taking part in an event.
type EventFirm struct {
	ID         int64 // the event_firms row
	EventID    int64
	EmployerID int64
	Name       string // the employer's name
	Booth      string
}

// AddFirm puts an employer on an event: a known one (ID set, found by name or phone as at
// intake) or a new one saved in the same transaction. An employer already there is a
// Conflict whose Ref is its firm row.
func (s *Store) AddFirm(ctx context.Context, staff, eventID int64, e Employer, booth string) (EventFirm, error) {
	f := EventFirm{EventID: eventID}
	if e.ID == 0 {
		if e.Kind == "" {
			e.Kind = Firm
		}
		if err := e.Validate(); err != nil {
			return f, err
		}
	}
	var p *valid.Problem
	if f.Booth, p = valid.Text("booth", booth, 20); p != nil {
		return f, fieldError(p)
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.exists(`SELECT 1 FROM events WHERE id = ?`, eventID, "event"); err != nil {
			return err
		}
		if e.ID == 0 {
			if err := tx.saveEmployer(&e); err != nil {
				return err
			}
		} else if err := tx.queryRow(`SELECT name FROM employers WHERE id = ? AND erased = 0`, e.ID).Scan(&e.Name); err != nil {
			return notFound(err, "employer")
		}
		var other int64
		err := tx.queryRow(`SELECT id FROM event_firms WHERE event_id = ? AND employer_id = ?`, eventID, e.ID).Scan(&other)
		if err == nil {
			return &Error{Code: Conflict, Key: "event.firm_already", Ref: other, Detail: "employer already at this event"}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		id, err := tx.insert(`INSERT INTO event_firms (event_id, employer_id, booth, added_by, added_at) VALUES (?, ?, ?, ?, ?)`,
			eventID, e.ID, f.Booth, nullID(tx.staff), tx.now.Unix())
		if err != nil {
			return err
		}
		f.ID, f.EmployerID, f.Name = id, e.ID, e.Name
		return tx.audit("add_firm", "event", eventID, refs("firm", id, "employer", e.ID))
	})
	return f, err
}

// Firms lists the firms of an event in the order they were added.
func (s *Store) Firms(ctx context.Context, eventID int64) ([]EventFirm, error) {
	return queryAll(ctx, s, func(sc scanner) (EventFirm, error) {
		var f EventFirm
		err := sc.Scan(&f.ID, &f.EventID, &f.EmployerID, &f.Name, &f.Booth)
		return f, err
	}, `SELECT f.id, f.event_id, f.employer_id, e.name, f.booth FROM event_firms f JOIN employers e ON e.id = f.employer_id
		WHERE f.event_id = ? ORDER BY f.id`, eventID)
}

// FindEmployers finds employers to put on a fair, as at intake: by the whole phone (mobile or
// landline), else by a part of the name; at most limit, firms first.
func (s *Store) FindEmployers(ctx context.Context, q string, limit int) ([]Employer, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	if phone, p := EmployerPhone(q); p == nil {
		return queryAll(ctx, s, scanEmployer, `SELECT `+employerColumns+` FROM employers WHERE phone = ? AND erased = 0`, phone)
	}
	like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(q) + "%"
	return queryAll(ctx, s, scanEmployer, `SELECT `+employerColumns+` FROM employers WHERE erased = 0 AND name LIKE ? ESCAPE '\'
		ORDER BY kind = 'firm' DESC, name, id LIMIT ?`, like, limit)
}
