package store

import (
	"context"
	"testing"

	"gigdesk/store/testdb"
)

// TestBulkRefusesABrokenReference: a load that deferred its indexes (and, on PostgreSQL, its
// foreign keys, checked once at the end) still refuses a row pointing at no record, saves
// nothing of it, and leaves every constraint in place for the writes that follow.
func TestBulkRefusesABrokenReference(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	before := count(t, s, "sign_ins")
	err := s.Bulk(ctx, func(l *Loader) error {
		if err := l.DeferIndexes(); err != nil {
			return err
		}
		return l.SignIn(&SignInRecord{ID: 1, WorkerID: 424242, Day: "2026-11-28", InAt: fixedNow})
	})
	if err == nil {
		t.Fatal("a sign-in of no worker was loaded")
	}
	if n := count(t, s, "sign_ins"); n != before {
		t.Fatalf("sign-ins %d after a failed load, want %d", n, before)
	}
	if s.pg {
		var fks int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'sign_ins'::regclass`).Scan(&fks); err != nil {
			t.Fatal(err)
		}
		if fks == 0 {
			t.Fatal("the failed load left sign_ins without its foreign keys")
		}
	}
	// and a good load after it keeps its references checked
	err = s.Bulk(ctx, func(l *Loader) error {
		if err := l.DeferIndexes(); err != nil {
			return err
		}
		return l.SignIn(&SignInRecord{ID: 2, WorkerID: 424243, Day: "2026-11-28", InAt: fixedNow})
	})
	if err == nil {
		t.Fatal("a second load of a sign-in of no worker was loaded")
	}
}

// A fresh load checks its references itself (foreign keys are off while it runs): a row may
// name a worker the load writes later, and the load still refuses an id that never comes.
func TestFreshLoadChecksReferencesInMemory(t *testing.T) {
	testdb.SkipOnPostgres(t, "PostgreSQL's loads check their foreign keys when the constraints come back")
	s := openTest(t)
	ctx := context.Background()
	w := &Worker{ID: 7, Name: "王五", Status: Active, ExpectedPayUnit: PerDay, Channel: "counter", CreatedAt: fixedNow, UpdatedAt: fixedNow}
	err := s.Bulk(ctx, func(l *Loader) error {
		if l.refs == nil {
			t.Fatal("a fresh load did not check its references in memory")
		}
		if err := l.SignIn(&SignInRecord{ID: 1, WorkerID: 7, Day: "2026-11-28", InAt: fixedNow}); err != nil {
			return err
		}
		return l.Worker(w, 0)
	})
	if err != nil {
		t.Fatalf("a sign-in written before its worker: %v", err)
	}
	if n := count(t, s, "sign_ins"); n != 1 {
		t.Fatalf("%d sign-ins, want 1", n)
	}
	// the database now holds a worker: the next load is not fresh and SQLite checks as it goes
	err = s.Bulk(ctx, func(l *Loader) error {
		if l.refs != nil {
			t.Error("a load into a station with workers checked references in memory")
		}
		return l.SignIn(&SignInRecord{ID: 2, WorkerID: 8, Day: "2026-11-28", InAt: fixedNow})
	})
	if err == nil {
		t.Fatal("a sign-in of no worker was loaded into a station with workers")
	}
}
