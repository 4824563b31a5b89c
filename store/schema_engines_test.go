package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gigdesk/store/testdb"
)

// schemaShape is a database's tables, each with its columns in order and its named indexes.
type schemaShape map[string]struct{ columns, indexes []string }

func (s *Store) shape(t *testing.T) schemaShape {
	t.Helper()
	ctx := context.Background()
	tables, err := s.tableNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	colsSQL := `SELECT name FROM pragma_table_info(?) ORDER BY cid`
	// named indexes only: those a migration created, not those behind a PRIMARY KEY or UNIQUE
	idxSQL := `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ? ORDER BY name`
	if s.pg {
		colsSQL = `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`
		idxSQL = `SELECT c.relname FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class tb ON tb.oid = x.indrelid
			WHERE tb.relname = ? AND tb.relnamespace = current_schema()::regnamespace
			AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) ORDER BY c.relname`
	}
	out := schemaShape{}
	for _, tb := range tables {
		cols, err := queryAll(ctx, s, scanOne[string], colsSQL, tb)
		if err != nil {
			t.Fatal(err)
		}
		idx, err := queryAll(ctx, s, scanOne[string], idxSQL, tb)
		if err != nil {
			t.Fatal(err)
		}
		out[tb] = struct{ columns, indexes []string }{cols, idx}
	}
	return out
}

// The two engines' migrations make the same schema: the same tables, columns and indexes.
func TestSchemaSameOnBothEngines(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip("needs PostgreSQL to compare with: set " + testdb.Env)
	}
	lite, err := Open(filepath.Join(t.TempDir(), "gigdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg := openTest(t)
	a, b := lite.shape(t), pg.shape(t)
	if len(a) < 20 || len(a["dispatches"].columns) < 20 || len(a["dispatches"].indexes) < 10 {
		t.Fatalf("the SQLite schema read as %d tables, dispatches %v: the catalogue queries are wrong", len(a), a["dispatches"])
	}
	for tb, want := range a {
		got, ok := b[tb]
		if !ok {
			t.Errorf("table %s: on SQLite, not on PostgreSQL", tb)
			continue
		}
		if !slices.Equal(got.columns, want.columns) {
			t.Errorf("table %s columns:\n  sqlite   %s\n  postgres %s", tb, strings.Join(want.columns, " "), strings.Join(got.columns, " "))
		}
		if !slices.Equal(got.indexes, want.indexes) {
			t.Errorf("table %s indexes:\n  sqlite   %s\n  postgres %s", tb, strings.Join(want.indexes, " "), strings.Join(got.indexes, " "))
		}
	}
	for tb := range b {
		if _, ok := a[tb]; !ok {
			t.Errorf("table %s: on PostgreSQL, not on SQLite", tb)
		}
	}
	// no 32-bit integer on PostgreSQL: a Unix time in one overflows in 2038
	narrow, err := queryAll(context.Background(), pg, scanOne[string], `SELECT table_name || '.' || column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND data_type IN ('integer', 'smallint') AND table_name <> 'schema_migrations' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	if len(narrow) > 0 {
		t.Errorf("32-bit integer columns on PostgreSQL: %v", narrow)
	}
}

// The two engines have the same migrations, by number and name.
func TestMigrationsSameNumbersOnBothEngines(t *testing.T) {
	lite, err := migrations(SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := migrations(Postgres)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ms []migration) (out []string) {
		for _, m := range ms {
			out = append(out, m.name)
		}
		return out
	}
	if !slices.Equal(names(lite), names(pg)) {
		t.Fatalf("migrations differ:\n  sqlite   %v\n  postgres %v", names(lite), names(pg))
	}
}

// Nothing that opens the database edits or removes audit rows, on either engine.
func TestAuditAppendOnly(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.Setup(ctx, "后街零工市场", "王芳"); err != nil {
		t.Fatal(err)
	}
	db, err := OpenSQL(s.path) // the store's own statements never try; another program might
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{`UPDATE audit SET detail = 'x'`, `DELETE FROM audit`} {
		if _, err := db.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused as append-only", q, err)
		}
	}
	if s.pg {
		if _, err := db.ExecContext(ctx, `TRUNCATE audit`); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("TRUNCATE audit: %v, want refused as append-only", err)
		}
	}
	if n := count(t, s, "audit"); n == 0 {
		t.Fatal("the audit rows are gone")
	}
}
