package store

import (
	"context"
	"time"

	"gigdesk/store/valid"
)

// Role is what a staff member may do; the station head manages staff and settings.
type Role string

const (
	RoleHead  Role = "head"
	RoleStaff Role = "staff"
)

// Staff is a person working the counter.
type Staff struct {
	ID        int64
	Name      string
	Role      Role
	Active    bool
	CreatedAt time.Time
}

// AddStaff registers a staff member; by is who adds them (0 during first-run setup).
func (s *Store) AddStaff(ctx context.Context, by int64, name string, role Role) (Staff, error) {
	name, p := valid.Name(name)
	if p != nil {
		p.Field = "staff_name"
		return Staff{}, fieldError(p)
	}
	if role != RoleHead && role != RoleStaff {
		return Staff{}, Errorf(Invalid, "staff.role", "unknown role %q", role)
	}
	st := Staff{Name: name, Role: role, Active: true}
	err := s.write(ctx, by, func(tx *Tx) error {
		st.CreatedAt = tx.now
		id, err := tx.insert(`INSERT INTO staff (name, role, active, created_at) VALUES (?, ?, 1, ?)`, name, string(role), tx.now.Unix())
		if isUnique(err) {
			return &Error{Code: Conflict, Key: "staff.exists", Field: "staff_name", Detail: name}
		}
		if err != nil {
			return err
		}
		st.ID = id
		if tx.staff == 0 {
			tx.staff = id // the first staff member records their own creation
		}
		return tx.audit("create", "staff", id, name)
	})
	return st, err
}

// ListStaff lists active staff members by name.
func (s *Store) ListStaff(ctx context.Context) ([]Staff, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, role, active, created_at FROM staff WHERE active = 1 ORDER BY id`)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	var out []Staff
	for rows.Next() {
		var st Staff
		var created int64
		if err := rows.Scan(&st.ID, &st.Name, &st.Role, &st.Active, &created); err != nil {
			return nil, dbError(err, s.path)
		}
		st.CreatedAt = time.Unix(created, 0)
		out = append(out, st)
	}
	return out, dbError0(rows.Err(), s.path)
}

// Setup names the station and adds its first staff member (the station head) in one go.
func (s *Store) Setup(ctx context.Context, stationName, headName string) (Staff, error) {
	st := DefaultSettings()
	st.StationName = stationName
	if err := st.Validate(); err != nil {
		return Staff{}, err
	}
	head, err := s.AddStaff(ctx, 0, headName, RoleHead)
	if err != nil {
		return Staff{}, err
	}
	return head, s.SaveSettings(ctx, head.ID, st)
}

// AuditEntry is one row of the audit log.
type AuditEntry struct {
	ID       int64
	At       time.Time
	StaffID  int64
	Action   string
	Entity   string
	EntityID int64
	Detail   string
}

// AuditFilter narrows the audit log; zero fields match everything.
type AuditFilter struct {
	Entity   string
	EntityID int64
	StaffID  int64
	Limit    int
}

// Audit lists audit rows, newest first.
func (s *Store) Audit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 {
		f.Limit = 200
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, coalesce(staff_id, 0), action, entity, entity_id, detail FROM audit
		WHERE (? = '' OR entity = ?) AND (? = 0 OR entity_id = ?) AND (? = 0 OR staff_id = ?)
		ORDER BY id DESC LIMIT ?`, f.Entity, f.Entity, f.EntityID, f.EntityID, f.StaffID, f.StaffID, f.Limit)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var a AuditEntry
		var at int64
		if err := rows.Scan(&a.ID, &at, &a.StaffID, &a.Action, &a.Entity, &a.EntityID, &a.Detail); err != nil {
			return nil, dbError(err, s.path)
		}
		a.At = time.Unix(at, 0)
		out = append(out, a)
	}
	return out, dbError0(rows.Err(), s.path)
}
