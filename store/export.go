package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"gigdesk/store/valid"
)

// ExportKind is a table staff can export for the district's spreadsheets.
type ExportKind string

const (
	ExportWorkers    ExportKind = "workers"
	ExportEmployers  ExportKind = "employers"
	ExportJobs       ExportKind = "jobs"
	ExportDispatches ExportKind = "dispatches"
)

// ExportKinds lists what can be exported.
var ExportKinds = []ExportKind{ExportWorkers, ExportEmployers, ExportJobs, ExportDispatches}

// ColumnKind says how a presenter shows an exported value.
type ColumnKind int

const (
	ColInt     ColumnKind = iota // int64
	ColText                      // string
	ColMoney                     // int64 fen, or nil
	ColTime                      // int64 Unix seconds, or nil
	ColBool                      // bool
	ColTrade                     // int64 trade id
	ColTrades                    // []int64 trade ids
	ColPlace                     // int64 place id, 0 for none
	ColCode                      // string: a status, channel, unit or kind code; presenters name it
	ColGroups                    // []string priority-group codes
	ColMinutes                   // int64 minutes
)

// ExportColumn is one column of an export: Name is the catalogue's column name suffix.
type ExportColumn struct {
	Name string
	Kind ColumnKind
}

// ExportRequest says what to export: a table, optionally the records created in the
// station-local days [From, To], with phones and ID numbers in full only when Full.
type ExportRequest struct {
	Kind     ExportKind
	From, To string // both empty: every record
	Full     bool
	File     string // the file it goes to, for the audit log ("" for the screen or a pipe)
}

type exportSpec struct {
	cols  []ExportColumn
	query string // selects the columns in order; ends where the WHERE clause goes
	time  string // the column the date range applies to
	order string
}

var exportSpecs = map[ExportKind]exportSpec{
	ExportWorkers: {
		cols: []ExportColumn{{"id", ColInt}, {"name", ColText}, {"gender", ColCode}, {"birth_year", ColInt}, {"phone", ColText},
			{"id_number", ColText}, {"community", ColPlace}, {"trades", ColTrades}, {"expected_pay", ColMoney}, {"pay_unit", ColCode},
			{"groups", ColGroups}, {"insured", ColBool}, {"channel", ColCode}, {"consent", ColBool}, {"worker_status", ColCode},
			{"created_at", ColTime}},
		query: `SELECT id, name, gender, birth_year, coalesce(phone, ''), coalesce(id_number, ''), coalesce(community_id, 0),
			expected_pay_fen, expected_pay_unit, groups, insured, channel, consent, status, created_at FROM workers`,
		time: "created_at", order: "id",
	},
	ExportEmployers: {
		cols: []ExportColumn{{"id", ColInt}, {"employer_kind", ColCode}, {"name", ColText}, {"contact", ColText}, {"phone", ColText},
			{"address", ColText}, {"community", ColPlace}, {"created_at", ColTime}},
		query: `SELECT id, kind, name, contact, coalesce(phone, ''), address, coalesce(community_id, 0), created_at FROM employers`,
		time:  "created_at", order: "id",
	},
	ExportJobs: {
		cols: []ExportColumn{{"id", ColInt}, {"employer_id", ColInt}, {"employer", ColText}, {"trade", ColTrade}, {"headcount", ColInt},
			{"filled", ColInt}, {"community", ColPlace}, {"starts_at", ColTime}, {"duration", ColMinutes}, {"pay", ColMoney},
			{"pay_unit", ColCode}, {"urgent", ColBool}, {"channel", ColCode}, {"job_status", ColCode}, {"posted_at", ColTime}},
		query: `SELECT j.id, j.employer_id, e.name, j.trade_id, j.headcount, j.filled, coalesce(j.community_id, 0), j.starts_at,
			j.duration_minutes, j.pay_fen, j.pay_unit, j.urgent, j.channel, j.status, j.created_at
			FROM jobs j JOIN employers e ON e.id = j.employer_id`,
		time: "j.created_at", order: "j.id",
	},
	ExportDispatches: {
		cols: []ExportColumn{{"id", ColInt}, {"job_id", ColInt}, {"worker_id", ColInt}, {"worker", ColText}, {"priority", ColBool},
			{"trade", ColTrade}, {"community", ColPlace}, {"dispatch_status", ColCode}, {"starts_at", ColTime}, {"agreed_pay", ColMoney},
			{"job_posted_at", ColTime}, {"dispatched_at", ColTime}, {"checked_in_at", ColTime}, {"done_at", ColTime},
			{"paid", ColMoney}, {"paid_at", ColTime}, {"disputed", ColBool}},
		query: `SELECT d.id, d.job_id, d.worker_id, w.name, CASE WHEN w.groups <> '' THEN 1 ELSE 0 END, j.trade_id, coalesce(j.community_id, 0), d.status,
			d.starts_at, d.agreed_pay_fen, j.created_at, d.created_at, d.checked_in_at, d.done_at, d.paid_fen, d.paid_at, d.disputed
			FROM dispatches d JOIN jobs j ON j.id = d.job_id JOIN workers w ON w.id = d.worker_id`,
		time: "d.created_at", order: "d.id",
	},
}

// ExportColumns are the columns of kind, in order.
func ExportColumns(kind ExportKind) ([]ExportColumn, error) {
	spec, ok := exportSpecs[kind]
	if !ok {
		return nil, &Error{Code: Invalid, Key: "export.kind", Field: "kind", Detail: string(kind)}
	}
	return spec.cols, nil
}

// Export calls row for every record of the request, oldest first, with one value per column
// (see ColumnKind for each value's type). Phones and ID numbers are masked unless Full; a full
// export is written to the audit log under staff before the first row.
func (s *Store) Export(ctx context.Context, staff int64, req ExportRequest, row func([]any) error) error {
	spec, ok := exportSpecs[req.Kind]
	if !ok {
		return &Error{Code: Invalid, Key: "export.kind", Field: "kind", Detail: string(req.Kind)}
	}
	q, args, err := s.exportQuery(spec, &req)
	if err != nil {
		return err
	}
	if err := s.auditExport(ctx, staff, req); err != nil {
		return err
	}
	var trades map[int64][]int64
	if req.Kind == ExportWorkers {
		if trades, err = s.allWorkerTrades(ctx); err != nil {
			return err
		}
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return dbError(err, s.path)
	}
	defer rows.Close()
	n := len(spec.cols)
	if req.Kind == ExportWorkers {
		n-- // trades come from worker_trades
	}
	raw := make([]any, n)
	ptrs := make([]any, n)
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return dbError(err, s.path)
		}
		vals := make([]any, 0, len(spec.cols))
		for _, v := range raw {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			vals = append(vals, v)
		}
		if req.Kind == ExportWorkers {
			id := vals[0].(int64)
			vals = append(vals[:7], append([]any{trades[id]}, vals[7:]...)...)
		}
		for i, c := range spec.cols {
			vals[i] = exportValue(c, vals[i], req.Full)
		}
		if err := row(vals); err != nil {
			return err
		}
	}
	return dbError(rows.Err(), s.path)
}

// exportQuery is the request's query: its records, within its days when it names any.
func (s *Store) exportQuery(spec exportSpec, req *ExportRequest) (string, []any, error) {
	q := spec.query
	var args []any
	if req.From != "" || req.To != "" {
		if req.From == "" {
			req.From = req.To
		}
		if req.To == "" {
			req.To = req.From
		}
		a, b, err := s.rangeOf(req.From, req.To)
		if err != nil {
			return "", nil, err
		}
		q += ` WHERE ` + spec.time + ` >= ? AND ` + spec.time + ` < ?`
		args = append(args, a, b)
	}
	return q + ` ORDER BY ` + spec.order, args, nil
}

// auditExport records a full export, or any export to a file: an erase later names the files
// that may still hold someone.
func (s *Store) auditExport(ctx context.Context, staff int64, req ExportRequest) error {
	if !req.Full && req.File == "" {
		return nil
	}
	detail := refs("range", "all")
	if req.From != "" {
		detail = refs("from", req.From, "to", req.To)
	}
	action := "export_file"
	if req.Full {
		action = "export_full"
	}
	return s.write(ctx, staff, func(tx *Tx) error { return tx.audit(action, string(req.Kind), 0, fileDetail(detail, req.File)) })
}

// exportValue gives each value the Go type its column kind promises, masking personal data.
func exportValue(c ExportColumn, v any, full bool) any {
	switch c.Kind {
	case ColBool:
		n, _ := v.(int64)
		return n != 0
	case ColTime, ColMoney:
		if v == nil {
			return nil
		}
		return v
	case ColGroups:
		s, _ := v.(string)
		if s == "" {
			return []string(nil)
		}
		return strings.Split(s, ",")
	case ColText:
		s, _ := v.(string)
		if !full {
			switch c.Name {
			case "phone":
				s = valid.MaskPhone(s)
			case "id_number":
				s = valid.MaskID(s)
			}
		}
		return s
	case ColCode:
		s, _ := v.(string)
		return s
	case ColTrades:
		return v
	}
	if v == nil {
		return int64(0)
	}
	return v
}

func (s *Store) allWorkerTrades(ctx context.Context) (map[int64][]int64, error) {
	out := map[int64][]int64{}
	q := &readChain{s: s, ctx: ctx}
	q.rows(`SELECT worker_id, trade_id FROM worker_trades ORDER BY worker_id, trade_id`, nil, func(r *sql.Rows) error {
		var w, t int64
		if err := r.Scan(&w, &t); err != nil {
			return err
		}
		out[w] = append(out[w], t)
		return nil
	})
	return out, dbError(q.err, s.path)
}

// ParseExportKind reads an export kind typed on the command line.
func ParseExportKind(s string) (ExportKind, error) {
	for _, k := range ExportKinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", &Error{Code: Invalid, Key: "export.kind", Field: "kind", Detail: fmt.Sprintf("%q (use %s)", s, strconv.Quote("workers|employers|jobs|dispatches"))}
}
