package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// Person says whose data: a worker or an employer.
type Person string

const (
	PersonWorker   Person = "worker"
	PersonEmployer Person = "employer"
)

func (p Person) table() (string, bool) {
	switch p {
	case PersonWorker:
		return "workers", true
	case PersonEmployer:
		return "employers", true
	}
	return "", false
}

// Export is everything the station holds about one person, as they may ask to see it
// (PIPL: the right to access and copy). Times are station-local RFC 3339.
type Export struct {
	Kind       Person                      `json:"kind"`
	ID         int64                       `json:"id"`
	ExportedAt string                      `json:"exported_at"`
	Station    string                      `json:"station"`
	Record     map[string]any              `json:"record"`
	Related    map[string][]map[string]any `json:"related"`
	Audit      []map[string]any            `json:"audit"`
}

// ExportPerson gathers every row about one worker or employer: their record, every row of
// every table that refers to them, and the audit log about them. The export itself is audited.
func (s *Store) ExportPerson(ctx context.Context, staff int64, kind Person, id int64) (Export, error) {
	return s.exportPerson(ctx, staff, kind, id, "")
}

// ExportPersonFile gathers the person's data as ExportPerson does and writes it to path (0600);
// the audit log names the file, so an erase can say where a copy went.
func (s *Store) ExportPersonFile(ctx context.Context, staff int64, kind Person, id int64, path string) (Export, error) {
	ex, err := s.exportPerson(ctx, staff, kind, id, path)
	if err != nil {
		return ex, err
	}
	if err := ex.WriteFile(path); err != nil {
		return ex, &Error{Code: Invalid, Key: "privacy.out", Detail: path, Err: err}
	}
	return ex, nil
}

func (s *Store) exportPerson(ctx context.Context, staff int64, kind Person, id int64, path string) (Export, error) {
	table, ok := kind.table()
	if !ok {
		return Export{}, Errorf(Invalid, "privacy.which", "unknown kind %q", kind)
	}
	ex := Export{Kind: kind, ID: id, Related: map[string][]map[string]any{}}
	err := s.write(ctx, staff, func(tx *Tx) error {
		ex.ExportedAt = tx.now.In(s.loc).Format(time.RFC3339)
		var station string
		tx.queryRow(`SELECT value FROM settings WHERE key = 'station_name'`).Scan(&station)
		ex.Station = station
		rows, err := tx.rows(`SELECT * FROM `+table+` WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return &Error{Code: NotFound, Key: string(kind) + ".not_found", Detail: fmt.Sprint(id)}
		}
		ex.Record = rows[0]
		refs, err := tx.referencing(table)
		if err != nil {
			return err
		}
		for _, r := range refs {
			got, err := tx.rows(`SELECT * FROM `+r.table+` WHERE `+r.column+` = ? ORDER BY 1, 2`, id) // the id, or the key's first columns: the same order on both engines
			if err != nil {
				return err
			}
			for _, row := range got {
				for _, col := range secretColumns[r.table] {
					delete(row, col)
				}
			}
			if len(got) > 0 {
				ex.Related[r.table] = got
			}
		}
		if kind == PersonEmployer { // what happened on their jobs, without the workers' own details
			got, err := tx.rows(`SELECT d.id, d.job_id, d.status, d.starts_at, d.ends_at, d.agreed_pay_fen, d.paid_fen, d.paid_at,
				d.employer_rating, d.disputed FROM dispatches d JOIN jobs j ON j.id = d.job_id WHERE j.employer_id = ? ORDER BY d.id`, id)
			if err != nil {
				return err
			}
			if len(got) > 0 {
				ex.Related["dispatches"] = got
			}
		}
		if ex.Audit, err = tx.rows(`SELECT id, at, staff_id, action, entity, entity_id, detail FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id`, string(kind), id); err != nil {
			return err
		}
		return tx.audit("export", string(kind), id, fileDetail("", path))
	})
	return ex, err
}

// secretColumns are left out of a person's export: what the station keeps to check them, not
// data about them (a PIN's hash would let anyone holding the file try PINs at leisure).
var secretColumns = map[string][]string{"worker_self": {"pin_hash"}}

type reference struct{ table, column string }

// referencing lists the columns of other tables that refer to table (from the schema itself,
// so a table added later is exported too).
func (t *Tx) referencing(table string) ([]reference, error) {
	names, err := t.query(t.s.tablesSQL())
	if err != nil {
		return nil, err
	}
	var tables []string
	for names.Next() {
		var n string
		names.Scan(&n)
		tables = append(tables, n)
	}
	names.Close()
	var out []reference
	for _, tb := range tables {
		fks, err := t.query(t.s.referencesSQL(), tb)
		if err != nil {
			return nil, err
		}
		for fks.Next() {
			var parent, col string
			fks.Scan(&parent, &col)
			if parent == table && tb != table {
				out = append(out, reference{tb, col})
			}
		}
		fks.Close()
	}
	return out, nil
}

// rows reads a query into maps of column → value; *_at times become station-local text.
func (t *Tx) rows(query string, args ...any) ([]map[string]any, error) {
	rs, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make(map[string]any, len(cols))
		for i, c := range cols {
			v := vals[i]
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			if n, ok := v.(int64); ok && (c == "at" || strings.HasSuffix(c, "_at") || c == "valid_until") && n > 0 {
				v = time.Unix(n, 0).In(t.s.loc).Format(time.RFC3339)
			}
			row[c] = v
		}
		out = append(out, row)
	}
	return out, rs.Err()
}

// WriteFile writes the export as indented JSON with mode 0600 (it holds phones and ID numbers),
// through a temporary file so a half-written export never sits under the real name.
func (e Export) WriteFile(path string) error {
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".partial"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
