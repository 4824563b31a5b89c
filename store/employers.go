package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"gigdesk/store/valid"
)

// EmployerKind is who posts a job: a resident, a shop or a firm.
type EmployerKind string

const (
	Resident EmployerKind = "resident"
	Shop     EmployerKind = "shop"
	Firm     EmployerKind = "firm"
)

// Employer (雇主) is whoever posts jobs.
type Employer struct {
	ID          int64
	Kind        EmployerKind
	Name        string
	Contact     string
	Phone       string
	Address     string
	CommunityID int64
	Notes       string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// EmployerPhone accepts a mobile number or a landline (with or without its area code).
func EmployerPhone(s string) (string, *valid.Problem) {
	if p, prob := valid.Phone(s); prob == nil {
		return p, nil
	}
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == ' ' || r == '-' || r == '(' || r == ')':
			return -1
		}
		return 'x'
	}, strings.TrimSpace(s))
	if !strings.Contains(digits, "x") && !strings.HasPrefix(digits, "1") && len(digits) >= 7 && len(digits) <= 12 {
		return digits, nil
	}
	_, prob := valid.Phone(s)
	return "", prob
}

// Validate normalises and checks an employer.
func (e *Employer) Validate() error {
	if e.Kind == "" {
		e.Kind = Resident
	}
	if e.Kind != Resident && e.Kind != Shop && e.Kind != Firm {
		return &Error{Code: Invalid, Key: "employer.kind", Field: "kind", Detail: string(e.Kind)}
	}
	var p *valid.Problem
	if e.Kind == Resident {
		if e.Name, p = valid.Name(e.Name); p != nil {
			return fieldError(p)
		}
	} else {
		if e.Name, p = valid.Text("name", e.Name, 60); p != nil {
			return fieldError(p)
		}
		if e.Name == "" {
			return &Error{Code: Invalid, Key: "name.empty", Field: "name", Detail: "name is required"}
		}
	}
	if e.Contact, p = valid.Text("contact", e.Contact, 30); p != nil {
		return fieldError(p)
	}
	if e.Phone, p = EmployerPhone(e.Phone); p != nil {
		return fieldError(p)
	}
	if e.Address, p = valid.Text("address", e.Address, 100); p != nil {
		return fieldError(p)
	}
	if e.Notes, p = valid.Text("notes", e.Notes, 500); p != nil {
		return fieldError(p)
	}
	return nil
}

const employerColumns = `id, kind, name, contact, coalesce(phone, ''), address, coalesce(community_id, 0), notes, created_at, updated_at`

func scanEmployer(sc scanner) (Employer, error) {
	var e Employer
	var created, updated int64
	err := sc.Scan(&e.ID, &e.Kind, &e.Name, &e.Contact, &e.Phone, &e.Address, &e.CommunityID, &e.Notes, &created, &updated)
	e.CreatedAt, e.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return e, err
}

// SaveEmployer creates the employer (ID 0) or updates it. The same phone is a Conflict with Ref.
func (s *Store) SaveEmployer(ctx context.Context, staff int64, e Employer) (Employer, error) {
	if err := e.Validate(); err != nil {
		return e, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		return tx.saveEmployer(&e)
	})
	return e, err
}

func (t *Tx) saveEmployer(e *Employer) error {
	var other int64
	err := t.queryRow(`SELECT id FROM employers WHERE phone = ? AND id <> ?`, e.Phone, e.ID).Scan(&other)
	if err == nil {
		return &Error{Code: Conflict, Key: "employer.phone_taken", Field: "phone", Ref: other, Detail: "phone already registered"}
	} else if err != sql.ErrNoRows {
		return err
	}
	e.UpdatedAt = t.now
	if e.ID == 0 {
		e.CreatedAt = t.now
		id, err := t.insert(`INSERT INTO employers (kind, name, contact, phone, address, community_id, notes, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, string(e.Kind), e.Name, e.Contact, nullStr(e.Phone), e.Address,
			nullID(e.CommunityID), e.Notes, nullID(t.staff), t.now.Unix(), t.now.Unix())
		if err != nil {
			return err
		}
		e.ID = id
		return t.audit("create", "employer", id, "")
	}
	res, err := t.exec(`UPDATE employers SET kind = ?, name = ?, contact = ?, phone = ?, address = ?, community_id = ?, notes = ?, updated_at = ?
		WHERE id = ? AND erased = 0`, string(e.Kind), e.Name, e.Contact, nullStr(e.Phone), e.Address, nullID(e.CommunityID), e.Notes, t.now.Unix(), e.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &Error{Code: NotFound, Key: "employer.not_found", Detail: fmt.Sprint(e.ID)}
	}
	return t.audit("update", "employer", e.ID, "")
}

// Employer reads one employer.
func (s *Store) Employer(ctx context.Context, id int64) (Employer, error) {
	e, err := scanEmployer(s.db.QueryRowContext(ctx, `SELECT `+employerColumns+` FROM employers WHERE id = ?`, id))
	if err != nil {
		return e, dbError(notFound(err, "employer"), s.path)
	}
	return e, nil
}

// EmployerByPhone finds the employer calling from phone (mobile or landline, as typed).
func (s *Store) EmployerByPhone(ctx context.Context, phone string) (Employer, error) {
	norm, p := EmployerPhone(phone)
	if p != nil {
		return Employer{}, fieldError(p)
	}
	e, err := scanEmployer(s.db.QueryRowContext(ctx, `SELECT `+employerColumns+` FROM employers WHERE phone = ? AND erased = 0`, norm))
	if err != nil {
		return e, dbError(notFound(err, "employer"), s.path)
	}
	return e, nil
}

// EmployerRecord is what the station knows of an employer's history when a job is taken:
// jobs posted, and wages left unpaid (a finished dispatch with nothing paid) or disputed.
type EmployerRecord struct {
	Jobs     int
	Unpaid   int // done dispatches with no payment recorded
	Disputed int // dispatches in dispute, resolved or not
}

// Flagged reports an employer with unpaid wages or disputes on record.
func (r EmployerRecord) Flagged() bool { return r.Unpaid > 0 || r.Disputed > 0 }

// EmployerHistory counts an employer's jobs, unpaid and disputed dispatches.
func (s *Store) EmployerHistory(ctx context.Context, id int64) (EmployerRecord, error) {
	var r EmployerRecord
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM jobs WHERE employer_id = ?),
		(SELECT count(*) FROM dispatches d JOIN jobs j ON j.id = d.job_id
			WHERE j.employer_id = ? AND d.status = 'done' AND d.paid_fen IS NULL),
		(SELECT count(*) FROM dispatches d JOIN jobs j ON j.id = d.job_id
			WHERE j.employer_id = ? AND d.disputed = 1)`, id, id, id).Scan(&r.Jobs, &r.Unpaid, &r.Disputed)
	if err != nil {
		return r, dbError(err, s.path)
	}
	return r, nil
}

// RevealEmployer returns an employer's unmasked phone and records in the audit log that
// this staff member saw it.
func (s *Store) RevealEmployer(ctx context.Context, staff, id int64) (string, error) {
	var phone string
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.queryRow(`SELECT coalesce(phone, '') FROM employers WHERE id = ? AND erased = 0`, id).Scan(&phone); err != nil {
			return notFound(err, "employer")
		}
		return tx.audit("reveal:phone", "employer", id, "")
	})
	return phone, err
}
