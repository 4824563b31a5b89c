package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The copy's one transaction on the destination, and the rows it moves: multi-row INSERTs
// into SQLite, COPY into PostgreSQL (pgx's CopyFrom on the transaction's own connection).

// copyInto writes every table of plan, read from src, into dst in one transaction.
func copyInto(ctx context.Context, src, dst *Store, plan []copyTable, to string, progress func(CopyCount)) ([]CopyCount, error) {
	conn, err := dst.db.Conn(ctx)
	if err != nil {
		return nil, dbError(err, dst.path)
	}
	defer conn.Close()
	if !dst.pg {
		restore, err := bulkPragmas(ctx, conn, false) // the journal stays: a copy cut short rolls back
		if err != nil {
			return nil, dbError(err, dst.path)
		}
		defer restore()
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, dbError(err, dst.path)
	}
	defer tx.Rollback()
	if !dst.pg { // a row may point at one of its own table written later (a place's parent)
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			return nil, dbError(err, dst.path)
		}
	}
	if err := refuseStation(ctx, tx, plan, to); err != nil {
		return nil, err
	}
	indexes, err := prepareDestination(ctx, tx, dst, plan)
	if err != nil {
		return nil, dbError(err, dst.path)
	}
	opts := &sql.TxOptions{ReadOnly: true}
	if src.pg {
		opts.Isolation = sql.LevelRepeatableRead // one snapshot for every table
	}
	read, err := src.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, dbError(err, src.path)
	}
	defer read.Rollback()
	counts := make([]CopyCount, 0, len(plan))
	for _, t := range plan {
		n, err := copyRows(ctx, read, conn, tx, dst.pg, t)
		if err != nil {
			return nil, dbError(err, dst.path)
		}
		counts = append(counts, CopyCount{Table: t.name, Rows: n})
		if progress != nil {
			progress(counts[len(counts)-1])
		}
	}
	for _, q := range indexes {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return nil, dbError(fmt.Errorf("copy: build index again: %w", err), dst.path)
		}
	}
	if dst.pg {
		if err := moveAllIdentities(ctx, tx); err != nil {
			return nil, dbError(err, dst.path)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, dbError(err, dst.path)
	}
	return counts, nil
}

// refuseStation refuses a destination with rows in any table but the catalogue a new
// database starts with: it holds a station (or part of one), and a copy never mixes two.
func refuseStation(ctx context.Context, tx *sql.Tx, plan []copyTable, to string) error {
	for _, t := range plan {
		if catalogueTables[t.name] {
			continue
		}
		var found bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM "`+t.name+`")`).Scan(&found); err != nil {
			return dbError(err, to)
		}
		if found {
			return &Error{Code: Conflict, Key: "copy.not_empty", Detail: shownTarget(to) + " (" + t.name + ")"}
		}
	}
	return nil
}

// prepareDestination empties the catalogue tables (children first) for the source's rows, and
// drops the secondary indexes of every table, returning the statements that build them again:
// one sort per index at the end instead of an update per row.
func prepareDestination(ctx context.Context, tx *sql.Tx, dst *Store, plan []copyTable) ([]string, error) {
	names := make([]string, len(plan))
	for i, t := range plan {
		names[i] = t.name
	}
	for i := len(plan) - 1; i >= 0; i-- {
		if catalogueTables[plan[i].name] {
			if _, err := tx.ExecContext(ctx, `DELETE FROM "`+plan[i].name+`"`); err != nil {
				return nil, err
			}
		}
	}
	rows, err := tx.QueryContext(ctx, dst.secondaryIndexesSQL(len(names)), anySlice(names)...)
	if err != nil {
		return nil, err
	}
	var drop, create []string
	for rows.Next() {
		var name, q string
		if err := rows.Scan(&name, &q); err != nil {
			rows.Close()
			return nil, err
		}
		drop, create = append(drop, name), append(create, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, n := range drop {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+n+`"`); err != nil {
			return nil, err
		}
	}
	return create, nil
}

// copyRows reads every row of t in key order and writes it into the destination.
func copyRows(ctx context.Context, read *sql.Tx, conn *sql.Conn, tx *sql.Tx, pg bool, t copyTable) (int64, error) {
	rows, err := read.QueryContext(ctx, `SELECT `+quoted(t.cols)+` FROM "`+t.name+`" ORDER BY `+quoted(t.key))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	src := &rowSource{rows: rows, vals: make([]any, len(t.cols)), ptrs: make([]any, len(t.cols))}
	for i := range src.vals {
		src.ptrs[i] = &src.vals[i]
	}
	var n int64
	if pg {
		err = conn.Raw(func(dc any) error {
			pc, ok := dc.(*pgConn)
			if !ok {
				return fmt.Errorf("copy %s: not a PostgreSQL connection (%T)", t.name, dc)
			}
			n, err = pc.Conn.Conn().CopyFrom(ctx, pgx.Identifier{t.name}, t.cols, src)
			return err
		})
	} else {
		n, err = insertRows(ctx, tx, t, src)
	}
	if err != nil {
		return 0, fmt.Errorf("copy %s: %w", t.name, err)
	}
	return n, rows.Err()
}

// rowSource hands the source's rows one at a time, as pgx's CopyFrom asks for them.
type rowSource struct {
	rows *sql.Rows
	vals []any // the current row; each Scan fills it anew (bytes are copied)
	ptrs []any
	err  error
}

func (r *rowSource) Next() bool { return r.err == nil && r.rows.Next() }

func (r *rowSource) Values() ([]any, error) {
	r.err = r.rows.Scan(r.ptrs...)
	return r.vals, r.err
}

func (r *rowSource) Err() error {
	if r.err != nil {
		return r.err
	}
	return r.rows.Err()
}

// insertRows writes the rows of src into t as multi-row INSERTs of one prepared size.
func insertRows(ctx context.Context, tx *sql.Tx, t copyTable, src *rowSource) (int64, error) {
	cols := len(t.cols)
	per := min(256, maxBulkVars/cols)
	prefix := `INSERT INTO "` + t.name + `" (` + quoted(t.cols) + `) VALUES `
	row := "(" + placeholders(cols) + ")"
	statement := func(n int) string { return prefix + strings.TrimSuffix(strings.Repeat(row+",", n), ",") }
	full, err := tx.PrepareContext(ctx, statement(per))
	if err != nil {
		return 0, err
	}
	defer full.Close()
	buf := make([]any, 0, per*cols)
	var n int64
	for src.Next() {
		vals, err := src.Values()
		if err != nil {
			return n, err
		}
		buf = append(buf, vals...)
		n++
		if len(buf) == per*cols {
			if _, err := full.ExecContext(ctx, buf...); err != nil {
				return n, err
			}
			buf = buf[:0]
		}
	}
	if err := src.Err(); err != nil {
		return n, err
	}
	if len(buf) > 0 {
		if _, err := tx.ExecContext(ctx, statement(len(buf)/cols), buf...); err != nil {
			return n, err
		}
	}
	return n, nil
}

// quoted is the column list "a", "b", … as SQL names it.
func quoted(cols []string) string {
	return `"` + strings.Join(cols, `", "`) + `"`
}

// moveAllIdentities sets every identity past the ids copied into its table (PostgreSQL only:
// SQLite gives the next row max(id) + 1 anyway), so the next record saved takes a new id.
func moveAllIdentities(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, pgIdentitiesSQL)
	if err != nil {
		return err
	}
	var tables, cols []string
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			rows.Close()
			return err
		}
		tables, cols = append(tables, t), append(cols, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, t := range tables {
		q := `SELECT setval(pg_get_serial_sequence('"` + t + `"', '` + cols[i] + `'), coalesce(max("` + cols[i] + `"), 0) + 1, false) FROM "` + t + `"`
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
