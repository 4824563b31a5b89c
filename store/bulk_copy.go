package store

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// On PostgreSQL the loader's rows go in by COPY (pgx's CopyFrom on the load transaction's own
// connection): a district's million dispatches take one round trip per few thousand rows and
// none of the parsing of multi-row INSERTs.

// pgRowsPerCopy is how many rows a table buffers before they are copied in.
const pgRowsPerCopy = 4096

// copies says whether this table's rows go in by COPY: PostgreSQL, and no ON CONFLICT clause
// (COPY has none; the settings a load writes are a handful of rows).
func (b *batcher) copies() bool { return b.l.s.pg && b.suffix == "" }

// copyRows copies rows rows of args (b.cols values each) into the table. Booleans become the
// 0 and 1 the columns hold, as the driver does for statements.
func (b *batcher) copyRows(args []any, rows int) error {
	cut := make([][]any, rows)
	for i := range cut {
		row := args[i*b.cols : (i+1)*b.cols]
		for j, v := range row {
			if t, ok := v.(bool); ok {
				row[j] = boolInt(t)
			}
		}
		cut[i] = row
	}
	err := b.l.conn.Raw(func(dc any) error {
		pc, ok := dc.(*pgConn)
		if !ok {
			return fmt.Errorf("not a PostgreSQL connection (%T)", dc)
		}
		_, err := pc.Conn.Conn().CopyFrom(b.l.ctx, pgx.Identifier{b.table}, b.columns, pgx.CopyFromRows(cut))
		return err
	})
	if err != nil {
		return fmt.Errorf("bulk %s: %w", b.table, err)
	}
	return nil
}

// columnNames splits a loader's column list ("id, name, …") into names.
func columnNames(cols string) []string {
	names := strings.Split(cols, ",")
	for i, n := range names {
		names[i] = strings.TrimSpace(n)
	}
	return names
}

// deferForeignKeys, on PostgreSQL, drops the foreign keys of the tables a load writes and adds
// them again just before commit (after the indexes): the server then checks each constraint
// with one join over the table instead of a trigger query per row copied, which was most of a
// district load's time. A row that breaks one still fails the load, at the end.
func (l *Loader) deferForeignKeys(tables []string) error {
	rows, err := l.tx.QueryContext(l.ctx, `SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)
		FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
		WHERE k.contype = 'f' AND c.relnamespace = to_regnamespace(current_schema())
		AND c.relname IN (`+placeholders(len(tables))+`) ORDER BY c.relname, k.conname`, anySlice(tables)...)
	if err != nil {
		return err
	}
	var drops []string
	for rows.Next() {
		var table, name, def string
		if err := rows.Scan(&table, &name, &def); err != nil {
			rows.Close()
			return err
		}
		drops = append(drops, `ALTER TABLE "`+table+`" DROP CONSTRAINT "`+name+`"`)
		l.foreignKeys = append(l.foreignKeys, `ALTER TABLE "`+table+`" ADD CONSTRAINT "`+name+`" `+def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, q := range drops {
		if _, err := l.tx.ExecContext(l.ctx, q); err != nil {
			return err
		}
	}
	return nil
}
