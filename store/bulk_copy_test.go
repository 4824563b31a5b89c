package store

import (
	"context"
	"testing"
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
