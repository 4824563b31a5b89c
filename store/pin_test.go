package store

import (
	"context"
	"gigdesk/store/testdb"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func init() { pinCost = bcrypt.MinCost } // the tests check the rules, not bcrypt's speed

func TestValidPIN(t *testing.T) {
	for _, tc := range []struct {
		pin, key string
	}{
		{"1234", ""}, {"12345678", ""}, {"", "pin.empty"}, {"123", "pin.format"}, {"123456789", "pin.format"},
		{"12a4", "pin.format"}, {"１２３４", "pin.format"}, {"12 34", "pin.format"},
	} {
		err := ValidPIN(tc.pin)
		if got := keyOf(err); got != tc.key {
			t.Errorf("ValidPIN(%q) = %v, want %q", tc.pin, err, tc.key)
		}
	}
}

func keyOf(err error) string {
	if e := AsError(err); e != nil {
		return e.Key
	}
	if err != nil {
		return "?" + err.Error()
	}
	return ""
}

func TestPINSignInLockoutSurvivesRestart(t *testing.T) {
	path := testdb.New(t, "gigdesk.db")
	now := fixedNow
	clock := func() time.Time { return now }
	s, err := Open(path, WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	head, err := s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	var hash string
	s.db.QueryRow(`SELECT pin_hash FROM staff WHERE id = ?`, head.ID).Scan(&hash)
	if hash == "" || strings.Contains(hash, "2468") {
		t.Fatalf("PIN stored as %q", hash)
	}
	if _, err := s.StaffSignIn(ctx, head.ID, "2468"); err != nil {
		t.Fatalf("right PIN refused: %v", err)
	}
	for i := 1; i <= 4; i++ {
		_, err := s.StaffSignIn(ctx, head.ID, "1111")
		if e := AsError(err); e == nil || e.Key != "pin.wrong" || e.Ref != int64(PINMaxFailures-i) {
			t.Fatalf("wrong PIN %d: %v", i, err)
		}
	}
	s.Close()
	// restarting gigdesk does not reset the count
	s, err = Open(path, WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.StaffSignIn(ctx, head.ID, "1111"); keyOf(err) != "pin.locked" {
		t.Fatalf("fifth wrong PIN: %v, want pin.locked", err)
	}
	if _, err := s.StaffSignIn(ctx, head.ID, "2468"); keyOf(err) != "pin.locked" {
		t.Fatalf("right PIN while locked: %v, want pin.locked", err)
	}
	now = now.Add(PINLockout + time.Second)
	if _, err := s.StaffSignIn(ctx, head.ID, "2468"); err != nil {
		t.Fatalf("after the lock-out the right PIN should work: %v", err)
	}
	got := must(s.Audit(ctx, AuditFilter{Entity: "staff", Action: "signin:"}))(t)
	if len(got) != 5 {
		t.Fatalf("audited %d failed sign-ins, want 5: %+v", len(got), got)
	}
}

func TestPINRolesAndFirstSignIn(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head, err := s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	li, err := s.AddStaff(ctx, head.ID, "李强", RoleStaff)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddStaff(ctx, li.ID, "赵六", RoleStaff); keyOf(err) != "staff.head_only" {
		t.Fatalf("staff added staff: %v", err)
	}
	if _, err := s.AddStaff(ctx, 0, "赵六", RoleStaff); keyOf(err) != "staff.head_only" {
		t.Fatalf("nobody added staff after setup: %v", err)
	}
	if _, err := s.StaffSignIn(ctx, li.ID, "1357"); keyOf(err) != "pin.not_set" {
		t.Fatalf("sign-in without a PIN: %v", err)
	}
	if err := s.SetPIN(ctx, li.ID, li.ID, "1357"); err != nil {
		t.Fatalf("first PIN: %v", err)
	}
	if err := s.SetPIN(ctx, li.ID, li.ID, "9999"); keyOf(err) != "staff.head_only" {
		t.Fatalf("staff changed their PIN without the head: %v", err)
	}
	if err := s.SetPIN(ctx, li.ID, head.ID, "9999"); keyOf(err) != "staff.head_only" {
		t.Fatalf("staff set the head's PIN: %v", err)
	}
	if err := s.ResetPIN(ctx, li.ID, head.ID); keyOf(err) != "staff.head_only" {
		t.Fatalf("staff reset a PIN: %v", err)
	}
	if err := s.ResetPIN(ctx, head.ID, li.ID); err != nil {
		t.Fatal(err)
	}
	if st := must(s.StaffMember(ctx, li.ID))(t); st.HasPIN {
		t.Fatal("reset PIN still set")
	}
	if err := s.SetStaffActive(ctx, head.ID, head.ID, false); keyOf(err) != "staff.last_head" {
		t.Fatalf("deactivated the last head: %v", err)
	}
	if err := s.SetStaffActive(ctx, head.ID, li.ID, false); err != nil {
		t.Fatal(err)
	}
	if list := must(s.ListStaff(ctx))(t); len(list) != 1 {
		t.Fatalf("deactivated staff still listed: %+v", list)
	}
	if all := must(s.AllStaff(ctx))(t); len(all) != 2 {
		t.Fatalf("AllStaff = %+v", all)
	}
	if _, err := s.StaffSignIn(ctx, li.ID, "1357"); keyOf(err) != "staff.inactive" {
		t.Fatalf("deactivated staff signed in: %v", err)
	}
}

func TestAuditRowsCannotBeEdited(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.Setup(ctx, "后街零工市场", "王芳"); err != nil {
		t.Fatal(err)
	}
	before := count(t, s, "audit")
	if _, err := s.db.Exec(`UPDATE audit SET detail = 'x'`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Fatalf("UPDATE of audit: %v", err)
	}
	if _, err := s.db.Exec(`DELETE FROM audit`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Fatalf("DELETE of audit: %v", err)
	}
	if after := count(t, s, "audit"); after != before || before == 0 {
		t.Fatalf("audit rows %d → %d", before, after)
	}
}
