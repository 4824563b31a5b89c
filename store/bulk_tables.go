package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Every table's name, row count and rows: the demo checks a database is empty with them and
// tests compare two loads.

// tableNames lists the database's tables by name.
func (s *Store) tableNames(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.tablesSQL())
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, dbError(err, s.path)
		}
		out = append(out, n)
	}
	return out, dbError(rows.Err(), s.path)
}

// TableCounts is the number of rows in every table.
func (s *Store) TableCounts(ctx context.Context) (map[string]int64, error) {
	names, err := s.tableNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(names))
	for _, n := range names {
		var c int64
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM "`+n+`"`).Scan(&c); err != nil {
			return nil, dbError(err, s.path)
		}
		out[n] = c
	}
	return out, nil
}

// Tables lists the database's tables by name.
func (s *Store) Tables(ctx context.Context) ([]string, error) { return s.tableNames(ctx) }

// DumpTable returns every row of table as one line of |-separated values, in rowid order
// (tables without a rowid, in primary-key order). Tests compare two loads with it.
func (s *Store) DumpTable(ctx context.Context, table string) ([]string, error) {
	names, err := s.tableNames(ctx)
	if err != nil {
		return nil, err
	}
	found := false
	for _, n := range names {
		found = found || n == table
	}
	if !found {
		return nil, Errorf(NotFound, "table.not_found", "no table %q", table)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT * FROM "`+table+`" ORDER BY rowid`)
	if err != nil {
		rows, err = s.db.QueryContext(ctx, `SELECT * FROM "`+table+`" ORDER BY 1, 2`)
	}
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, dbError(err, s.path)
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []string
	var sb strings.Builder
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, dbError(err, s.path)
		}
		sb.Reset()
		for i, v := range vals {
			if i > 0 {
				sb.WriteByte('|')
			}
			switch x := v.(type) {
			case nil:
				sb.WriteString("NULL")
			case int64:
				sb.WriteString(strconv.FormatInt(x, 10))
			case []byte:
				sb.Write(x)
			case string:
				sb.WriteString(x)
			default:
				fmt.Fprint(&sb, x)
			}
		}
		out = append(out, sb.String())
	}
	return out, dbError(rows.Err(), s.path)
}
