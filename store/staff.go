package store

import (
	"context"
	"strconv"
	"strings"
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
	HasPIN    bool // false on databases from before PINs: they set one at their next sign-in
	CreatedAt time.Time
}

// AddStaff registers a staff member; by is the station head adding them, or 0 during first-run
// setup (allowed only while the station has no staff at all). They choose a PIN at first sign-in.
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
		if by == 0 {
			var n int
			if err := tx.queryRow(`SELECT count(*) FROM staff`).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return &Error{Code: Conflict, Key: "staff.head_only", Detail: "only the station head adds staff"}
			}
		} else if err := tx.requireHead(); err != nil {
			return err
		}
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

// ListStaff lists active staff members in the order they joined.
func (s *Store) ListStaff(ctx context.Context) ([]Staff, error) {
	return s.staffWhere(ctx, `WHERE active = 1`)
}

// AllStaff lists every staff member, deactivated ones too (the head's staff list).
func (s *Store) AllStaff(ctx context.Context) ([]Staff, error) {
	return s.staffWhere(ctx, ``)
}

// StaffMember reads one staff member.
func (s *Store) StaffMember(ctx context.Context, id int64) (Staff, error) {
	list, err := s.staffWhere(ctx, `WHERE id = ?`, id)
	if err != nil {
		return Staff{}, err
	}
	if len(list) == 0 {
		return Staff{}, &Error{Code: NotFound, Key: "staff.not_found", Detail: strconv.FormatInt(id, 10)}
	}
	return list[0], nil
}

func (s *Store) staffWhere(ctx context.Context, where string, args ...any) ([]Staff, error) {
	return queryAll(ctx, s, scanStaff, `SELECT id, name, role, active, pin_hash <> '', created_at FROM staff `+where+` ORDER BY id`, args...)
}

// SetStaffActive deactivates (or brings back) a staff member; only the station head may, and
// the last active head cannot be deactivated.
func (s *Store) SetStaffActive(ctx context.Context, head, id int64, active bool) error {
	return s.write(ctx, head, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		var role string
		if err := tx.queryRow(`SELECT role FROM staff WHERE id = ?`, id).Scan(&role); err != nil {
			return notFound(err, "staff")
		}
		if !active && Role(role) == RoleHead {
			var heads int
			if err := tx.queryRow(`SELECT count(*) FROM staff WHERE role = 'head' AND active = 1 AND id <> ?`, id).Scan(&heads); err != nil {
				return err
			}
			if heads == 0 {
				return &Error{Code: Conflict, Key: "staff.last_head", Detail: "the station needs an active head"}
			}
		}
		if _, err := tx.exec(`UPDATE staff SET active = ? WHERE id = ?`, active, id); err != nil {
			return err
		}
		action := "deactivate"
		if active {
			action = "activate"
		}
		return tx.audit(action, "staff", id, "")
	})
}

// requireHead refuses the change unless the staff member making it is an active station head.
func (t *Tx) requireHead() error {
	var role string
	err := t.queryRow(`SELECT role FROM staff WHERE id = ? AND active = 1`, t.staff).Scan(&role)
	if err != nil || Role(role) != RoleHead {
		return &Error{Code: Conflict, Key: "staff.head_only", Detail: "only the station head may do this"}
	}
	return nil
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
	Counter  string // the counter's name when the change came over SSH (gigdesk serve)
}

// AuditFilter narrows the audit log; zero fields match everything.
type AuditFilter struct {
	Entity   string
	EntityID int64
	StaffID  int64
	Action   string    // an exact action, or a prefix ending in ':' ("reveal:" matches every reveal)
	From, To time.Time // [From, To); zero means open
	Limit    int
}

// Audit lists audit rows, newest first.
func (s *Store) Audit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 {
		f.Limit = 200
	}
	return queryAll(ctx, s, scanAuditEntry, `SELECT a.id, a.at, coalesce(a.staff_id, 0), a.action, a.entity, a.entity_id, a.detail, coalesce(c.name, '')
		FROM audit a LEFT JOIN counters c ON c.id = a.counter_id WHERE (? = '' OR a.entity = ?) AND (? = 0 OR a.entity_id = ?) AND (? = 0 OR a.staff_id = ?)
		AND (? = '' OR a.action = ? OR (? <> '' AND substr(a.action, 1, length(?)) = ?)) AND (? = 0 OR a.at >= ?) AND (? = 0 OR a.at < ?)
		ORDER BY a.id DESC LIMIT ?`, f.Entity, f.Entity, f.EntityID, f.EntityID, f.StaffID, f.StaffID,
		f.Action, f.Action, prefixOf(f.Action), prefixOf(f.Action), prefixOf(f.Action), unixOrZero(f.From), unixOrZero(f.From), unixOrZero(f.To), unixOrZero(f.To), f.Limit)
}

// prefixOf is the action prefix a filter like "reveal:" matches; "" matches only exact actions.
func prefixOf(action string) string {
	if strings.HasSuffix(action, ":") {
		return action
	}
	return "" // exact actions only (PostgreSQL's text holds no NUL to match nothing with)
}

func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// AuditNames lists the entities and actions found in the audit log, for the filters.
func (s *Store) AuditNames(ctx context.Context) (entities, actions []string, err error) {
	for _, q := range []struct {
		col string
		out *[]string
	}{{"entity", &entities}, {"action", &actions}} {
		names, err := queryAll(ctx, s, scanOne[string], `SELECT DISTINCT `+q.col+` FROM audit ORDER BY 1`)
		if err != nil {
			return nil, nil, err
		}
		*q.out = names
	}
	return entities, actions, nil
}

func scanStaff(sc scanner) (Staff, error) {
	var st Staff
	var created int64
	if err := sc.Scan(&st.ID, &st.Name, &st.Role, &st.Active, &st.HasPIN, &created); err != nil {
		return st, err
	}
	st.CreatedAt = time.Unix(created, 0)
	return st, nil
}

func scanAuditEntry(sc scanner) (AuditEntry, error) {
	var a AuditEntry
	var at int64
	if err := sc.Scan(&a.ID, &at, &a.StaffID, &a.Action, &a.Entity, &a.EntityID, &a.Detail, &a.Counter); err != nil {
		return a, err
	}
	a.At = time.Unix(at, 0)
	return a, nil
}
