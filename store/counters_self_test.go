package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"gigdesk/store/testdb"
)

// A counter can be the workers' own terminal: added so in Admin, or marked self in the file.
func TestCounterOfKindSelf(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
	c := must(s.AddCounter(ctx, head.ID, NewCounter{Name: "自助机", Key: walkKeys[0], Kind: CounterSelf}))(t)
	if c.Kind != CounterSelf {
		t.Fatalf("added %+v", c)
	}
	if _, err := s.AddCounter(ctx, head.ID, NewCounter{Name: "x", Key: walkKeys[1], Kind: "tv"}); keyOf(err) != "counter.kind" {
		t.Fatalf("an unknown kind: %v", err)
	}
	ck := must(ParseCounterKey(`self,no-pty ` + walkKeys[1]))(t)
	if !ck.Self || ck.Kiosk {
		t.Fatalf("options read as %+v", ck)
	}
	f := must(s.CounterFromFile(ctx, ck))(t)
	if f.Kind != CounterSelf || !f.FromFile {
		t.Fatalf("from the file %+v", f)
	}
	for _, k := range []CounterKind{CounterDesk, CounterKiosk, CounterSelf} {
		if !k.Valid() {
			t.Errorf("%s not valid", k)
		}
	}
}

// Migration 0021 builds the counters table again on SQLite: every counter keeps its id and
// fields, the audit rows that name a counter still do, and no foreign key is left dangling.
// Applied again over the schema it made, it changes nothing either.
func TestMigration0021KeepsCountersAndTheirAudit(t *testing.T) {
	url := testdb.New(t)
	clock := func() time.Time { return fixedNow }
	s := must(Open(url, WithClock(clock)))(t)
	ctx := context.Background()
	head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
	desk := must(s.AddCounter(ctx, head.ID, NewCounter{Name: "登记台", Key: walkKeys[0], Lang: "en"}))(t)
	door := must(s.CounterFromFile(ctx, must(ParseCounterKey("kiosk "+walkKeys[1]))(t)))(t)
	must(0, s.RevokeCounter(ctx, head.ID, door.ID))(t)
	must(0, s.CounterSession(ctx, desk.ID, true))(t)
	must(s.AddStaff(AtCounter(ctx, desk.ID), head.ID, "赵敏", RoleStaff))(t)
	before := must(s.Counters(ctx))(t)
	audited := must(s.Audit(ctx, AuditFilter{Limit: 50}))(t)
	if _, err := s.db.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = 21`); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = must(Open(url, WithClock(clock)))(t)
	defer s.Close()
	if v := must(queryAll(ctx, s, scanOne[int], `SELECT version FROM schema_migrations WHERE version = 21`))(t); len(v) != 1 {
		t.Fatal("0021 not applied again")
	}
	if after := must(s.Counters(ctx))(t); !slices.Equal(after, before) {
		t.Fatalf("counters before %+v\nafter %+v", before, after)
	}
	if again := must(s.Audit(ctx, AuditFilter{Limit: 50}))(t); !slices.EqualFunc(again, audited, func(a, b AuditEntry) bool { return a == b }) {
		t.Fatalf("audit changed:\n%+v\n%+v", audited, again)
	}
	if !s.pg {
		if bad := must(queryAll(ctx, s, scanOne[string], `SELECT "table" FROM pragma_foreign_key_check`))(t); len(bad) > 0 {
			t.Fatalf("dangling foreign keys in %v", bad)
		}
	}
	// the new kind is allowed, an unknown one still is not
	if _, err := s.db.ExecContext(ctx, `UPDATE counters SET kind = 'self' WHERE id = ?`, desk.ID); err != nil {
		t.Fatalf("kind self refused: %v", err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE counters SET kind = 'tv' WHERE id = ?`, desk.ID); err == nil {
		t.Fatal("an unknown kind got in")
	}
	// the rebuilt table still refuses an audit row naming no counter
	if _, err := s.db.ExecContext(ctx, `UPDATE audit SET counter_id = 999 WHERE id = (SELECT max(id) FROM audit)`); err == nil {
		t.Fatal("the audit's foreign key to counters is gone")
	}
}
