package store

import (
	"context"
	"strings"
	"testing"
)

func TestCountersAddRevokeAndAddAgain(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)
	clerk := must(s.AddStaff(ctx, head.ID, "李强", RoleStaff))(t)

	c := must(s.AddCounter(ctx, head.ID, NewCounter{Key: walkKeys[0] + "\n"}))(t)
	if c.Name != "desk-1" || c.Kind != CounterDesk || c.FromFile || c.AddedBy != "王芳" || c.Revoked() {
		t.Fatalf("added %+v: want desk-1, a desk added by the head", c)
	}
	if !strings.HasPrefix(c.Fingerprint, "SHA256:") || len(c.Fingerprint) != 50 {
		t.Errorf("fingerprint %q", c.Fingerprint)
	}
	for _, tc := range []struct {
		name string
		by   int64
		nc   NewCounter
		key  string
	}{
		{"the same key twice", head.ID, NewCounter{Name: "别的", Key: walkKeys[0]}, "counter.dup"},
		{"no key", head.ID, NewCounter{Name: "x"}, "counter.key_empty"},
		{"not a key", head.ID, NewCounter{Name: "x", Key: "ssh-ed25519 AAAAnotbase64"}, "counter.key_bad"},
		{"two keys", head.ID, NewCounter{Name: "x", Key: walkKeys[0] + "\n" + walkKeys[1]}, "counter.key_bad"},
		{"a private key", head.ID, NewCounter{Name: "x", Key: "-----BEGIN OPENSSH PRIVATE KEY-----"}, "counter.key_bad"},
		{"no name and no comment", head.ID, NewCounter{Key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICEPT6DH5glZDUHb3JIt72f1TjG8YsyyKL/ysgSLFdQ9"}, "counter.name_empty"},
		{"a language we lack", head.ID, NewCounter{Name: "x", Key: walkKeys[1], Lang: "fr"}, "counter.lang"},
		{"a clerk", clerk.ID, NewCounter{Name: "x", Key: walkKeys[1]}, "staff.head_only"},
	} {
		_, err := s.AddCounter(ctx, tc.by, tc.nc)
		if e := AsError(err); e == nil || e.Key != tc.key {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.key)
		}
	}
	if n := len(must(s.Counters(ctx))(t)); n != 1 {
		t.Fatalf("%d counters after refusals, want 1", n)
	}

	if err := s.RevokeCounter(ctx, clerk.ID, c.ID); AsError(err) == nil {
		t.Error("a clerk revoked a counter")
	}
	must(0, s.RevokeCounter(ctx, head.ID, c.ID))(t)
	if err := s.RevokeCounter(ctx, head.ID, c.ID); AsError(err) == nil || AsError(err).Code != NotFound {
		t.Errorf("revoking twice: %v", err)
	}
	got := must(s.RevokedAmong(ctx, []int64{c.ID, 999}))(t)
	if len(got) != 1 || got[0] != c.ID {
		t.Errorf("RevokedAmong = %v", got)
	}
	// the head may let the key in again, under another name
	again := must(s.AddCounter(ctx, head.ID, NewCounter{Name: "电话调度台", Key: walkKeys[0], Kind: CounterDesk, Lang: "en"}))(t)
	if again.ID != c.ID || again.Revoked() || again.Name != "电话调度台" || again.Lang != "en" {
		t.Errorf("added again: %+v", again)
	}
}

func TestCountersFromTheFileAndTheirAudit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head := must(s.Setup(ctx, "后街零工市场", "王芳"))(t)

	ck := must(ParseCounterKey("kiosk " + walkKeys[1]))(t)
	door := must(s.CounterFromFile(ctx, ck))(t)
	if door.Name != "door" || door.Kind != CounterKiosk || !door.FromFile {
		t.Fatalf("from the file: %+v", door)
	}
	if again := must(s.CounterFromFile(ctx, ck))(t); again.ID != door.ID {
		t.Error("the same key got a second row")
	}
	renamed := must(ParseCounterKey(walkKeys[1][:len(walkKeys[1])-len("door")] + "门口屏"))(t)
	if c := must(s.CounterFromFile(ctx, renamed))(t); c.Name != "门口屏" || c.Kind != CounterDesk {
		t.Errorf("the file's new comment and options: %+v", c)
	}
	must(0, s.RevokeCounter(ctx, head.ID, door.ID))(t)
	if c := must(s.CounterFromFile(ctx, ck))(t); !c.Revoked() {
		t.Error("a revoked key came back from the file")
	}

	must(0, s.CounterSession(ctx, door.ID, true))(t)
	if c := must(s.CounterByID(ctx, door.ID))(t); c.LastSeen.IsZero() {
		t.Error("last seen not set")
	}
	// a change made at a counter names it beside the staff member
	at := AtCounter(ctx, door.ID)
	must(s.AddStaff(at, head.ID, "赵敏", RoleStaff))(t)
	rows := must(s.Audit(ctx, AuditFilter{Limit: 3}))(t)
	if rows[0].Action != "create" || rows[0].Counter != "门口屏" || rows[0].StaffID != head.ID {
		t.Errorf("audit of a change at a counter: %+v", rows[0])
	}
	if rows[1].Action != "ssh:connect" || rows[1].Entity != "counter" || rows[1].StaffID != 0 || rows[1].Detail != "fp="+door.Fingerprint {
		t.Errorf("audit of a connection: %+v", rows[1])
	}
	if _, err := s.CounterByFingerprint(ctx, "SHA256:nothing"); AsError(err) == nil || AsError(err).Code != NotFound {
		t.Errorf("unknown fingerprint: %v", err)
	}
}
