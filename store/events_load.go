package store

import (
	"context"
	"time"
)

// FairLoad is a whole fair written at once (the demo's, or one typed up from paper later):
// the event, its firms with their positions, the attendees and the intentions agreed.
type FairLoad struct {
	Event      Event
	Firms      []FairLoadFirm
	Attendees  []FairLoadAttendee
	Intentions []FairLoadIntention
}

// FairLoadFirm is a firm at the fair: a known employer (ID set) or a new one, and its positions.
type FairLoadFirm struct {
	Employer  Employer
	Booth     string
	Positions []Position // FirmID is filled in
}

// FairLoadAttendee is a registered worker (WorkerID) or a newcomer.
type FairLoadAttendee struct {
	WorkerID int64
	Newcomer Newcomer
	At       time.Time // when they came in; zero (or a time still to come) is the load's own time
}

// FairLoadIntention joins the load's Attendee-th attendee and the Position-th position of its
// Firm-th firm, with the outcome known.
type FairLoadIntention struct {
	Attendee, Firm, Position int
	Outcome                  Outcome
}

// LoadFair writes a whole fair in one transaction, every record checked and audited as the
// one-at-a-time methods do; nothing is written if any is refused.
func (s *Store) LoadFair(ctx context.Context, staff int64, l FairLoad) (Event, error) {
	ev := l.Event
	if err := ev.Validate(); err != nil {
		return ev, err
	}
	workers := make([]Worker, len(l.Attendees))
	for i, a := range l.Attendees {
		if a.WorkerID != 0 {
			continue
		}
		workers[i] = Worker{Name: a.Newcomer.Name, Phone: a.Newcomer.Phone, BirthYear: a.Newcomer.BirthYear, Channel: ByCounter}
		for _, t := range a.Newcomer.Trades {
			workers[i].Trades = append(workers[i].Trades, WorkerTrade{TradeID: t})
		}
		if err := workers[i].Validate(s.now()); err != nil {
			return ev, err
		}
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		id, err := tx.insert(`INSERT INTO events (name, campaign, day, place, organiser, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, ev.Name, string(ev.Campaign), ev.Day, ev.Place, ev.Organiser, nullID(tx.staff), tx.now.Unix(), tx.now.Unix())
		if err != nil {
			return err
		}
		ev.ID, ev.CreatedAt, ev.UpdatedAt = id, tx.now, tx.now
		if err := tx.audit("create", "event", id, refs("day", ev.Day, "campaign", ev.Campaign)); err != nil {
			return err
		}
		positions, err := tx.loadFirms(ev.ID, l.Firms)
		if err != nil {
			return err
		}
		attendees := make([]int64, len(l.Attendees))
		for i, a := range l.Attendees {
			if a.WorkerID == 0 {
				if err := tx.createWorker(&workers[i]); err != nil {
					return err
				}
				a.WorkerID = workers[i].ID
			}
			came := a.At
			if came.IsZero() || came.After(tx.now) {
				came = tx.now
			}
			at, err := tx.attend(ev.ID, a.WorkerID, workers[i].ID != 0, came)
			if err != nil {
				return err
			}
			attendees[i] = at.ID
		}
		return tx.loadIntentions(ev.ID, l.Intentions, attendees, positions)
	})
	return ev, err
}

// loadFirms writes the load's firms and their positions; it returns each firm's position ids.
func (t *Tx) loadFirms(eventID int64, firms []FairLoadFirm) ([][]int64, error) {
	out := make([][]int64, len(firms))
	for i, f := range firms {
		e := f.Employer
		if e.ID == 0 {
			if err := e.Validate(); err != nil {
				return nil, err
			}
			if err := t.saveEmployer(&e); err != nil {
				return nil, err
			}
		}
		id, err := t.insert(`INSERT INTO event_firms (event_id, employer_id, booth, added_by, added_at) VALUES (?, ?, ?, ?, ?)`,
			eventID, e.ID, f.Booth, nullID(t.staff), t.now.Unix())
		if err != nil {
			return nil, err
		}
		if err := t.audit("add_firm", "event", eventID, refs("firm", id, "employer", e.ID)); err != nil {
			return nil, err
		}
		for _, p := range f.Positions {
			p.FirmID = id
			if err := p.Validate(); err != nil {
				return nil, err
			}
			if err := t.addPosition(&p); err != nil {
				return nil, err
			}
			out[i] = append(out[i], p.ID)
		}
	}
	return out, nil
}

func (t *Tx) loadIntentions(eventID int64, in []FairLoadIntention, attendees []int64, positions [][]int64) error {
	for _, it := range in {
		if it.Attendee >= len(attendees) || it.Firm >= len(positions) || it.Position >= len(positions[it.Firm]) {
			return &Error{Code: Invalid, Key: "event.load", Detail: "an intention names an attendee or position the load lacks"}
		}
		id, err := t.intend(attendees[it.Attendee], positions[it.Firm][it.Position])
		if err != nil {
			return err
		}
		if it.Outcome == OutcomePending {
			continue
		}
		if _, err := t.exec(`UPDATE event_intentions SET outcome = ?, outcome_at = ?, outcome_by = ? WHERE id = ?`,
			string(it.Outcome), t.now.Unix(), nullID(t.staff), id); err != nil {
			return err
		}
		if err := t.audit("outcome", "event", eventID, refs("intention", id, "outcome", it.Outcome)); err != nil {
			return err
		}
	}
	return nil
}
