package store

import (
	"context"
	"gigdesk/store/testdb"
	"testing"
)

// A load into a fresh database runs without a journal and hands every connection back with
// the settings other writes rely on: WAL, a full sync, the usual cache, foreign keys enforced.
func TestBulkPragmasRestored(t *testing.T) {
	testdb.SkipOnPostgres(t, "the pragmas a load sets on its SQLite connection")
	s, err := Open(testdb.New(t, "bulk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.SetMaxOpenConns(1) // the load's connection is the one read after it
	ctx := context.Background()
	var before string
	if err := s.db.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	var during, temp, fk string
	err = s.Bulk(ctx, func(l *Loader) error {
		if err := l.tx.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&during); err != nil {
			return err
		}
		// in memory, SQLite sorts each deferred index in one run on one thread
		if err := l.tx.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&temp); err != nil {
			return err
		}
		if err := l.tx.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			return err
		}
		id, err := l.NextID("staff")
		if err != nil {
			return err
		}
		return l.staff.add(id, "Bulk", "head", 1, int64(1))
	})
	if err != nil {
		t.Fatal(err)
	}
	if temp != "0" {
		t.Errorf("temp_store during a load = %q, want 0 (files, so indexes sort on two threads)", temp)
	}
	if fk != "0" {
		t.Errorf("foreign_keys during a fresh load = %q, want 0 (the demo's ids are its own)", fk)
	}
	if during != "off" {
		t.Errorf("journal_mode during a fresh load = %q, want off", during)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, c := range []struct{ pragma, want string }{
		{"journal_mode", "wal"}, {"synchronous", "2"}, {"temp_store", "0"}, {"threads", "0"}, {"cache_size", before},
		{"foreign_keys", "1"},
	} {
		var got string
		if err := conn.QueryRowContext(ctx, `PRAGMA `+c.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("after the load PRAGMA %s = %q, want %q", c.pragma, got, c.want)
		}
	}
}
